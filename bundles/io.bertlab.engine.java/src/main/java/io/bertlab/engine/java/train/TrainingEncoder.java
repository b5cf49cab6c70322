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
        /** Pooler output, {@code [batch, hidden]}. */
        float[] pooled;
    }

    private final ModelConfig config;
    private final Activation activation;
    private final Parameters parameters;
    private final DenseOps dense;
    private final ElementwiseKernel elementwise;

    TrainingEncoder(ModelConfig config, Parameters parameters, DenseOps dense, ElementwiseKernel elementwise) {
        this.config = config;
        this.activation = Activation.fromHfName(config.hiddenAct());
        this.parameters = parameters;
        this.dense = dense;
        this.elementwise = elementwise;
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
        pass.pooled = dense.forward(pass.first, batch.size(), parameters.values(BertParameterNames.POOLER.weight()),
                parameters.values(BertParameterNames.POOLER.bias()), h, h);
        for (int i = 0; i < pass.pooled.length; i++) {
            pass.pooled[i] = (float) Math.tanh(pass.pooled[i]);
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
        activation.applyInPlace(saved.activated, 0, saved.activated.length, elementwise);
        float[] out = linear(saved.activated, rows, names.output(), h, f);
        saved.outputDropout = mask(dropout, out.length, config.hiddenDropoutProb());
        Dropout.apply(out, saved.outputDropout);
        add(out, x1);
        saved.outputNorm = norm(out, rows, names.outputLayerNorm());
        return saved.outputNorm.output();
    }

    private void attentionForward(LayerPass saved, Batch batch, Dropout dropout) {
        int heads = config.numAttentionHeads();
        int d = config.headSize();
        int h = config.hiddenSize();
        int length = batch.sequenceLength();
        float scale = (float) (1 / Math.sqrt(d));
        saved.probabilities = new float[batch.size() * heads * length * length];
        saved.attentionDropout = mask(dropout, saved.probabilities.length, config.attentionProbsDropoutProb());
        saved.context = new float[batch.size() * length * h];
        dense.gemm().parallel().forEach(batch.size() * heads, task -> {
            int b = task / heads;
            int head = task % heads;
            // A sequence without any attended token attends uniformly, as HF's additive mask yields.
            boolean any = false;
            for (int j = 0; j < length; j++) {
                any |= batch.attended(b, j);
            }
            for (int i = 0; i < length; i++) {
                int p = ((b * heads + head) * length + i) * length;
                int q = (b * length + i) * h + head * d;
                float max = Float.NEGATIVE_INFINITY;
                for (int j = 0; j < length; j++) {
                    int k = (b * length + j) * h + head * d;
                    float score = 0;
                    for (int c = 0; c < d; c++) {
                        score += saved.query[q + c] * saved.key[k + c];
                    }
                    score *= scale;
                    saved.probabilities[p + j] = score;
                    if ((!any || batch.attended(b, j)) && score > max) {
                        max = score;
                    }
                }
                double sum = 0;
                for (int j = 0; j < length; j++) {
                    float e = !any || batch.attended(b, j) ? (float) Math.exp(saved.probabilities[p + j] - max) : 0f;
                    saved.probabilities[p + j] = e;
                    sum += e;
                }
                for (int j = 0; j < length; j++) {
                    saved.probabilities[p + j] /= sum;
                }
                for (int j = 0; j < length; j++) {
                    float weight = saved.probabilities[p + j]
                            * (saved.attentionDropout == null ? 1f : saved.attentionDropout[p + j]);
                    if (weight != 0f) {
                        int v = (b * length + j) * h + head * d;
                        for (int c = 0; c < d; c++) {
                            saved.context[q + c] += weight * saved.value[v + c];
                        }
                    }
                }
            }
        });
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
        for (int i = 0; i < dActivated.length; i++) {
            dActivated[i] *= (float) activation.derivative(saved.preActivation[i]);
        }
        add(dX1, linearBackward(dActivated, saved.attentionNorm.output(), rows, names.intermediate(), f, h));
        float[] dSum1 = normBackward(dX1, saved.attentionNorm, rows, names.attentionLayerNorm());
        float[] dInput = dSum1.clone();
        float[] dAttended = Dropout.apply(dSum1, saved.attentionOutputDropout);
        float[] dContext = linearBackward(dAttended, saved.context, rows, names.attentionOutput(), h, h);
        float[] dQuery = new float[rows * h];
        float[] dKey = new float[rows * h];
        float[] dValue = new float[rows * h];
        attentionBackward(saved, batch, dContext, dQuery, dKey, dValue);
        add(dInput, linearBackward(dQuery, saved.input, rows, names.query(), h, h));
        add(dInput, linearBackward(dKey, saved.input, rows, names.key(), h, h));
        add(dInput, linearBackward(dValue, saved.input, rows, names.value(), h, h));
        return dInput;
    }

    private void attentionBackward(LayerPass saved, Batch batch, float[] dContext, float[] dQuery, float[] dKey,
            float[] dValue) {
        int heads = config.numAttentionHeads();
        int d = config.headSize();
        int h = config.hiddenSize();
        int length = batch.sequenceLength();
        float scale = (float) (1 / Math.sqrt(d));
        dense.gemm().parallel().forEach(batch.size() * heads, task -> {
            int b = task / heads;
            int head = task % heads;
            float[] dProbabilities = new float[length];
            for (int i = 0; i < length; i++) {
                int p = ((b * heads + head) * length + i) * length;
                int q = (b * length + i) * h + head * d;
                double dot = 0;
                for (int j = 0; j < length; j++) {
                    int v = (b * length + j) * h + head * d;
                    float keep = saved.attentionDropout == null ? 1f : saved.attentionDropout[p + j];
                    float dropped = 0;
                    for (int c = 0; c < d; c++) {
                        dropped += dContext[q + c] * saved.value[v + c];
                        dValue[v + c] += saved.probabilities[p + j] * keep * dContext[q + c];
                    }
                    dProbabilities[j] = dropped * keep;
                    dot += dProbabilities[j] * saved.probabilities[p + j];
                }
                for (int j = 0; j < length; j++) {
                    float dScore = (float) (saved.probabilities[p + j] * (dProbabilities[j] - dot)) * scale;
                    if (dScore != 0f) {
                        int k = (b * length + j) * h + head * d;
                        for (int c = 0; c < d; c++) {
                            dQuery[q + c] += dScore * saved.key[k + c];
                            dKey[k + c] += dScore * saved.query[q + c];
                        }
                    }
                }
            }
        });
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
                parameters.values(names.bias()), config.layerNormEps());
    }

    private float[] normBackward(float[] dy, LayerNormOps.Saved saved, int rows, BertParameterNames.Dense names) {
        return LayerNormOps.backward(dy, saved, rows, config.hiddenSize(), parameters.values(names.weight()),
                parameters.gradient(names.weight()), parameters.gradient(names.bias()));
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
