package io.bertlab.glue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a fine-tuning run stands, saved as {@value #FILE} with every checkpoint: enough, with the session's own
 * state, for {@code --resume} to take the very steps the uninterrupted run would have taken.
 *
 * @param task the task's name
 * @param model the model the run started from, as the user named it
 * @param engine the engine it runs on
 * @param settings the hyper-parameters
 * @param totalSteps the steps of the whole run (the learning-rate schedule's length)
 * @param epoch the epoch under way (0-based)
 * @param batch the batches of that epoch already taken
 * @param epochLossSum the sum of the step losses of that epoch so far
 * @param epochTokens the real tokens of that epoch so far
 * @param epochSeconds the training seconds of that epoch so far
 * @param best the best main-metric value on dev so far, or null
 * @param bestEpoch the 1-based epoch that reached it, 0 for none
 * @param history one record per finished epoch
 */
record RunState(String task, String model, String engine, TrainingSettings settings, int totalSteps, int epoch,
        int batch, double epochLossSum, long epochTokens, double epochSeconds, Double best, int bestEpoch,
        List<EpochRecord> history) {

    static final String FILE = "run.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One finished epoch.
     *
     * @param epoch 1-based
     * @param trainLoss the mean step loss
     * @param dev the dev metrics after it
     * @param seconds training time (evaluation excluded)
     * @param tokensPerSecond real (unpadded) training tokens per second
     */
    record EpochRecord(int epoch, double trainLoss, Map<String, Double> dev, double seconds, double tokensPerSecond) {
    }

    RunState {
        history = List.copyOf(history);
    }

    static RunState start(String task, String model, String engine, TrainingSettings settings, int totalSteps) {
        return new RunState(task, model, engine, settings, totalSteps, 0, 0, 0, 0, 0, null, 0, List.of());
    }

    RunState afterBatch(double loss, long tokens, double seconds) {
        return new RunState(task, model, engine, settings, totalSteps, epoch, batch + 1, epochLossSum + loss,
                epochTokens + tokens, epochSeconds + seconds, best, bestEpoch, history);
    }

    RunState afterEpoch(EpochRecord record, Double newBest, int newBestEpoch) {
        List<EpochRecord> all = new ArrayList<>(history);
        all.add(record);
        return new RunState(task, model, engine, settings, totalSteps, epoch + 1, 0, 0, 0, 0, newBest, newBestEpoch,
                all);
    }

    void write(Path folder) throws IOException {
        writeJson(this, folder.resolve(FILE));
    }

    static RunState read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), RunState.class);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable run state (" + e.getMessage() + ")", e);
        }
    }

    /** Writes JSON atomically (a temporary file moved into place). */
    static void writeJson(Object value, Path file) throws IOException {
        writeAtomically(file, JSON.writeValueAsBytes(value));
    }

    /** Writes a file atomically: into a temporary file beside it, then moved over it. */
    static void writeAtomically(Path file, byte[] content) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.write(partial, content);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
