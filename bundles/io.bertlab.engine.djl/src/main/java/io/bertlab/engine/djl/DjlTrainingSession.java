package io.bertlab.engine.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EmbeddingGradient;
import io.bertlab.api.model.Evaluation;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.StepResult;
import io.bertlab.api.model.Targets;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.ModelDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Task heads trained on a private copy of a model's parameters with DJL autograd and {@link AdamW}. Gradient work
 * holds the backend's gradient lock: DJL records gradients for one collector at a time per JVM.
 */
final class DjlTrainingSession implements TrainingSession {

    private final DjlBackend backend;
    private final Engine djl;
    private final BertEncoder encoder;
    private final TrainingSpec spec;
    private final ParameterSet parameters;
    private final Map<String, HeadSpec> heads = new LinkedHashMap<>();
    private final AdamW optimizer;
    private long steps;
    private boolean closed;

    /**
     * A session over {@code parameters} (a copy it now owns), completed with its heads' parameters
     * ({@link HeadParameters}); the spec's seed also seeds the dropout of every step ({@link #dropoutSeed}).
     *
     * @throws IllegalArgumentException when the copy holds a head parameter of another shape than the head needs
     */
    DjlTrainingSession(DjlBackend backend, Engine djl, BertEncoder encoder, TrainingSpec spec,
            ParameterSet parameters) {
        this.backend = backend;
        this.djl = djl;
        this.encoder = encoder;
        this.spec = spec;
        this.parameters = parameters;
        try {
            for (HeadSpec head : spec.heads()) {
                heads.put(head.name(), head);
            }
            HeadParameters.complete(parameters, spec.heads(), encoder.config(), spec.seed());
            this.optimizer = spec.optimizer() == null ? null : new AdamW(spec.optimizer(), backend::writableView);
            for (String name : parameters.names()) {
                parameters.get(name).setRequiresGradient(true);
            }
        } catch (RuntimeException e) {
            parameters.close();
            throw e;
        }
    }

    @Override
    public TrainingSpec spec() {
        return spec;
    }

    @Override
    public StepResult step(Batch batch, Targets targets) {
        requireOptimizer();
        return update(batch, null, targets, spec.optimizer().learningRateAt(steps), true);
    }

    /**
     * One optimizer step at a given learning rate: backward, clipping, AdamW.
     *
     * @param embeddings word embeddings to start from instead of the batch's token ids, or {@code null}; the word
     *        embedding matrix then gets no gradient unless a masked-LM head uses it as its decoder
     * @param training whether dropout is active
     */
    StepResult update(Batch batch, Tensor embeddings, Targets targets, double learningRate, boolean training) {
        return withGradients(batch, embeddings, targets, training, pass -> {
            GradientClipping.Clipped clipped = GradientClipping.clip(pass.parameterGradients(),
                    spec.optimizer().maxGradNorm());
            clipped.gradients().forEach((name, gradient) ->
                    optimizer.update(name, parameters.get(name), gradient, learningRate));
            double loss = pass.losses().values().stream().mapToDouble(Double::doubleValue).sum();
            return new StepResult(steps++, loss, pass.losses(), clipped.norm(), learningRate);
        });
    }

    /** Losses and gradients of one backward pass, as host values. */
    record Gradients(Map<String, Double> losses, Map<String, Tensor> parameters, Tensor embeddings) {
    }

    /**
     * The gradients of the summed head losses, without updating anything.
     *
     * @param embeddings word embeddings to start from (their gradient is returned), or {@code null} for token ids
     */
    Gradients gradients(Batch batch, Tensor embeddings, Targets targets, boolean training) {
        return withGradients(batch, embeddings, targets, training, pass -> {
            Map<String, Tensor> parameterGradients = new LinkedHashMap<>();
            pass.parameterGradients().forEach((name, gradient) -> parameterGradients.put(name,
                    Tensors.toTensor(gradient)));
            return new Gradients(pass.losses(), parameterGradients,
                    pass.words() == null ? null : Tensors.toTensor(pass.words().getGradient()));
        });
    }

    /** The NDArrays of one backward pass, valid inside the pass's scope; {@code words} only when given. */
    private record Pass(Map<String, Double> losses, Map<String, NDArray> parameterGradients, NDArray words) {
    }

    private <T> T withGradients(Batch batch, Tensor embeddings, Targets targets, boolean training,
            Function<Pass, T> use) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(targets, "targets");
        checkHeads(targets);
        return withGradients(() -> {
            if (training) {
                // The engines draw dropout masks from one global generator whose state cannot be saved; seeding it
                // anew for each step (under the gradient lock) makes the masks a function of (seed, step) alone, so
                // a restored session draws the masks the saved one would have drawn.
                djl.setRandomSeed(dropoutSeed(spec.seed(), steps));
            }
            EncoderInputs inputs = EncoderInputs.of(parameters.manager(), batch, encoder.config());
            NDArray given = null;
            if (embeddings != null) {
                given = embeddingsArray(batch, embeddings);
                given.setRequiresGradient(true);
            }
            Map<String, Double> losses = new LinkedHashMap<>();
            try (GradientCollector collector = djl.newGradientCollector()) {
                collector.zeroGradients();
                NDArray words = given != null ? given : encoder.wordEmbeddings(parameters, inputs);
                EncoderOutput encoded = encoder.encode(parameters, inputs, words, training, false, false);
                NDArray total = null;
                for (Map.Entry<String, HeadTarget> entry : targets.byHead().entrySet()) {
                    HeadSpec head = heads.get(entry.getKey());
                    NDArray loss = Heads.loss(head, Heads.logits(head, parameters, inputs, encoded, encoder, training),
                            entry.getValue(), batch.size(), parameters.manager());
                    total = total == null ? loss : total.add(loss);
                    losses.put(head.name(), (double) loss.getFloat());
                }
                collector.backward(total);
            }
            Map<String, NDArray> gradients = new LinkedHashMap<>();
            for (String name : trainedBy(targets, embeddings == null)) {
                gradients.put(name, parameters.get(name).getGradient());
            }
            return use.apply(new Pass(losses, gradients, given));
        });
    }

    /**
     * The parameters a loss depends on: the encoder (the word embeddings only when looked up from token ids or
     * used as the masked-LM decoder), the pooler where used, and the targeted heads.
     */
    private Set<String> trainedBy(Targets targets, boolean fromTokenIds) {
        Set<String> names = new LinkedHashSet<>(BertParameterNames.encoderShapes(encoder.config()).keySet());
        if (!fromTokenIds) {
            names.remove(BertParameterNames.WORD_EMBEDDINGS);
        }
        for (String headName : targets.byHead().keySet()) {
            HeadSpec head = heads.get(headName);
            if (head instanceof HeadSpec.MaskedLm) {
                names.add(BertParameterNames.WORD_EMBEDDINGS);
            }
            if (head.readsPooler()) {
                names.addAll(BertParameterNames.poolerShapes(encoder.config()).keySet());
            }
            names.addAll(Heads.parameterShapes(head, encoder.config()).keySet());
        }
        return names;
    }

    @Override
    public Evaluation evaluate(Batch batch, Targets targets) {
        Objects.requireNonNull(batch, "batch");
        if (targets != null) {
            checkHeads(targets);
        }
        return inference(() -> {
            EncoderInputs inputs = EncoderInputs.of(parameters.manager(), batch, encoder.config());
            return evaluation(batch, inputs, encoder.wordEmbeddings(parameters, inputs), targets);
        });
    }

    @Override
    public Tensor inputEmbeddings(Batch batch) {
        Objects.requireNonNull(batch, "batch");
        return inference(() -> Tensors.toTensor(encoder.wordEmbeddings(parameters,
                EncoderInputs.of(parameters.manager(), batch, encoder.config()))));
    }

    @Override
    public Evaluation evaluateFromEmbeddings(Batch batch, Tensor embeddings) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(embeddings, "embeddings");
        return inference(() -> evaluation(batch, EncoderInputs.of(parameters.manager(), batch, encoder.config()),
                embeddingsArray(batch, embeddings), null));
    }

    @Override
    public EmbeddingGradient embeddingGradient(Batch batch, Tensor embeddings, OutputSelector output) {
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(embeddings, "embeddings");
        Objects.requireNonNull(output, "output");
        HeadSpec head = heads.get(output.head());
        if (head == null) {
            throw new IllegalArgumentException("no head named '" + output.head() + "' in this session: "
                    + heads.keySet());
        }
        if (head.sequencesPerExample() != 1) {
            throw new IllegalArgumentException("embedding gradients are defined for heads with one output row per"
                    + " sequence; '" + head.name() + "' is a " + head.getClass().getSimpleName() + " head");
        }
        int width = Heads.outputs(head);
        if (output.index() >= width) {
            throw new IllegalArgumentException("head '" + head.name() + "' has " + width + " outputs, index "
                    + output.index() + " does not exist");
        }
        return withGradients(() -> {
            EncoderInputs inputs = EncoderInputs.of(parameters.manager(), batch, encoder.config());
            NDArray words = embeddingsArray(batch, embeddings);
            words.setRequiresGradient(true);
            NDArray scores;
            try (GradientCollector collector = djl.newGradientCollector()) {
                collector.zeroGradients();
                EncoderOutput encoded = encoder.encode(parameters, inputs, words, false, false, false);
                scores = Heads.logits(head, parameters, inputs, encoded, encoder, false)
                        .get(new NDIndex(":, {}", output.index()));
                // Examples do not interact, so the gradient of the sum is each example's own gradient.
                collector.backward(scores.sum());
            }
            return new EmbeddingGradient(Tensors.toTensor(scores), Tensors.toTensor(words.getGradient()));
        });
    }

    private Evaluation evaluation(Batch batch, EncoderInputs inputs, NDArray words, Targets targets) {
        EncoderOutput encoded = encoder.encode(parameters, inputs, words, false, false, false);
        Map<String, Tensor> logits = new LinkedHashMap<>();
        Map<String, Double> losses = new LinkedHashMap<>();
        for (HeadSpec head : heads.values()) {
            NDArray headLogits = Heads.logits(head, parameters, inputs, encoded, encoder, false);
            logits.put(head.name(), Tensors.toTensor(headLogits));
            HeadTarget target = targets == null ? null : targets.byHead().get(head.name());
            if (target != null) {
                losses.put(head.name(), (double) Heads.loss(head, headLogits, target, batch.size(),
                        parameters.manager()).getFloat());
            }
        }
        return new Evaluation(logits, losses);
    }

    private NDArray embeddingsArray(Batch batch, Tensor embeddings) {
        return Tensors.toArray(parameters.manager(), embeddings, "embeddings", batch.size(), batch.sequenceLength(),
                encoder.config().hiddenSize());
    }

    private void checkHeads(Targets targets) {
        for (String name : targets.byHead().keySet()) {
            if (!heads.containsKey(name)) {
                throw new IllegalArgumentException("targets name head '" + name + "', which this session does not"
                        + " have: " + heads.keySet());
            }
        }
    }

    @Override
    public synchronized void save(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        requireOpen();
        ModelDirectory.Checkpoint checkpoint = DjlRuntime.exclusive(backend,
                () -> new ModelDirectory.Checkpoint(encoder.config(), parameters.toWeights()));
        ModelDirectory.save(directory, checkpoint);
    }

    @Override
    public synchronized void saveState(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        requireOpen();
        requireOptimizer();
        OptimizerStateFile.State state = DjlRuntime.exclusive(backend,
                () -> new OptimizerStateFile.State(steps, optimizer.save()));
        OptimizerStateFile.write(directory.resolve(ModelProperties.OPTIMIZER_STATE_FILE), state);
    }

    @Override
    public synchronized void restoreState(Path directory) throws IOException {
        Objects.requireNonNull(directory, "directory");
        requireOpen();
        requireOptimizer();
        Map<String, Long> sizes = DjlRuntime.exclusive(backend, () -> {
            Map<String, Long> byName = new LinkedHashMap<>();
            parameters.names().forEach(name -> byName.put(name, parameters.get(name).size()));
            return byName;
        });
        OptimizerStateFile.State state = OptimizerStateFile.read(
                directory.resolve(ModelProperties.OPTIMIZER_STATE_FILE), sizes);
        DjlRuntime.exclusive(backend, () -> {
            optimizer.restore(state.moments(), parameters::get);
            return null;
        });
        steps = state.steps();
    }

    /**
     * The seed of one step's dropout: the pure-Java engine's per-step stream {@code seed ^ step·φ} (φ the 64-bit
     * golden ratio, which spreads consecutive steps over the seed space), folded to the {@code int} DJL's engines
     * take. The masks themselves differ from the Java engine's: the generators differ.
     */
    static int dropoutSeed(long seed, long step) {
        long mixed = seed ^ (step * 0x9E3779B97F4A7C15L);
        return (int) (mixed ^ (mixed >>> 32));
    }

    private void requireOptimizer() {
        if (optimizer == null) {
            throw new IllegalStateException("this session was opened without an optimizer");
        }
    }

    private synchronized <T> T inference(Supplier<T> work) {
        requireOpen();
        return DjlRuntime.compute(backend, work);
    }

    private synchronized <T> T withGradients(Supplier<T> work) {
        requireOpen();
        ReentrantLock lock = DjlRuntime.gradientLock(backend);
        lock.lock();
        try {
            return DjlRuntime.compute(backend, work);
        } finally {
            lock.unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the training session was closed");
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            DjlRuntime.exclusive(backend, () -> {
                parameters.close();
                return null;
            });
        }
    }
}
