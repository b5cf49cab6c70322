package io.bertlab.engine.java.train;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Safetensors;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's optimizer state as a safetensors file: each parameter's moments as {@code <name>.exp_avg} and
 * {@code <name>.exp_avg_sq} (torch's names), the step counters in the metadata. Written atomically.
 */
final class OptimizerState {

    private static final String FIRST = ".exp_avg";
    private static final String SECOND = ".exp_avg_sq";
    private static final String STEPS = "bertlab.steps";
    private static final String UPDATES = "bertlab.updates";

    private OptimizerState() {
    }

    static void save(Path file, long steps, AdamW optimizer) throws IOException {
        BertWeights moments = new BertWeights();
        optimizer.moments().forEach((name, m) -> {
            moments.put(new Weight(name + FIRST, new int[] {m[0].length}, m[0]));
            moments.put(new Weight(name + SECOND, new int[] {m[1].length}, m[1]));
        });
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(STEPS, Long.toString(steps));
        metadata.put(UPDATES, Long.toString(optimizer.updates()));
        Safetensors.write(moments, metadata, file);
    }

    /**
     * Reads a saved state into an optimizer.
     *
     * @return the session's step count
     */
    static long restore(Path file, Parameters parameters, AdamW optimizer) throws IOException {
        Map<String, String> metadata = Safetensors.metadata(file);
        long steps = counter(file, metadata, STEPS);
        long updates = counter(file, metadata, UPDATES);
        BertWeights saved = Safetensors.read(file);
        Map<String, float[][]> moments = new HashMap<>();
        for (Parameters.Parameter p : parameters.all()) {
            Weight first = saved.get(p.name() + FIRST);
            Weight second = saved.get(p.name() + SECOND);
            if (first == null && second == null) {
                continue; // never updated (e.g. the word embeddings when training started from embeddings)
            }
            moments.put(p.name(), new float[][] {values(file, first, p, FIRST), values(file, second, p, SECOND)});
        }
        if (2 * moments.size() != saved.size()) {
            throw new CheckpointException(file, null, "holds moments of parameters this session does not have ("
                    + saved.size() + " tensors, " + 2 * moments.size() + " match)");
        }
        optimizer.restore(updates, moments);
        return steps;
    }

    private static float[] values(Path file, Weight weight, Parameters.Parameter p, String suffix)
            throws CheckpointException {
        if (weight == null) {
            throw new CheckpointException(file, p.name() + suffix, "missing: the other moment of this parameter is"
                    + " saved");
        }
        if (weight.values().length != p.values().length) {
            throw new CheckpointException(file, weight.name(), "has " + weight.values().length
                    + " values, the parameter " + p.values().length);
        }
        return weight.values();
    }

    private static long counter(Path file, Map<String, String> metadata, String key) throws CheckpointException {
        String value = metadata.get(key);
        try {
            long counter = Long.parseLong(value);
            if (counter < 0) {
                throw new NumberFormatException();
            }
            return counter;
        } catch (NumberFormatException e) {
            throw new CheckpointException(file, null, "metadata " + key + " must be a step count, found "
                    + (value == null ? "nothing" : "'" + value + "'"));
        }
    }
}
