package io.bertlab.analysis.attribution;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.SharedCorpus;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * all-MiniLM-L6-v2 fine-tuned for a few steps on the first sentences of GLUE SST-2's training set, saved as
 * {@code glue-train} saves a model (weights, tokenizer.json, glue.json): a real classifier whose answers depend on
 * the words, made once per test JVM.
 */
final class Sst2MiniLm {

    static final HeadSpec.Classification HEAD = new HeadSpec.Classification(FineTunedModel.HEAD, 2,
            HeadSpec.Pooling.MEAN);

    /** 24 steps of 8 sentences: enough for the head to leave chance (p near 0.5) on sentiment words, in seconds. */
    private static final int STEPS = 24;
    private static final int BATCH = 8;

    private static Path directory;

    private Sst2MiniLm() {
    }

    static synchronized Path directory() throws IOException {
        if (directory == null) {
            // sentence TAB label, after a header row
            List<String> rows = SharedCorpus.lines(SharedData.require("glue/SST-2/train.tsv"));
            Path folder = Files.createDirectories(Path.of("target", "test-models", "sst2-minilm")).toAbsolutePath();
            Tokenizer tokenizer = JavaMiniLm.tokenizer();
            TrainingSpec spec = new TrainingSpec(List.of(HEAD), OptimizerSpec.bertFineTuning(3e-4, STEPS), 42);
            try (Model model = JavaMiniLm.model(); TrainingSession session = model.openSession(spec)) {
                for (int step = 0; step < STEPS; step++) {
                    List<String> texts = new ArrayList<>();
                    int[] labels = new int[BATCH];
                    for (int i = 0; i < BATCH; i++) {
                        String[] fields = rows.get(1 + step * BATCH + i).split("\t");
                        texts.add(fields[0]);
                        labels[i] = Integer.parseInt(fields[1].trim());
                    }
                    session.step(batchOf(tokenizer, texts), Targets.of(HEAD.name(),
                            new HeadTarget.ClassLabels(labels)));
                }
                session.save(folder);
            }
            Files.copy(MiniLmFiles.tokenizer(), folder.resolve("tokenizer.json"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(folder.resolve(FineTunedModel.FILE), "{\"task\":\"SST-2\",\"labels\":[\"negative\","
                    + "\"positive\"],\"model\":\"all-MiniLM-L6-v2\",\"epoch\":1,\"dev\":{},\"pooling\":\"MEAN\"}\n");
            directory = folder;
        }
        return directory;
    }

    private static Batch batchOf(Tokenizer tokenizer, List<String> texts) {
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(64), tokenizer.defaultPadding());
        List<Encoding> encodings = tokenizer.encodeBatch(texts, options);
        int[][] ids = new int[texts.size()][];
        int[][] types = new int[texts.size()][];
        int[][] mask = new int[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            ids[i] = encodings.get(i).ids();
            types[i] = encodings.get(i).typeIds();
            mask[i] = encodings.get(i).attentionMask();
        }
        return new Batch(ids, types, mask);
    }
}
