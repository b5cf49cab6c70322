package io.bertlab.model.bert;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
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
        if (!Files.isDirectory(directory)) {
            throw new CheckpointException(directory, null, "not a model directory (expected a folder holding "
                    + ModelProperties.CONFIG_FILE + " and " + ModelProperties.WEIGHTS_FILE + ")");
        }
        ModelConfig config = BertConfigJson.read(directory.resolve(ModelProperties.CONFIG_FILE));
        Path weightsFile = directory.resolve(ModelProperties.WEIGHTS_FILE);
        BertWeights weights = withoutTaskModelPrefix(Safetensors.read(weightsFile));
        BertWeightsCheck.verify(config, weights, weightsFile);
        return new Checkpoint(config, weights);
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
        Set<String> names = Safetensors.tensorNames(directory.resolve(ModelProperties.WEIGHTS_FILE));
        String prefix = BertParameterNames.TASK_MODEL_PREFIX;
        if (!names.contains(prefix + BertParameterNames.WORD_EMBEDDINGS)) {
            return names;
        }
        Set<String> renamed = new LinkedHashSet<>();
        for (String name : names) {
            renamed.add(name.startsWith(prefix) ? name.substring(prefix.length()) : name);
        }
        return renamed;
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
        if (!weights.contains(BertParameterNames.TASK_MODEL_PREFIX + BertParameterNames.WORD_EMBEDDINGS)) {
            return weights;
        }
        BertWeights renamed = new BertWeights();
        for (Weight w : weights.all()) {
            String name = w.name().startsWith(BertParameterNames.TASK_MODEL_PREFIX)
                    ? w.name().substring(BertParameterNames.TASK_MODEL_PREFIX.length())
                    : w.name();
            renamed.put(new Weight(name, w.shape(), w.values()));
        }
        return renamed;
    }
}
