package io.bertlab.engine.java.train;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.engine.java.kernel.ElementwiseKernel;
import io.bertlab.engine.java.kernel.Gemm;
import io.bertlab.engine.java.kernel.Kernels;
import io.bertlab.engine.java.kernel.Parallel;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/** A training session of the java engine over its own copy of the parameters. */
public final class JavaTrainingSession implements TrainingSession {

    private final TrainingSpec spec;
    private final ModelConfig config;
    private final Parameters parameters;
    private final TrainingEncoder encoder;
    private final Heads heads;
    private final AdamW optimizer;
    private final Parallel parallel;
    private long steps;
    private boolean closed;

    /**
     * Opens a session.
     *
     * @param config the architecture
     * @param weights the model's weights (copied, never changed)
     * @param spec the heads, optimizer and seed
     * @param gemm the matrix multiplier and its threads
     * @param elementwise the element-wise kernel
     */
    public JavaTrainingSession(ModelConfig config, BertWeights weights, TrainingSpec spec, Gemm gemm,
            ElementwiseKernel elementwise) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.config = config;
        this.parameters = Parameters.copyOf(weights);
        SplittableRandom random = new SplittableRandom(spec.seed());
        // Heads that read the pooler need one even where the checkpoint has none (initialised as HF does).
        if (spec.heads().stream().anyMatch(HeadSpec::readsPooler)) {
            parameters.initDense(BertParameterNames.POOLER.prefix(), config.hiddenSize(), config.hiddenSize(),
                    config.initializerRange(), random);
        }
        DenseOps dense = new DenseOps(gemm);
        this.encoder = new TrainingEncoder(config, parameters, dense, elementwise);
        this.heads = new Heads(config, parameters, dense, elementwise, spec.heads(), random);
        this.parallel = gemm.parallel();
        this.optimizer = spec.optimizer() == null ? null : new AdamW(spec.optimizer(), parallel, Kernels.adamW());
    }

    @Override
    public TrainingSpec spec() {
        return spec;
    }

    @Override
    public StepResult step(Batch batch, Targets targets) {
        checkOpen();
        requireOptimizer();
        // Each step draws its dropout masks from its own stream: runs are reproducible from the seed.
        Dropout dropout = new Dropout(spec.seed() ^ (steps * 0x9E3779B97F4A7C15L), parallel);
        Map<String, Double> losses = new LinkedHashMap<>();
        double total = computeGradients(batch, targets, dropout, losses);
        double norm = optimizer.clip(parameters);
        double rate = optimizer.update(parameters);
        return new StepResult(steps++, total, losses, norm, rate);
    }

    /**
     * Forward, losses and backward: leaves the gradients of the summed losses in {@link #parameters()}.
     *
     * @param batch the inputs
     * @param targets the targets
     * @param dropout the dropout source, or {@code null} for inference mode
     * @param losses receives each head's loss
     * @return the summed loss
     */
    double computeGradients(Batch batch, Targets targets, Dropout dropout, Map<String, Double> losses) {
        parameters.zeroGradients();
        Heads.Pass pass = heads.forward(encoder.forward(batch, null, dropout), dropout);
        Map<String, float[]> dLogits = new LinkedHashMap<>();
        double total = lossesOf(pass, targets, losses, dLogits);
        float[][] dOutputs = heads.backward(pass, dLogits);
        encoder.backward(pass.encoder, dOutputs[0], dOutputs[1]);
        return total;
    }

    Parameters parameters() {
        return parameters;
    }

    private double lossesOf(Heads.Pass pass, Targets targets, Map<String, Double> losses,
            Map<String, float[]> dLogits) {
        double total = 0;
        for (Map.Entry<String, HeadTarget> entry : targets.byHead().entrySet()) {
            heads.spec(entry.getKey());
            float[] d = new float[heads.logits(pass, entry.getKey()).size()];
            double loss = heads.loss(pass, entry.getKey(), entry.getValue(), d);
            losses.put(entry.getKey(), loss);
            dLogits.put(entry.getKey(), d);
            total += loss;
        }
        return total;
    }

    @Override
    public Evaluation evaluate(Batch batch, Targets targets) {
        checkOpen();
        return evaluation(heads.forward(encoder.forward(batch, null, null), null), targets);
    }

    private Evaluation evaluation(Heads.Pass pass, Targets targets) {
        Map<String, Tensor> logits = new LinkedHashMap<>();
        for (HeadSpec head : spec.heads()) {
            logits.put(head.name(), heads.logits(pass, head.name()));
        }
        Map<String, Double> losses = new LinkedHashMap<>();
        if (targets != null) {
            lossesOf(pass, targets, losses, new LinkedHashMap<>());
        }
        return new Evaluation(logits, losses);
    }

    @Override
    public Tensor inputEmbeddings(Batch batch) {
        checkOpen();
        return Tensor.of(encoder.lookUpWords(batch), batch.size(), batch.sequenceLength(), config.hiddenSize());
    }

    @Override
    public Evaluation evaluateFromEmbeddings(Batch batch, Tensor embeddings) {
        checkOpen();
        return evaluation(heads.forward(encoder.forward(batch, embeddingValues(batch, embeddings), null), null), null);
    }

    @Override
    public EmbeddingGradient embeddingGradient(Batch batch, Tensor embeddings, OutputSelector output) {
        checkOpen();
        HeadSpec head = heads.spec(output.head());
        if (head instanceof HeadSpec.MaskedLm || head.sequencesPerExample() != 1) {
            throw new IllegalArgumentException("embedding gradients are defined for heads with one output row per"
                    + " sequence; '" + head.name() + "' is a " + head.getClass().getSimpleName() + " head");
        }
        parameters.zeroGradients();
        Heads.Pass pass = heads.forward(encoder.forward(batch, embeddingValues(batch, embeddings), null), null);
        Tensor logits = heads.logits(pass, head.name());
        int outputs = logits.dim(1);
        if (output.index() >= outputs) {
            throw new IllegalArgumentException("head '" + head.name() + "' has " + outputs + " outputs, index "
                    + output.index() + " selected");
        }
        float[] scores = new float[batch.size()];
        float[] dLogits = new float[logits.size()];
        for (int b = 0; b < batch.size(); b++) {
            scores[b] = logits.get(b, output.index());
            dLogits[b * outputs + output.index()] = 1f;
        }
        float[][] dOutputs = heads.backward(pass, Map.of(head.name(), dLogits));
        float[] gradient = encoder.backward(pass.encoder, dOutputs[0], dOutputs[1]);
        // The gradient reached parameters too; it is not an update, so it is dropped.
        parameters.zeroGradients();
        return new EmbeddingGradient(Tensor.of(scores, batch.size()),
                Tensor.of(gradient, batch.size(), batch.sequenceLength(), config.hiddenSize()));
    }

    private float[] embeddingValues(Batch batch, Tensor embeddings) {
        int[] expected = {batch.size(), batch.sequenceLength(), config.hiddenSize()};
        if (!Arrays.equals(embeddings.shape(), expected)) {
            throw new IllegalArgumentException("embeddings have shape " + Arrays.toString(embeddings.shape())
                    + ", expected " + Arrays.toString(expected));
        }
        return embeddings.toArray();
    }

    @Override
    public void save(Path directory) throws IOException {
        checkOpen();
        ModelDirectory.save(directory, new ModelDirectory.Checkpoint(config, parameters.toWeights()));
    }

    @Override
    public void saveState(Path directory) throws IOException {
        checkOpen();
        requireOptimizer();
        OptimizerState.save(directory.resolve(ModelProperties.OPTIMIZER_STATE_FILE), steps, optimizer);
    }

    @Override
    public void restoreState(Path directory) throws IOException {
        checkOpen();
        requireOptimizer();
        steps = OptimizerState.restore(directory.resolve(ModelProperties.OPTIMIZER_STATE_FILE), parameters,
                optimizer);
    }

    private void requireOptimizer() {
        if (optimizer == null) {
            throw new IllegalStateException("this session was opened without an optimizer: it has no state to keep");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the training session is closed");
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
