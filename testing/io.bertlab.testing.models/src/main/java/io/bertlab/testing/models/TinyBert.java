package io.bertlab.testing.models;

import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A random 2-layer BERT encoder of width 32 (4 heads, intermediate 64, dropout 0.1) over BERT's 30,522-token
 * vocabulary, without pooler or heads: fast to train, and shaped like a sentence encoder's checkpoint. Weights are
 * uniform in ±0.05 around 0 (LayerNorm scales around 1), drawn from a seeded generator, so a seed names one model.
 */
public final class TinyBert {

    private TinyBert() {
    }

    /**
     * Writes the checkpoint, with a copy of a tokenizer beside it.
     *
     * @param directory the folder to create
     * @param maxPositions the position table's length
     * @param seed the weights' seed
     * @param tokenizer a {@code tokenizer.json} over BERT's uncased vocabulary
     * @return {@code directory}
     * @throws IOException when a file cannot be written
     */
    public static Path save(Path directory, int maxPositions, long seed, Path tokenizer) throws IOException {
        ModelConfig config = new ModelConfig(30522, 32, 2, 4, 64, "gelu", 0.1, 0.1, maxPositions, 2, 0.02, 1e-12);
        BertWeights weights = randomEncoder(config, 0.05, seed);
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(config, weights));
        Files.copy(tokenizer, directory.resolve("tokenizer.json"));
        return directory;
    }

    /**
     * Encoder weights of a configuration, uniform in ±{@code scale} around 0 (LayerNorm gains around 1).
     *
     * @param config the shapes
     * @param scale the half-width of the uniform draws
     * @param seed the generator's seed
     * @return the weights, without pooler or heads
     */
    public static BertWeights randomEncoder(ModelConfig config, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BertWeights weights = new BertWeights();
        for (Map.Entry<String, int[]> e : BertParameterNames.encoderShapes(config).entrySet()) {
            float[] values = new float[(int) Weight.elementCount(e.getValue())];
            boolean gain = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((gain ? 1 : 0) + scale * (2 * random.nextDouble() - 1));
            }
            weights.put(new Weight(e.getKey(), e.getValue(), values));
        }
        return weights;
    }
}
