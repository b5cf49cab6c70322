package io.bertlab.model.bert;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Checks that weights agree with a configuration, reporting every missing or mis-shaped tensor at once. */
public final class BertWeightsCheck {

    private BertWeightsCheck() {
    }

    /**
     * Verifies that every encoder parameter is present with the shape the configuration implies, and that the pooler
     * is either complete or absent.
     *
     * @param config the architecture
     * @param weights the weights
     * @param file the file the weights came from, for the message
     * @throws CheckpointException naming the first tensor at fault and listing all problems
     */
    public static void verify(ModelConfig config, BertWeights weights, Path file) throws CheckpointException {
        verify(config, name -> {
            Weight weight = weights.get(name);
            return weight == null ? null : weight.shape();
        }, file);
    }

    /**
     * Verifies, as {@link #verify(ModelConfig, BertWeights, Path)} does, the shapes of a checkpoint's tensors known
     * before their data is read (from a safetensors header, for instance).
     *
     * @param config the architecture
     * @param shapes tensor name to shape
     * @param file the file the shapes came from, for the message
     * @throws CheckpointException naming the first tensor at fault and listing all problems
     * @since 1.2
     */
    public static void verify(ModelConfig config, Map<String, int[]> shapes, Path file) throws CheckpointException {
        verify(config, shapes::get, file);
    }

    private static void verify(ModelConfig config, Function<String, int[]> shapeOf, Path file)
            throws CheckpointException {
        List<String> problems = new ArrayList<>();
        List<String> faulty = new ArrayList<>();
        check(shapeOf, BertParameterNames.encoderShapes(config), problems, faulty);
        Map<String, int[]> pooler = BertParameterNames.poolerShapes(config);
        if (pooler.keySet().stream().anyMatch(name -> shapeOf.apply(name) != null)) {
            check(shapeOf, pooler, problems, faulty);
        }
        if (!problems.isEmpty()) {
            throw new CheckpointException(file, faulty.get(0), problems.size() + " tensor(s) do not match the"
                    + " configuration (hidden_size " + config.hiddenSize() + ", num_hidden_layers "
                    + config.numHiddenLayers() + "): " + String.join("; ", problems));
        }
    }

    private static void check(Function<String, int[]> shapeOf, Map<String, int[]> expected, List<String> problems,
            List<String> faulty) {
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            int[] shape = shapeOf.apply(entry.getKey());
            if (shape == null) {
                problems.add("'" + entry.getKey() + "' is missing (expected shape " + Arrays.toString(entry.getValue()) + ")");
                faulty.add(entry.getKey());
            } else if (!Arrays.equals(shape, entry.getValue())) {
                problems.add("'" + entry.getKey() + "' has shape " + Arrays.toString(shape) + ", expected "
                        + Arrays.toString(entry.getValue()));
                faulty.add(entry.getKey());
            }
        }
    }
}
