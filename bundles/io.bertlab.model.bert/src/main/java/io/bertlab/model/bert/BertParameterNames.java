package io.bertlab.model.bert;

import io.bertlab.api.model.ModelConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HF names (and expected shapes) of a BERT encoder's parameters. */
public final class BertParameterNames {

    /** Word embedding matrix, {@code [vocab, hidden]}; also the tied MLM decoder. */
    public static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    /** Position embedding matrix, {@code [maxPositions, hidden]}. */
    public static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
    /** Token type embedding matrix, {@code [typeVocab, hidden]}. */
    public static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
    /** Embedding LayerNorm. */
    public static final Dense EMBEDDINGS_LAYER_NORM = new Dense("embeddings.LayerNorm");
    /** Pooler dense layer (optional in checkpoints). */
    public static final Dense POOLER = new Dense("pooler.dense");

    /** Prefix that HF task models ({@code BertForPreTraining}, ...) put before the encoder's parameters. */
    public static final String TASK_MODEL_PREFIX = "bert.";

    private BertParameterNames() {
    }

    /**
     * The {@code .weight}/{@code .bias} pair of a dense layer or a LayerNorm.
     *
     * @param prefix the module path, e.g. {@code encoder.layer.0.attention.self.query}
     */
    public record Dense(String prefix) {

        /**
         * The weight's name.
         *
         * @return {@code prefix.weight}
         */
        public String weight() {
            return prefix + ".weight";
        }

        /**
         * The bias's name.
         *
         * @return {@code prefix.bias}
         */
        public String bias() {
            return prefix + ".bias";
        }
    }

    /**
     * The parameter names of one encoder layer.
     *
     * @param query query projection
     * @param key key projection
     * @param value value projection
     * @param attentionOutput attention output projection
     * @param attentionLayerNorm LayerNorm after the attention residual
     * @param intermediate first feed-forward layer
     * @param output second feed-forward layer
     * @param outputLayerNorm LayerNorm after the feed-forward residual
     */
    public record Layer(Dense query, Dense key, Dense value, Dense attentionOutput, Dense attentionLayerNorm,
            Dense intermediate, Dense output, Dense outputLayerNorm) {
    }

    /**
     * The parameter names of encoder layer {@code index}.
     *
     * @param index the layer index, from 0
     * @return its names
     */
    public static Layer layer(int index) {
        String p = "encoder.layer." + index + ".";
        return new Layer(new Dense(p + "attention.self.query"), new Dense(p + "attention.self.key"),
                new Dense(p + "attention.self.value"), new Dense(p + "attention.output.dense"),
                new Dense(p + "attention.output.LayerNorm"), new Dense(p + "intermediate.dense"),
                new Dense(p + "output.dense"), new Dense(p + "output.LayerNorm"));
    }

    /**
     * Every encoder parameter (pooler excluded) with its expected shape under a configuration; HF dense weights are
     * {@code [out, in]}.
     *
     * @param config the architecture
     * @return name to shape, in HF order
     */
    public static Map<String, int[]> encoderShapes(ModelConfig config) {
        int h = config.hiddenSize();
        int ffn = config.intermediateSize();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(WORD_EMBEDDINGS, new int[] {config.vocabSize(), h});
        shapes.put(POSITION_EMBEDDINGS, new int[] {config.maxPositionEmbeddings(), h});
        shapes.put(TOKEN_TYPE_EMBEDDINGS, new int[] {config.typeVocabSize(), h});
        putDense(shapes, EMBEDDINGS_LAYER_NORM, null, h);
        for (int i = 0; i < config.numHiddenLayers(); i++) {
            Layer layer = layer(i);
            putDense(shapes, layer.query(), new int[] {h, h}, h);
            putDense(shapes, layer.key(), new int[] {h, h}, h);
            putDense(shapes, layer.value(), new int[] {h, h}, h);
            putDense(shapes, layer.attentionOutput(), new int[] {h, h}, h);
            putDense(shapes, layer.attentionLayerNorm(), null, h);
            putDense(shapes, layer.intermediate(), new int[] {ffn, h}, ffn);
            putDense(shapes, layer.output(), new int[] {h, ffn}, h);
            putDense(shapes, layer.outputLayerNorm(), null, h);
        }
        return shapes;
    }

    /**
     * The pooler's parameters with their expected shapes.
     *
     * @param config the architecture
     * @return name to shape
     */
    public static Map<String, int[]> poolerShapes(ModelConfig config) {
        int h = config.hiddenSize();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        putDense(shapes, POOLER, new int[] {h, h}, h);
        return shapes;
    }

    private static void putDense(Map<String, int[]> shapes, Dense dense, int[] weightShape, int outputs) {
        shapes.put(dense.weight(), weightShape == null ? new int[] {outputs} : weightShape);
        shapes.put(dense.bias(), new int[] {outputs});
    }
}
