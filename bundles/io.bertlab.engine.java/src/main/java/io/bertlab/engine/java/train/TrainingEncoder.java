package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.engine.java.Activation;
import io.bertlab.engine.java.InputCheck;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.model.bert.BertParameterNames;

/**
 * The BERT encoder with backward passes: forward keeps every activation backward needs, backward accumulates the
 * parameters' gradients and returns the gradient with respect to the word embeddings of the input.
 */
final class TrainingEncoder {

    /** What the forward pass of one layer keeps for backward. */
    private static final class LayerPass {
        float[] input;
        float[] query;
        float[] key;
        float[] value;
        /** Softmax probabilities, {@code [batch, heads, seq, seq]}. */
        float[] probabilities;
        float[] attentionDropout;
        float[] context;
        float[] attentionOutputDropout;
        LayerNormOps.Saved attentionNorm;
        float[] preActivation;
        float[] activated;
        float[] outputDropout;
        LayerNormOps.Saved outputNorm;
    }

    /** A forward pass: its inputs, its saved activations, and its outputs. */
    static final class Pass {
        Batch batch;
        int rows;
        boolean wordEmbeddingsGiven;
        LayerNormOps.Saved embeddingsNorm;
        float[] embeddingsDropout;
        LayerPass[] layers;
        /** Last hidden state, {@code [rows, hidden]}. */
        float[] last;
        /** First-token rows of {@link #last}, {@code [batch, hidden]}. */
        float[] first;
        /** Pooler output, {@code [batch, hidden]}; {@code null} when the session has no pooler. */
        float[] pooled;
    }

    /** Elements per task of element-wise passes: 64 KiB, plenty of tasks per layer to share out. */
    private static final int ELEMENTWISE_CHUNK = 1 << 14;

    private final ModelConfig config;
    private final Activation activation;
    private final Parameters parameters;
    private final DenseOps dense;
    private final ElementwiseKernel elementwise;
    private final TrainingAttention attention;

    TrainingEncoder(ModelConfig config, Parameters parameters, DenseOps dense, ElementwiseKernel elementwise) {
        this.config = config;
        this.activation = Activation.fromHfName(config.hiddenAct());
        this.parameters = parameters;
        this.dense = dense;
        this.elementwise = elementwise;
        this.attention = new TrainingAttention(config.numAttentionHeads(), config.headSize(), dense.gemm(),
                elementwise);
    }

    /**
     * Runs the encoder.
     *
     * @param batch the inputs
     * @param wordEmbeddings word embeddings to start from ({@code [rows, hidden]}), or {@code null} to look up the
     *        batch's token ids
     * @param dropout the dropout source in training mode, or {@code null} in inference mode
     * @return the pass
     */
    Pass forward(Batch batch, float[] wordEmbeddings, Dropout dropout) {
        int h = config.hiddenSize();
        InputCheck.verify(config, batch);
        Pass pass = new Pass();
        pass.batch = batch;
        pass.rows = batch.size() * batch.sequenceLength();
        pass.wordEmbeddingsGiven = wordEmbeddings != null;
        float[] words = wordEmbeddings != null ? wordEmbeddings : lookUpWords(batch);
        float[] sum = new float[pass.rows * h];
        float[] types = parameters.values(BertParameterNames.TOKEN_TYPE_EMBEDDINGS);
        float[] positions = parameters.values(BertParameterNames.POSITION_EMBEDDINGS);
        int length = batch.sequenceLength();
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < length; t++) {
                int row = (b * length + t) * h;
                int type = batch.tokenTypeId(b, t) * h;
                for (int j = 0; j < h; j++) {
                    sum[row + j] = (words[row + j] + types[type + j]) + positions[t * h + j];
                }
            }
        }
        pass.embeddingsNorm = norm(sum, pass.rows, BertParameterNames.EMBEDDINGS_LAYER_NORM);
        pass.embeddingsDropout = mask(dropout, pass.rows * h, config.hiddenDropoutProb());
        float[] hidden = Dropout.apply(pass.embeddingsNorm.output().clone(), pass.embeddingsDropout);
        pass.layers = new LayerPass[config.numHiddenLayers()];
        for (int i = 0; i < pass.layers.length; i++) {
            pass.layers[i] = new LayerPass();
            hidden = layerForward(BertParameterNames.layer(i), pass.layers[i], hidden, batch, dropout);
        }
        pass.last = hidden;
        pass.first = firstTokens(hidden, batch);
        if (parameters.contains(BertParameterNames.POOLER.weight())) {
            pass.pooled = dense.forward(pass.first, batch.size(),
                    parameters.values(BertParameterNames.POOLER.weight()),
                    parameters.values(BertParameterNames.POOLER.bias()), h, h);
            for (int i = 0; i < pass.pooled.length; i++) {
                pass.pooled[i] = (float) Math.tanh(pass.pooled[i]);
            }
        }
        return pass;
    }

    float[] lookUpWords(Batch batch) {
        InputCheck.verify(config, batch);
        int h = config.hiddenSize();
        int length = batch.sequenceLength();
        float[] table = parameters.values(BertParameterNames.WORD_EMBEDDINGS);
        float[] words = new float[batch.size() * length * h];
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < length; t++) {
                System.arraycopy(table, batch.inputId(b, t) * h, words, (b * length + t) * h, h);
            }
        }
        return words;
    }

    private float[] layerForward(BertParameterNames.Layer names, LayerPass saved, float[] input, Batch batch,
            Dropout dropout) {
        int h = config.hiddenSize();
        int rows = batch.size() * batch.sequenceLength();
        saved.input = input;
        saved.query = linear(input, rows, names.query(), h, h);
        saved.key = linear(input, rows, names.key(), h, h);
        saved.value = linear(input, rows, names.value(), h, h);
        attentionForward(saved, batch, dropout);
        float[] attended = linear(saved.context, rows, names.attentionOutput(), h, h);
        saved.attentionOutputDropout = mask(dropout, attended.length, config.hiddenDropoutProb());
        Dropout.apply(attended, saved.attentionOutputDropout);
        add(attended, input);
        saved.attentionNorm = norm(attended, rows, names.attentionLayerNorm());
        float[] x1 = saved.attentionNorm.output();
        int f = config.intermediateSize();
        saved.preActivation = linear(x1, rows, names.intermediate(), f, h);
        saved.activated = saved.preActivation.clone();
        dense.gemm().parallel().forEachRange(saved.activated.length, ELEMENTWISE_CHUNK,
                (from, to) -> activation.applyInPlace(saved.activated, from, to, elementwise));
        float[] out = linear(saved.activated, rows, names.output(), h, f);
        saved.outputDropout = mask(dropout, out.length, config.hiddenDropoutProb());
        Dropout.apply(out, saved.outputDropout);
        add(out, x1);
        saved.outputNorm = norm(out, rows, names.outputLayerNorm());
        return saved.outputNorm.output();
    }

    private void attentionForward(LayerPass saved, Batch batch, Dropout dropout) {
        int length = batch.sequenceLength();
        saved.probabilities = new float[batch.size() * config.numAttentionHeads() * length * length];
        saved.attentionDropout = mask(dropout, saved.probabilities.length, config.attentionProbsDropoutProb());
        saved.context = new float[batch.size() * length * config.hiddenSize()];
        attention.forward(saved.query, saved.key, saved.value, batch, saved.attentionDropout, saved.probabilities,
                saved.context);
    }

    /**
     * Backward through the whole encoder.
     *
     * @param pass the forward pass
     * @param dLast gradient of the last hidden state ({@code [rows, hidden]}), or {@code null}
     * @param dPooled gradient of the pooled output ({@code [batch, hidden]}), or {@code null}
     * @return the gradient with respect to the word embeddings, {@code [rows, hidden]}
     */
    float[] backward(Pass pass, float[] dLast, float[] dPooled) {
        int h = config.hiddenSize();
        Batch batch = pass.batch;
        int length = batch.sequenceLength();
        float[] dHidden = dLast != null ? dLast.clone() : new float[pass.rows * h];
        if (dPooled != null) {
            float[] dPre = new float[dPooled.length];
            for (int i = 0; i < dPre.length; i++) {
                dPre[i] = dPooled[i] * (1 - pass.pooled[i] * pass.pooled[i]);
            }
            float[] dFirst = dense.backward(dPre, pass.first, batch.size(),
                    parameters.values(BertParameterNames.POOLER.weight()),
                    parameters.gradient(BertParameterNames.POOLER.weight()),
                    parameters.gradient(BertParameterNames.POOLER.bias()), h, h);
            for (int b = 0; b < batch.size(); b++) {
                for (int j = 0; j < h; j++) {
                    dHidden[b * length * h + j] += dFirst[b * h + j];
                }
            }
        }
        for (int i = pass.layers.length - 1; i >= 0; i--) {
            dHidden = layerBackward(BertParameterNames.layer(i), pass.layers[i], dHidden, batch);
        }
        Dropout.apply(dHidden, pass.embeddingsDropout);
        float[] dSum = normBackward(dHidden, pass.embeddingsNorm, pass.rows, BertParameterNames.EMBEDDINGS_LAYER_NORM);
        float[] dTypes = parameters.gradient(BertParameterNames.TOKEN_TYPE_EMBEDDINGS);
        float[] dPositions = parameters.gradient(BertParameterNames.POSITION_EMBEDDINGS);
        float[] dWords = pass.wordEmbeddingsGiven ? null : parameters.gradient(BertParameterNames.WORD_EMBEDDINGS);
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < length; t++) {
                int row = (b * length + t) * h;
                int type = batch.tokenTypeId(b, t) * h;
                int word = batch.inputId(b, t) * h;
                for (int j = 0; j < h; j++) {
                    float g = dSum[row + j];
                    dTypes[type + j] += g;
                    dPositions[t * h + j] += g;
                    if (dWords != null) {
                        dWords[word + j] += g;
                    }
                }
            }
        }
        return dSum;
    }

    private float[] layerBackward(BertParameterNames.Layer names, LayerPass saved, float[] dOut, Batch batch) {
        int h = config.hiddenSize();
        int f = config.intermediateSize();
        int rows = batch.size() * batch.sequenceLength();
        float[] dSum2 = normBackward(dOut, saved.outputNorm, rows, names.outputLayerNorm());
        float[] dX1 = dSum2.clone();
        float[] dOutput = Dropout.apply(dSum2, saved.outputDropout);
        float[] dActivated = linearBackward(dOutput, saved.activated, rows, names.output(), h, f);
        dense.gemm().parallel().forEachRange(dActivated.length, ELEMENTWISE_CHUNK,
                (from, to) -> activation.backwardInPlace(saved.preActivation, dActivated, from, to, elementwise));
        add(dX1, linearBackward(dActivated, saved.attentionNorm.output(), rows, names.intermediate(), f, h));
        float[] dSum1 = normBackward(dX1, saved.attentionNorm, rows, names.attentionLayerNorm());
        float[] dInput = dSum1.clone();
        float[] dAttended = Dropout.apply(dSum1, saved.attentionOutputDropout);
        float[] dContext = linearBackward(dAttended, saved.context, rows, names.attentionOutput(), h, h);
        float[] dQuery = new float[rows * h];
        float[] dKey = new float[rows * h];
        float[] dValue = new float[rows * h];
        attention.backward(saved.query, saved.key, saved.value, batch, saved.attentionDropout, saved.probabilities,
                dContext, dQuery, dKey, dValue);
        add(dInput, linearBackward(dQuery, saved.input, rows, names.query(), h, h));
        add(dInput, linearBackward(dKey, saved.input, rows, names.key(), h, h));
        add(dInput, linearBackward(dValue, saved.input, rows, names.value(), h, h));
        return dInput;
    }

    private float[] linear(float[] x, int rows, BertParameterNames.Dense names, int out, int in) {
        return dense.forward(x, rows, parameters.values(names.weight()), parameters.values(names.bias()), out, in);
    }

    private float[] linearBackward(float[] dy, float[] x, int rows, BertParameterNames.Dense names, int out, int in) {
        return dense.backward(dy, x, rows, parameters.values(names.weight()), parameters.gradient(names.weight()),
                parameters.gradient(names.bias()), out, in);
    }

    private LayerNormOps.Saved norm(float[] x, int rows, BertParameterNames.Dense names) {
        return LayerNormOps.forward(x, rows, config.hiddenSize(), parameters.values(names.weight()),
                parameters.values(names.bias()), config.layerNormEps(), dense.gemm().parallel());
    }

    private float[] normBackward(float[] dy, LayerNormOps.Saved saved, int rows, BertParameterNames.Dense names) {
        return LayerNormOps.backward(dy, saved, rows, config.hiddenSize(), parameters.values(names.weight()),
                parameters.gradient(names.weight()), parameters.gradient(names.bias()), dense.gemm().parallel());
    }

    private static float[] mask(Dropout dropout, int length, double p) {
        return dropout == null ? null : dropout.mask(length, p);
    }

    private static void add(float[] target, float[] addend) {
        for (int i = 0; i < target.length; i++) {
            target[i] += addend[i];
        }
    }

    private float[] firstTokens(float[] hidden, Batch batch) {
        int h = config.hiddenSize();
        float[] first = new float[batch.size() * h];
        for (int b = 0; b < batch.size(); b++) {
            System.arraycopy(hidden, b * batch.sequenceLength() * h, first, b * h, h);
        }
        return first;
    }
}
