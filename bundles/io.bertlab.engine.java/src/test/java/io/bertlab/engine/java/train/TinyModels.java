package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Weight;
import java.util.Map;
import java.util.SplittableRandom;

/** Small random BERTs for gradient checks and training tests. */
final class TinyModels {

    private TinyModels() {
    }

    static ModelConfig config(int vocab, int hidden, int layers, int heads, int ffn, int positions, double dropout) {
        return new ModelConfig(vocab, hidden, layers, heads, ffn, "gelu", dropout, dropout, positions, 2, 0.02, 1e-12);
    }

    /** Encoder weights drawn uniformly from [-scale, scale]; LayerNorm scales around 1. */
    static BertWeights randomWeights(ModelConfig config, double scale, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BertWeights weights = new BertWeights();
        for (Map.Entry<String, int[]> e : BertParameterNames.encoderShapes(config).entrySet()) {
            float[] values = new float[(int) Weight.elementCount(e.getValue())];
            boolean layerNormScale = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((layerNormScale ? 1 : 0) + scale * (2 * random.nextDouble() - 1));
            }
            weights.put(new Weight(e.getKey(), e.getValue(), values));
        }
        return weights;
    }

    /** Random token ids; the last {@code padding} positions of odd rows are padding. */
    static Batch batch(int size, int length, int vocab, int padding, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] ids = new int[size][length];
        int[][] types = new int[size][length];
        int[][] mask = new int[size][length];
        for (int b = 0; b < size; b++) {
            for (int t = 0; t < length; t++) {
                ids[b][t] = random.nextInt(vocab);
                types[b][t] = t >= length / 2 ? 1 : 0;
                mask[b][t] = b % 2 == 1 && t >= length - padding ? 0 : 1;
            }
        }
        return new Batch(ids, types, mask);
    }
}
