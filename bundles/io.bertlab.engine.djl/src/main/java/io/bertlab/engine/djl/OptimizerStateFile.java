package io.bertlab.engine.djl;

import io.bertlab.api.model.CheckpointException;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Safetensors;
import io.bertlab.model.bert.Weight;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A session's optimizer state as a safetensors file, in the format of the pure-Java engine: each parameter's moments
 * as 1-D {@code <name>.exp_avg} and {@code <name>.exp_avg_sq} (torch's names), and in the metadata the session's step
 * count {@code bertlab.steps} and the optimizer's update count {@code bertlab.updates}.
 *
 * <p>Like torch, this engine counts updates per parameter: a head left out of a step's targets is not updated in that
 * step, so its bias corrections lag behind. Such a parameter's own count is written as
 * {@code bertlab.updates.<name>}; readers that keep one count (the Java engine) ignore the extra keys.
 *
 * <p>Host values only, no NDArrays: the format does not depend on the engine.
 */
final class OptimizerStateFile {

    private static final String FIRST = ".exp_avg";
    private static final String SECOND = ".exp_avg_sq";
    private static final String STEPS = "bertlab.steps";
    private static final String UPDATES = "bertlab.updates";
    private static final String UPDATES_OF = UPDATES + ".";

    /** One parameter's first and second moments and the number of updates they have seen. */
    record SavedMoments(float[] first, float[] second, long updates) {
    }

    /**
     * What continues a session.
     *
     * @param steps the session's step count (the learning rate and dropout of the next step)
     * @param moments by parameter name; parameters never updated have none
     */
    record State(long steps, Map<String, SavedMoments> moments) {
    }

    private OptimizerStateFile() {
    }

    static void write(Path file, State state) throws IOException {
        long updates = state.moments().values().stream().mapToLong(SavedMoments::updates).max().orElse(0);
        BertWeights tensors = new BertWeights();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(STEPS, Long.toString(state.steps()));
        metadata.put(UPDATES, Long.toString(updates));
        state.moments().forEach((name, m) -> {
            tensors.put(new Weight(name + FIRST, new int[] {m.first().length}, m.first()));
            tensors.put(new Weight(name + SECOND, new int[] {m.second().length}, m.second()));
            if (m.updates() != updates) {
                metadata.put(UPDATES_OF + name, Long.toString(m.updates()));
            }
        });
        Safetensors.write(tensors, metadata, file);
    }

    /**
     * Reads a state and checks it against the session that is to continue it.
     *
     * @param sizes the number of values of each parameter of that session
     * @throws CheckpointException when the file is missing or corrupt, or a tensor is not a moment of one of these
     *         parameters or has another size (the message names the file and the tensor)
     */
    static State read(Path file, Map<String, Long> sizes) throws IOException {
        Map<String, String> metadata = Safetensors.metadata(file);
        long steps = counter(file, metadata, STEPS, 0);
        counter(file, metadata, UPDATES, 0); // required even without moments: it marks a state file
        Map<String, float[][]> pairs = new LinkedHashMap<>();
        for (Weight tensor : Safetensors.read(file).all()) {
            String name = tensor.name();
            String suffix = name.endsWith(SECOND) ? SECOND : name.endsWith(FIRST) ? FIRST : null;
            String parameter = suffix == null ? null : name.substring(0, name.length() - suffix.length());
            if (parameter == null || !sizes.containsKey(parameter)) {
                throw new CheckpointException(file, tensor.name(), "is not the " + FIRST + " or " + SECOND
                        + " of a parameter of this session (a state of another model or other heads?)");
            }
            if (tensor.values().length != sizes.get(parameter)) {
                throw new CheckpointException(file, tensor.name(), "has " + tensor.values().length
                        + " values, the parameter " + sizes.get(parameter));
            }
            pairs.computeIfAbsent(parameter, p -> new float[2][])[suffix.equals(SECOND) ? 1 : 0] = tensor.values();
        }
        Map<String, SavedMoments> moments = new LinkedHashMap<>();
        for (Map.Entry<String, float[][]> pair : pairs.entrySet()) {
            String parameter = pair.getKey();
            float[][] values = pair.getValue();
            if (values[0] == null || values[1] == null) {
                throw new CheckpointException(file, parameter + (values[0] == null ? FIRST : SECOND),
                        "missing: the other moment of this parameter is saved");
            }
            // Moments that exist have seen at least one update; a count of 0 would divide by a zero bias correction.
            String ownKey = UPDATES_OF + parameter;
            long own = counter(file, metadata, metadata.containsKey(ownKey) ? ownKey : UPDATES, 1);
            moments.put(parameter, new SavedMoments(values[0], values[1], own));
        }
        return new State(steps, moments);
    }

    private static long counter(Path file, Map<String, String> metadata, String key, long least)
            throws CheckpointException {
        String value = metadata.get(key);
        try {
            long counter = Long.parseLong(value);
            if (counter < least) {
                throw new NumberFormatException();
            }
            return counter;
        } catch (NumberFormatException e) {
            throw new CheckpointException(file, null, "metadata " + key + " must be a count of at least " + least
                    + ", found " + (value == null ? "nothing" : "'" + value + "'"));
        }
    }
}
