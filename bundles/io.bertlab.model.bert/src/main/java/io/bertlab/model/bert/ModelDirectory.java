package io.bertlab.model.bert;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A model directory as HuggingFace lays it out: {@value ModelProperties#CONFIG_FILE} and
 * {@value ModelProperties#WEIGHTS_FILE} (and optionally {@value ModelProperties#TOKENIZER_FILE}).
 */
public final class ModelDirectory {

    private ModelDirectory() {
    }

    /**
     * A configuration and the weights that go with it.
     *
     * @param config the architecture
     * @param weights encoder parameters (verified against {@code config}) and any head parameters
     */
    public record Checkpoint(ModelConfig config, BertWeights weights) {
    }

    /**
     * Loads and verifies a model directory. Parameter names of HF task models ({@code bert.encoder...}) are accepted
     * and stored without their {@code bert.} prefix.
     *
     * @param directory the model directory
     * @return the checkpoint
     * @throws CheckpointException when a file is missing, corrupt, or the weights disagree with the configuration
     * @throws IOException when a file cannot be read
     */
    public static Checkpoint load(Path directory) throws IOException {
        ModelConfig config = readConfig(directory);
        Path weightsFile = directory.resolve(ModelProperties.WEIGHTS_FILE);
        BertWeights weights = withoutTaskModelPrefix(Safetensors.read(weightsFile));
        BertWeightsCheck.verify(config, weights, weightsFile);
        return new Checkpoint(config, weights);
    }

    /**
     * Checks a model directory as {@link #load(Path)} does, reading the configuration and the safetensors header
     * but no tensor data: what a service can afford when it is configured, leaving the weights for first use. Only
     * damage inside the tensor data itself (which the format has no checksum for) passes unnoticed.
     *
     * @param directory the model directory
     * @return its configuration
     * @throws CheckpointException when a file is missing, corrupt or truncated, or a tensor's shape disagrees with
     *         the configuration
     * @throws IOException when a file cannot be read
     * @since 1.2
     */
    public static ModelConfig check(Path directory) throws IOException {
        ModelConfig config = readConfig(directory);
        Path weightsFile = directory.resolve(ModelProperties.WEIGHTS_FILE);
        BertWeightsCheck.verify(config, withoutTaskModelPrefix(Safetensors.shapes(weightsFile)), weightsFile);
        return config;
    }

    /**
     * The parameter names of a model directory's weights as {@link #load(Path)} stores them (an HF task model's
     * {@code bert.} prefix removed), read from the header of {@value ModelProperties#WEIGHTS_FILE} alone: a cheap
     * way to ask whether a checkpoint holds a head (e.g. {@code cls.predictions.*}) before a session would
     * initialise a missing one at random.
     *
     * @param directory the model directory
     * @return the names, in file order
     * @throws CheckpointException when the weights file is missing, corrupt or truncated (the message names it)
     * @throws IOException when the file cannot be read
     * @since 1.1
     */
    public static Set<String> parameterNames(Path directory) throws IOException {
        return withoutTaskModelPrefix(Safetensors.shapes(directory.resolve(ModelProperties.WEIGHTS_FILE))).keySet();
    }

    private static ModelConfig readConfig(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new CheckpointException(directory, null, "not a model directory (expected a folder holding "
                    + ModelProperties.CONFIG_FILE + " and " + ModelProperties.WEIGHTS_FILE + ")");
        }
        return BertConfigJson.read(directory.resolve(ModelProperties.CONFIG_FILE));
    }

    /**
     * Writes a model directory; each file is replaced atomically, the weights first so that a configuration never
     * describes weights that are not there yet.
     *
     * @param directory the model directory, created if missing
     * @param checkpoint the configuration and weights
     * @throws IOException when writing fails
     */
    public static void save(Path directory, Checkpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        Safetensors.write(checkpoint.weights(), Map.of("format", "pt"), directory.resolve(ModelProperties.WEIGHTS_FILE));
        BertConfigJson.write(checkpoint.config(), directory.resolve(ModelProperties.CONFIG_FILE));
    }

    private static BertWeights withoutTaskModelPrefix(BertWeights weights) {
        if (!isTaskModel(weights.names())) {
            return weights;
        }
        BertWeights renamed = new BertWeights();
        for (Weight w : weights.all()) {
            renamed.put(new Weight(withoutTaskModelPrefix(w.name()), w.shape(), w.values()));
        }
        return renamed;
    }

    private static Map<String, int[]> withoutTaskModelPrefix(Map<String, int[]> shapes) {
        if (!isTaskModel(shapes.keySet())) {
            return shapes;
        }
        Map<String, int[]> renamed = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> renamed.put(withoutTaskModelPrefix(name), shape));
        return renamed;
    }

    /** An HF task model ({@code BertForSequenceClassification}...) names its encoder {@code bert.}. */
    private static boolean isTaskModel(Set<String> names) {
        return names.contains(BertParameterNames.TASK_MODEL_PREFIX + BertParameterNames.WORD_EMBEDDINGS);
    }

    private static String withoutTaskModelPrefix(String name) {
        return name.startsWith(BertParameterNames.TASK_MODEL_PREFIX)
                ? name.substring(BertParameterNames.TASK_MODEL_PREFIX.length())
                : name;
    }
}
