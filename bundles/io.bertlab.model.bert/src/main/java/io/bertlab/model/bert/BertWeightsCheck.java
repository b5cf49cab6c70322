package io.bertlab.model.bert;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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
        List<String> problems = new ArrayList<>();
        List<String> faulty = new ArrayList<>();
        check(config, weights, BertParameterNames.encoderShapes(config), problems, faulty);
        Map<String, int[]> pooler = BertParameterNames.poolerShapes(config);
        if (pooler.keySet().stream().anyMatch(weights::contains)) {
            check(config, weights, pooler, problems, faulty);
        }
        if (!problems.isEmpty()) {
            throw new CheckpointException(file, faulty.get(0), problems.size() + " tensor(s) do not match the"
                    + " configuration (hidden_size " + config.hiddenSize() + ", num_hidden_layers "
                    + config.numHiddenLayers() + "): " + String.join("; ", problems));
        }
    }

    private static void check(ModelConfig config, BertWeights weights, Map<String, int[]> expected,
            List<String> problems, List<String> faulty) {
        for (Map.Entry<String, int[]> entry : expected.entrySet()) {
            Weight weight = weights.get(entry.getKey());
            if (weight == null) {
                problems.add("'" + entry.getKey() + "' is missing (expected shape " + Arrays.toString(entry.getValue()) + ")");
                faulty.add(entry.getKey());
            } else if (!weight.hasShape(entry.getValue())) {
                problems.add("'" + entry.getKey() + "' has shape " + Arrays.toString(weight.shape()) + ", expected "
                        + Arrays.toString(entry.getValue()));
                faulty.add(entry.getKey());
            }
        }
    }
}
