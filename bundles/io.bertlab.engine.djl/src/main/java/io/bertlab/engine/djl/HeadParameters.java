package io.bertlab.engine.djl;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.Weight;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Gives a session's parameters everything its heads need: head parameters the checkpoint holds are kept (and checked),
 * missing ones are initialised as HF initialises them: weights from {@code N(0, initializer_range)} drawn with the
 * session's seed, biases 0, LayerNorm weights 1; the same for a missing pooler when a head reads the pooled output.
 */
final class HeadParameters {

    private HeadParameters() {
    }

    /**
     * @throws IllegalArgumentException when the checkpoint holds a head parameter of another shape than the head needs
     */
    static void complete(ParameterSet parameters, List<HeadSpec> heads, ModelConfig config, long seed) {
        Random random = new Random(seed);
        for (HeadSpec head : heads) {
            if (head.readsPooler()) {
                complete(parameters, BertParameterNames.poolerShapes(config), config.initializerRange(), random);
            }
            complete(parameters, Heads.parameterShapes(head, config), config.initializerRange(), random);
        }
    }

    private static void complete(ParameterSet parameters, Map<String, int[]> shapes, double std, Random random) {
        for (Map.Entry<String, int[]> entry : shapes.entrySet()) {
            String name = entry.getKey();
            int[] shape = entry.getValue();
            if (parameters.contains(name)) {
                int[] found = ParameterSet.toInts(parameters.get(name).getShape());
                if (!Arrays.equals(found, shape)) {
                    throw new IllegalArgumentException("parameter '" + name + "' of the checkpoint has shape "
                            + Arrays.toString(found) + ", the head needs " + Arrays.toString(shape));
                }
                continue;
            }
            float[] values = new float[Math.toIntExact(Weight.elementCount(shape))];
            if (name.endsWith("LayerNorm.weight")) {
                Arrays.fill(values, 1f);
            } else if (name.endsWith(".weight")) {
                for (int i = 0; i < values.length; i++) {
                    values[i] = (float) (random.nextGaussian() * std);
                }
            }
            parameters.put(name, shape, values);
        }
    }
}
