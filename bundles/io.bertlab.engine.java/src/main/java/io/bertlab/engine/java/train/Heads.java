package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Loss;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.Tensor;
import io.bertlab.engine.java.Activation;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.model.bert.BertParameterNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The task heads of a session: their parameters, forward and backward passes, and losses. */
final class Heads {

    /** One head's forward pass. */
    private static final class HeadPass {
        /** The head's input: pooled output (after dropout where the head applies it) or transformed hidden states. */
        float[] input;
        float[] inputDropout;
        /** MLM only: the transform's pre-activation and its LayerNorm state. */
        float[] preActivation;
        float[] activated;
        LayerNormOps.Saved transformNorm;
        float[] logits;
    }

    /** The forward passes of all heads over one encoder pass. */
    static final class Pass {
        final TrainingEncoder.Pass encoder;
        final Map<String, HeadPass> byHead = new LinkedHashMap<>();

        Pass(TrainingEncoder.Pass encoder) {
            this.encoder = encoder;
        }
    }

    private final ModelConfig config;
    private final Parameters parameters;
    private final DenseOps dense;
    private final ElementwiseKernel elementwise;
    private final Activation activation;
    private final Map<String, HeadSpec> specs = new LinkedHashMap<>();

    Heads(ModelConfig config, Parameters parameters, DenseOps dense, ElementwiseKernel elementwise,
            List<HeadSpec> heads, SplittableRandom random) {
        this.config = config;
        this.parameters = parameters;
        this.dense = dense;
        this.elementwise = elementwise;
        this.activation = Activation.fromHfName(config.hiddenAct());
        int h = config.hiddenSize();
        double std = config.initializerRange();
        for (HeadSpec head : heads) {
            specs.put(head.name(), head);
            if (head instanceof HeadSpec.CosineSimilarity) {
                continue; // no parameters of its own
            }
            if (head instanceof HeadSpec.MaskedLm) {
                parameters.initDense(head.name() + ".transform.dense", h, h, std, random);
                parameters.initLayerNorm(head.name() + ".transform.LayerNorm", h);
                parameters.initConstant(head.name() + ".bias", config.vocabSize(), 0f);
            } else {
                parameters.initDense(head.name(), pooledOutputs(head), h, std, random);
            }
        }
    }

    /** Outputs of a head over the pooled output: labels, 1 value, or IsNext/NotNext. */
    private static int pooledOutputs(HeadSpec head) {
        if (head instanceof HeadSpec.Classification c) {
            return c.numLabels();
        }
        return head instanceof HeadSpec.Regression ? 1 : 2;
    }

    HeadSpec spec(String name) {
        HeadSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("no head named '" + name + "' in this session (heads: "
                    + specs.keySet() + ")");
        }
        return spec;
    }

    Pass forward(TrainingEncoder.Pass encoder, Dropout dropout) {
        Pass pass = new Pass(encoder);
        int h = config.hiddenSize();
        for (HeadSpec head : specs.values()) {
            HeadPass hp = new HeadPass();
            if (head instanceof HeadSpec.CosineSimilarity) {
                hp.input = MeanPooling.forward(encoder.last, encoder.batch, h);
                hp.logits = CosinePairs.forward(hp.input, h);
            } else if (!(head instanceof HeadSpec.MaskedLm)) {
                // HF's sequence classifiers apply dropout to the pooled output; its NSP head does not.
                boolean dropoutOnInput = !(head instanceof HeadSpec.NextSentence);
                pooledHead(hp, encoder, dropout, head.name(), pooledOutputs(head), dropoutOnInput);
            } else {
                String transform = head.name() + ".transform.";
                hp.preActivation = dense.forward(encoder.last, encoder.rows,
                        parameters.values(transform + "dense.weight"), parameters.values(transform + "dense.bias"), h, h);
                hp.activated = hp.preActivation.clone();
                activation.applyInPlace(hp.activated, 0, hp.activated.length, elementwise);
                hp.transformNorm = LayerNormOps.forward(hp.activated, encoder.rows, h,
                        parameters.values(transform + "LayerNorm.weight"),
                        parameters.values(transform + "LayerNorm.bias"), config.layerNormEps(),
                        dense.gemm().parallel());
                hp.input = hp.transformNorm.output();
                // Tied decoder: the word embedding matrix maps back to the vocabulary.
                hp.logits = dense.forward(hp.input, encoder.rows, parameters.values(BertParameterNames.WORD_EMBEDDINGS),
                        parameters.values(head.name() + ".bias"), config.vocabSize(), h);
            }
            pass.byHead.put(head.name(), hp);
        }
        return pass;
    }

    private void pooledHead(HeadPass hp, TrainingEncoder.Pass encoder, Dropout dropout, String name, int outputs,
            boolean dropoutOnInput) {
        int h = config.hiddenSize();
        float[] pooled = specs.get(name).readsMeanOfTokens() ? MeanPooling.forward(encoder.last, encoder.batch, h)
                : encoder.pooled.clone();
        hp.inputDropout = dropoutOnInput && dropout != null
                ? dropout.mask(pooled.length, config.hiddenDropoutProb())
                : null;
        hp.input = Dropout.apply(pooled, hp.inputDropout);
        hp.logits = dense.forward(hp.input, encoder.batch.size(), parameters.values(name + ".weight"),
                parameters.values(name + ".bias"), outputs, h);
    }

    /**
     * A head's logits as a tensor.
     *
     * @param pass the heads' pass
     * @param name the head
     * @return {@code [examples, outputs]}, or {@code [batch, seq, vocab]} for MLM
     */
    Tensor logits(Pass pass, String name) {
        HeadSpec spec = spec(name);
        Batch batch = pass.encoder.batch;
        float[] logits = pass.byHead.get(name).logits;
        if (spec instanceof HeadSpec.MaskedLm) {
            return Tensor.of(logits, batch.size(), batch.sequenceLength(), config.vocabSize());
        }
        int examples = batch.size() / spec.sequencesPerExample();
        return Tensor.of(logits, examples, logits.length / examples);
    }

    /**
     * The loss of a head and its gradient with respect to the head's logits.
     *
     * @param pass the heads' pass
     * @param name the head
     * @param target its target
     * @param dLogits receives d loss / d logits (same length as the logits)
     * @return the loss
     */
    double loss(Pass pass, String name, HeadTarget target, float[] dLogits) {
        HeadSpec spec = spec(name);
        float[] logits = pass.byHead.get(name).logits;
        Batch batch = pass.encoder.batch;
        if (spec.loss() == Loss.MEAN_SQUARED_ERROR) {
            int examples = batch.size() / spec.sequencesPerExample();
            if (!(target instanceof HeadTarget.Values values) || values.values().length != examples) {
                throw new IllegalArgumentException("head '" + name + "' needs HeadTarget.Values with one value per"
                        + " example (" + examples + ")");
            }
            return Losses.meanSquaredError(logits, values.values(), dLogits);
        }
        if (!(spec instanceof HeadSpec.MaskedLm)) {
            int[] labels = classLabels(name, target, batch.size());
            return Losses.crossEntropy(logits, pooledOutputs(spec), labels, dLogits, name);
        }
        return Losses.crossEntropy(logits, config.vocabSize(), tokenLabels(name, target, batch), dLogits, name);
    }

    /** MLM labels flattened to one per row of the hidden states. */
    private static int[] tokenLabels(String name, HeadTarget target, Batch batch) {
        if (!(target instanceof HeadTarget.TokenLabels tokens) || tokens.labels().length != batch.size()) {
            throw new IllegalArgumentException("head '" + name + "' needs HeadTarget.TokenLabels with one row per"
                    + " example (" + batch.size() + ")");
        }
        int length = batch.sequenceLength();
        int[] flat = new int[batch.size() * length];
        int[][] rows = tokens.labels();
        for (int b = 0; b < rows.length; b++) {
            if (rows[b].length != length) {
                throw new IllegalArgumentException("head '" + name + "': labels row " + b + " has length "
                        + rows[b].length + ", expected " + length);
            }
            System.arraycopy(rows[b], 0, flat, b * length, length);
        }
        return flat;
    }

    private static int[] classLabels(String name, HeadTarget target, int batch) {
        if (!(target instanceof HeadTarget.ClassLabels labels) || labels.labels().length != batch) {
            throw new IllegalArgumentException("head '" + name + "' needs HeadTarget.ClassLabels with one label per"
                    + " example (" + batch + ")");
        }
        return labels.labels();
    }

    /**
     * Backward through the heads given their logits' gradients; accumulates head parameter gradients.
     *
     * @param pass the heads' pass
     * @param dLogits gradient per head name (heads without an entry contribute nothing)
     * @return {@code [dLast, dPooled]}: gradients of the encoder's outputs (either may be {@code null})
     */
    float[][] backward(Pass pass, Map<String, float[]> dLogits) {
        TrainingEncoder.Pass encoder = pass.encoder;
        int h = config.hiddenSize();
        float[] dLast = null;
        float[] dPooled = null;
        for (Map.Entry<String, float[]> entry : dLogits.entrySet()) {
            HeadSpec spec = spec(entry.getKey());
            HeadPass hp = pass.byHead.get(entry.getKey());
            String name = spec.name();
            if (spec instanceof HeadSpec.CosineSimilarity) {
                if (dLast == null) {
                    dLast = new float[encoder.rows * h];
                }
                MeanPooling.backward(CosinePairs.backward(entry.getValue(), hp.input, h), encoder.batch, h, dLast);
            } else if (spec instanceof HeadSpec.MaskedLm) {
                String transform = name + ".transform.";
                float[] dInput = dense.backward(entry.getValue(), hp.input, encoder.rows,
                        parameters.values(BertParameterNames.WORD_EMBEDDINGS),
                        parameters.gradient(BertParameterNames.WORD_EMBEDDINGS), parameters.gradient(name + ".bias"),
                        config.vocabSize(), h);
                float[] dActivated = LayerNormOps.backward(dInput, hp.transformNorm, encoder.rows, h,
                        parameters.values(transform + "LayerNorm.weight"),
                        parameters.gradient(transform + "LayerNorm.weight"),
                        parameters.gradient(transform + "LayerNorm.bias"), dense.gemm().parallel());
                activation.backwardInPlace(hp.preActivation, dActivated, 0, dActivated.length, elementwise);
                float[] dHidden = dense.backward(dActivated, encoder.last, encoder.rows,
                        parameters.values(transform + "dense.weight"), parameters.gradient(transform + "dense.weight"),
                        parameters.gradient(transform + "dense.bias"), h, h);
                dLast = accumulate(dLast, dHidden);
            } else {
                int outputs = hp.logits.length / encoder.batch.size();
                float[] dInput = dense.backward(entry.getValue(), hp.input, encoder.batch.size(),
                        parameters.values(name + ".weight"), parameters.gradient(name + ".weight"),
                        parameters.gradient(name + ".bias"), outputs, h);
                Dropout.apply(dInput, hp.inputDropout);
                if (spec.readsMeanOfTokens()) {
                    if (dLast == null) {
                        dLast = new float[encoder.rows * h];
                    }
                    MeanPooling.backward(dInput, encoder.batch, h, dLast);
                } else {
                    dPooled = accumulate(dPooled, dInput);
                }
            }
        }
        return new float[][] {dLast, dPooled};
    }

    private static float[] accumulate(float[] sum, float[] addend) {
        if (sum == null) {
            return addend;
        }
        for (int i = 0; i < sum.length; i++) {
            sum[i] += addend[i];
        }
        return sum;
    }
}
