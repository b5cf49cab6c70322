package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.bertlab.model.bert.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a pre-training run stands, saved as {@value #FILE} in every checkpoint. With the engine's optimizer state
 * beside it, enough for {@code --resume} to take exactly the steps the uninterrupted run would have taken: the batch
 * of a step follows from the seed and the step ({@link BatchOrder}), and the open logging window is carried over so
 * that the next metrics record is the same too.
 *
 * @param settings the run's settings
 * @param instancesFingerprint the training instances' fingerprint ({@link InstanceSet#fingerprint()})
 * @param evalFingerprint the held-out instances' fingerprint, or null
 * @param stepsPerEpoch steps per pass over the instances
 * @param totalSteps the steps of the whole run (the learning-rate schedule's length)
 * @param step the steps taken
 * @param window the steps since the last metrics record
 * @param tokens the real tokens trained on so far
 * @param seconds the time spent in training steps so far
 */
record RunState(PretrainSettings settings, String instancesFingerprint, String evalFingerprint, int stepsPerEpoch,
        int totalSteps, long step, Window window, long tokens, double seconds) {

    static final String FILE = "run.json";

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The steps since the last metrics record: what its means are made of.
     *
     * @param steps the steps
     * @param lossSum the sum of their losses
     * @param taskLossSums the sum of each task's losses
     * @param tokens their real tokens
     * @param seconds their time
     */
    record Window(int steps, double lossSum, Map<String, Double> taskLossSums, long tokens, double seconds) {

        Window {
            taskLossSums = new LinkedHashMap<>(taskLossSums);
        }

        static final Window EMPTY = new Window(0, 0, Map.of(), 0, 0);

        Window plus(double loss, Map<String, Double> taskLosses, long batchTokens, double stepSeconds) {
            Map<String, Double> sums = new LinkedHashMap<>(taskLossSums);
            taskLosses.forEach((task, value) -> sums.merge(task, value, Double::sum));
            return new Window(steps + 1, lossSum + loss, sums, tokens + batchTokens, seconds + stepSeconds);
        }
    }

    static RunState start(PretrainSettings settings, InstanceSet train, InstanceSet eval, int stepsPerEpoch) {
        return new RunState(settings, train.fingerprint(), eval == null ? null : eval.fingerprint(), stepsPerEpoch,
                settings.totalSteps(stepsPerEpoch), 0, Window.EMPTY, 0, 0);
    }

    RunState afterStep(double loss, Map<String, Double> taskLosses, long batchTokens, double stepSeconds) {
        return new RunState(settings, instancesFingerprint, evalFingerprint, stepsPerEpoch, totalSteps, step + 1,
                window.plus(loss, taskLosses, batchTokens, stepSeconds), tokens + batchTokens, seconds + stepSeconds);
    }

    RunState windowClosed() {
        return new RunState(settings, instancesFingerprint, evalFingerprint, stepsPerEpoch, totalSteps, step,
                Window.EMPTY, tokens, seconds);
    }

    boolean finished() {
        return step >= totalSteps;
    }

    /** The epochs done, with the fraction of the current one. */
    double epoch() {
        return (double) step / stepsPerEpoch;
    }

    void write(Path folder) throws IOException {
        byte[] json = JSON.writeValueAsBytes(this);
        AtomicFiles.write(folder.resolve(FILE), channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(json);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    static RunState read(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try {
            return JSON.readValue(file.toFile(), RunState.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new IOException(folder + " holds no run state (" + FILE + "): it is not a pre-training checkpoint", e);
        } catch (IOException e) {
            throw new IOException(file + ": not a readable run state (" + e.getMessage() + ")", e);
        }
    }
}
