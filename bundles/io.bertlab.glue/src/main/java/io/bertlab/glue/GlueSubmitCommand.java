package io.bertlab.glue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.model.bert.CheckpointFolders;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab glue-submit}: the zip of the eleven prediction files the GLUE server takes. */
@Component(service = Command.class)
@CommandProperties(name = "glue-submit", summary = "Pack glue-predict's files into the GLUE server's submission zip")
public class GlueSubmitCommand extends GlueCommand {

    public GlueSubmitCommand() {
        super("glue-submit");
    }

    private static final String NAME = "glue-submit";


    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab glue-submit --predictions DIR --output FILE.zip [--fill-majority --data DIR...]",
                "",
                "Packs the eleven files the GLUE server expects (" + String.join(", ",
                        SubmissionFiles.EXPECTED.keySet()) + ")",
                "from DIR (where glue-predict wrote them) into a zip. A missing file is named and the zip",
                "refused, unless --fill-majority is given: then each missing file predicts the majority class",
                "of its task's training labels (STS-B: their mean) for every test example, which needs the",
                "task's train and test files in a --data folder. Prints the zip's path; standard error names",
                "each file that was filled.",
                "",
                "Options:",
                "  --predictions DIR    the folder of <TASK>.tsv files",
                "  --output FILE.zip    the zip to write (replaced atomically)",
                "  --fill-majority      fill missing files with the majority class instead of refusing",
                GlueOptions.DATA_HELP,
                "",
                "Example: bertlab glue-submit --predictions submission --output glue-submission.zip");
    }

    @Override
    int execute(CommandContext context) throws Exception {
        GlueOptions options = GlueOptions.parse(NAME, context, Set.of("--fill-majority"), Set.of("--data",
                "--predictions", "--output"));
        Path predictions = options.path(options.required("--predictions"));
        Path output = options.path(options.required("--output"));
        if (!Files.isDirectory(predictions)) {
            throw new IOException("--predictions " + predictions + " is not a folder");
        }
        // the output is checked before any filling work, which reads whole training sets
        if (Files.isDirectory(output)) {
            throw new IOException("--output " + output + " is a folder; name the zip file to write");
        }
        if (!Files.isDirectory(output.toAbsolutePath().getParent())) {
            throw new IOException("--output " + output + ": the folder " + output.toAbsolutePath().getParent()
                    + " does not exist");
        }
        List<String> missing = new ArrayList<>();
        for (String file : SubmissionFiles.EXPECTED.keySet()) {
            if (!Files.isRegularFile(predictions.resolve(file))) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty() && !options.arguments().has("--fill-majority")) {
            throw new IOException("missing in " + predictions + ": " + String.join(", ", missing)
                    + " (run glue-predict for those tasks, or add --fill-majority to predict their majority class)");
        }
        Path filled = Files.createTempDirectory("bertlab-submission");
        try {
            for (String file : missing) {
                fillWithMajority(file, options.data(), filled);
                context.err().println(NAME + ": " + file + ": majority class of its training labels");
            }
            writeZip(output, predictions, filled);
        } finally {
            CheckpointFolders.deleteTree(filled);
        }
        context.out().println(output);
        return 0;
    }

    private void fillWithMajority(String file, TaskData data, Path folder) throws IOException {
        SubmissionFiles.Source source = SubmissionFiles.EXPECTED.get(file);
        GlueTask task = services.task(source.task());
        GlueTask trainTask = services.task(source.trainTask());
        Dataset train = data.read(trainTask, "train");
        Dataset test = data.read(task, source.split());
        Prediction majority = majority(trainTask, train.examples());
        List<Prediction> predictions = new ArrayList<>(test.examples().size());
        for (Example example : test.examples()) {
            predictions.add(new Prediction(example.id(), majority.label(), majority.score()));
        }
        Path written = task.writeSubmission(test.split(), predictions, folder);
        if (!written.getFileName().toString().equals(file)) {
            throw new IOException(task.name() + " wrote " + written.getFileName() + " where " + file + " was expected");
        }
    }

    private static Prediction majority(GlueTask task, List<Example> train) {
        if (task.head() instanceof HeadSpec.Regression) {
            return new Prediction("", Example.NO_LABEL, train.stream().mapToDouble(Example::score).average()
                    .orElse(0));
        }
        int[] counts = new int[task.labels().size()];
        train.forEach(example -> counts[example.label()]++);
        int best = 0;
        for (int label = 1; label < counts.length; label++) {
            if (counts[label] > counts[best]) {
                best = label;
            }
        }
        return new Prediction("", best, Double.NaN);
    }

    private static void writeZip(Path output, Path predictions, Path filled) throws IOException {
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        try {
            zip(partial, predictions, filled);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void zip(Path partial, Path predictions, Path filled) throws IOException {
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, SubmissionFiles.Source> entry : SubmissionFiles.EXPECTED.entrySet()) {
                Path file = Files.isRegularFile(predictions.resolve(entry.getKey()))
                        ? predictions.resolve(entry.getKey()) : filled.resolve(entry.getKey());
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }
}
