package io.bertlab.pretrain.run;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A BERT initialised as HF initialises a new {@code BertForPreTraining} ({@code BertPreTrainedModel._init_weights}):
 * dense weights and every embedding matrix from {@code N(0, initializer_range)} (no truncation), the padding row
 * ({@code pad_token_id} 0) of the word embeddings zero, biases 0, LayerNorm weight 1 and bias 0, the MLM output bias
 * 0; the MLM decoder is the word embedding matrix (tied). Written as a model directory in HF's layout.
 */
final class RandomBert {

    /** HF's {@code BertConfig.pad_token_id}, whose word-embedding row {@code nn.Embedding(padding_idx=)} zeroes. */
    static final int PAD_TOKEN_ID = 0;

    private RandomBert() {
    }

    /**
     * The architecture of a new model: BERT's choices (GELU, dropout 0.1, two token types, initializer range 0.02,
     * LayerNorm epsilon 1e-12) with the given sizes.
     *
     * @param vocabSize the tokenizer's vocabulary size
     * @param layers encoder layers
     * @param hidden hidden size
     * @param heads attention heads (dividing {@code hidden})
     * @param intermediate feed-forward width
     * @param maxPositions the longest sequence
     * @return the configuration
     * @throws IllegalArgumentException naming the HF field at fault
     */
    static ModelConfig config(int vocabSize, int layers, int hidden, int heads, int intermediate, int maxPositions) {
        return new ModelConfig(vocabSize, hidden, layers, heads, intermediate, "gelu", 0.1, 0.1, maxPositions, 2, 0.02,
                1e-12);
    }

    /**
     * The parameters of the encoder, the pooler and the heads, drawn in name order from one seeded generator.
     *
     * @param config the architecture
     * @param heads the heads to create (masked-LM, next-sentence and classification heads get HF's parameters;
     *        others are left to the engine, which initialises a missing head the same way)
     * @param seed the seed
     * @return the weights under bertlab's names (encoder without prefix)
     */
    static BertWeights weights(ModelConfig config, List<HeadSpec> heads, long seed) {
        int h = config.hiddenSize();
        Map<String, int[]> shapes = new LinkedHashMap<>(BertParameterNames.encoderShapes(config));
        shapes.putAll(BertParameterNames.poolerShapes(config));
        for (HeadSpec head : heads) {
            if (head instanceof HeadSpec.MaskedLm) {
                shapes.put(head.name() + ".transform.dense.weight", new int[] {h, h});
                shapes.put(head.name() + ".transform.dense.bias", new int[] {h});
                shapes.put(head.name() + ".transform.LayerNorm.weight", new int[] {h});
                shapes.put(head.name() + ".transform.LayerNorm.bias", new int[] {h});
                shapes.put(head.name() + ".bias", new int[] {config.vocabSize()});
            } else if (head instanceof HeadSpec.NextSentence) {
                shapes.put(head.name() + ".weight", new int[] {2, h});
                shapes.put(head.name() + ".bias", new int[] {2});
            } else if (head instanceof HeadSpec.Classification classification) {
                shapes.put(head.name() + ".weight", new int[] {classification.numLabels(), h});
                shapes.put(head.name() + ".bias", new int[] {classification.numLabels()});
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        BertWeights weights = new BertWeights();
        for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
            String name = entry.getKey();
            int[] shape = entry.getValue();
            float[] values = new float[(int) Weight.elementCount(shape)];
            if (name.contains("LayerNorm.weight")) {
                java.util.Arrays.fill(values, 1f);
            } else if (shape.length == 2) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * config.initializerRange());
                }
                if (name.equals(BertParameterNames.WORD_EMBEDDINGS)) {
                    java.util.Arrays.fill(values, PAD_TOKEN_ID * h, (PAD_TOKEN_ID + 1) * h, 0f);
                }
            }
            weights.put(new Weight(name, shape, values));
        }
        return weights;
    }

    /**
     * Writes a new model directory ({@code config.json}, {@code model.safetensors} in HF's
     * {@code BertForPreTraining} layout).
     *
     * @param folder the directory
     * @param config the architecture
     * @param heads the heads
     * @param seed the seed
     * @throws IOException when writing fails
     */
    static void write(Path folder, ModelConfig config, List<HeadSpec> heads, long seed) throws IOException {
        PretrainingCheckpoint.save(folder, config, weights(config, heads, seed));
    }
}
