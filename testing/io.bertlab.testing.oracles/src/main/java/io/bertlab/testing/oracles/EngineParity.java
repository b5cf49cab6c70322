package io.bertlab.testing.oracles;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import io.bertlab.testing.RealSentences;

/** The check every engine passes: its {@code last_hidden_state} equals ONNX Runtime's within a tolerance. */
public final class EngineParity {

    /** The largest max-abs difference allowed on any sentence. */
    public static final float TOLERANCE = 1e-4f;

    private EngineParity() {
    }

    /**
     * Runs the model on every batch of the reference and fails on the first sentence farther than {@link #TOLERANCE}
     * from ONNX Runtime; prints the count and the largest difference.
     *
     * @param model the engine's model of all-MiniLM-L6-v2
     * @param label the engine's name for messages
     * @param reference ONNX Runtime's outputs
     * @return the largest max-abs difference over all sentences
     */
    public static float assertMatches(Model model, String label, OnnxRuntimeReference reference) {
        float largest = 0;
        String worst = "";
        int paddedRows = 0;
        int tokens = 0;
        long started = System.nanoTime();
        int sentence = 0;
        for (int i = 0; i < reference.batches().size(); i++) {
            Batch batch = reference.batches().get(i);
            Tensor want = reference.expected().get(i);
            Tensor got = model.forward(batch).lastHiddenState();
            tokens += batch.size() * batch.sequenceLength();
            assertArrayEquals(want.shape(), got.shape(), "last_hidden_state shape");
            for (int b = 0; b < batch.size(); b++, sentence++) {
                float difference = maxAbsDifference(want, got, b);
                RealSentences.Input input = reference.inputs().get(sentence);
                assertTrue(difference <= TOLERANCE, "max |" + label + " - onnxruntime| = " + difference
                        + " for sentence " + sentence + " from " + input.source() + ": " + input.first());
                if (difference > largest) {
                    largest = difference;
                    worst = input.first();
                }
                paddedRows += batch.attended(b, batch.sequenceLength() - 1) ? 0 : 1;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // The rate is an indication only; the JMH benchmarks measure speed.
        System.out.printf("%s vs ONNX Runtime: %d inputs (%d padded), largest max-abs difference %.3g (%s); "
                + "%.0f padded tokens/s here%n", label, reference.inputs().size(), paddedRows, largest, worst,
                tokens / seconds);
        assertTrue(paddedRows > 0, "the batches must include padded sequences");
        return largest;
    }

    /** Over every position of one row, padding included (ONNX Runtime computes those too). */
    private static float maxAbsDifference(Tensor expected, Tensor actual, int row) {
        float max = 0;
        for (int t = 0; t < expected.dim(1); t++) {
            float[] e = expected.vector(row, t);
            float[] a = actual.vector(row, t);
            for (int j = 0; j < e.length; j++) {
                max = Math.max(max, Math.abs(e[j] - a[j]));
            }
        }
        return max;
    }
}
