package io.bertlab.glue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.glue.metrics.Accuracy;
import io.bertlab.glue.tasks.RteTask;
import io.bertlab.glue.tasks.StsbTask;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.onnx.OnnxBertImporter;
import io.bertlab.testing.MiniLmFiles;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.testing.models.TinyBert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Real parts for training tests outside OSGi: the RTE task on the shared GLUE files, the accuracy metric, the real
 * MiniLM tokenizer, and model directories (MiniLM itself, or a small random BERT over MiniLM's vocabulary).
 */
final class RealTraining {

    private RealTraining() {
    }

    static GlueTask rte() {
        return new RteTask();
    }

    static GlueServices services() {
        GlueServices services = new GlueServices();
        services.addTask(rte());
        services.addMetric(new Accuracy());
        return services;
    }

    static GlueTask stsb() {
        return new StsbTask();
    }

    /** The first {@code count} examples of an RTE split. */
    static List<Example> rteExamples(String split, int count) throws IOException {
        return examples(rte(), "glue/RTE", split, count);
    }

    /** The first {@code count} examples of an STS-B split. */
    static List<Example> stsbExamples(String split, int count) throws IOException {
        return examples(stsb(), "glue/STS-B", split, count);
    }

    private static List<Example> examples(GlueTask task, String folder, String split, int count) throws IOException {
        Split chosen = task.splits().stream().filter(s -> s.name().equals(split)).findFirst().orElseThrow();
        Dataset dataset = task.read(SharedData.require(folder), chosen);
        return dataset.examples().subList(0, count);
    }

    static Tokenizer minilmTokenizer() throws IOException {
        return TokenizerFiles.load(MiniLmFiles.tokenizer(), Map.of(), ModelRegistry.discover(
                RealTraining.class.getClassLoader()));
    }

    /** MiniLM imported from its ONNX file, with its tokenizer, and dropout as given. */
    static Path minilm(Path directory, double dropout) throws IOException {
        ModelDirectory.Checkpoint imported = OnnxBertImporter.importModel(MiniLmFiles.onnx());
        ModelConfig c = imported.config();
        ModelConfig config = new ModelConfig(c.vocabSize(), c.hiddenSize(), c.numHiddenLayers(), c.numAttentionHeads(),
                c.intermediateSize(), c.hiddenAct(), dropout, dropout, c.maxPositionEmbeddings(), c.typeVocabSize(),
                c.initializerRange(), c.layerNormEps());
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(config, imported.weights()));
        Files.copy(MiniLmFiles.tokenizer(), directory.resolve("tokenizer.json"));
        return directory;
    }

    /** A random 2-layer BERT of hidden size 32 over MiniLM's vocabulary, with dropout 0.1: fast to train. */
    static Path tinyBert(Path directory) throws IOException {
        return TinyBert.save(directory, 128, 7, MiniLmFiles.tokenizer());
    }
}
