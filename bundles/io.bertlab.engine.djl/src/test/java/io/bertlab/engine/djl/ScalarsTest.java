package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The constants of recorded operations live until backward. Between the forward pass and backward, the collector
 * runs a full garbage collection and then allocates many small direct buffers filled with NaN, so that a constant
 * whose buffer was closed early (as DJL's PyTorch {@code mul(Number)} closes its temporary) has its memory freed and
 * written over: its gradient would then be NaN or another wrong value instead of exactly the constant (done by hand
 * with {@code x.mul(0.5f)}, the gradient came out -9.1e34 instead of 0.5). Tolerance 1e-6: the gradients of {@code x·c}, {@code x/c} and
 * {@code max(x, c)} on these inputs are exact, that of {@code x^c} is {@code c·x^(c−1)} with a vectorised pow
 * accurate to 1 ulp (6e-8 relative); a freed constant gives NaN or a value unrelated to {@code c}.
 */
class ScalarsTest {

    enum Operation {
        TIMES(Scalars::times, new float[] {0.5f, 0.5f, 0.5f}),
        DIVIDED_BY((x, c) -> Scalars.dividedBy(x, c), new float[] {2f, 2f, 2f}),
        AT_LEAST(Scalars::atLeast, new float[] {0f, 0f, 1f}),
        POWER(Scalars::power, new float[] {1.5f * 0.25f, 1.5f * 0.5f, 1.5f * 1f});

        final BiFunction<NDArray, Float, NDArray> apply;
        final float[] gradient;

        Operation(BiFunction<NDArray, Float, NDArray> apply, float[] gradient) {
            this.apply = apply;
            this.gradient = gradient;
        }
    }

    @ParameterizedTest
    @EnumSource(Operation.class)
    void aConstantOutlivesGarbageCollectionBetweenForwardAndBackward(Operation operation) {
        Engine engine = DjlRuntime.engine(DjlBackend.PYTORCH);
        float c = operation == Operation.POWER ? 1.5f : 0.5f;
        // x = (0.0625, 0.25, 1): for max(x, 0.5) the gradient is 0, 0, 1; for x^1.5 it is 1.5·√x = 1.5·(0.25, 0.5, 1)
        try (NDManager manager = engine.newBaseManager(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray x = manager.create(new float[] {0.0625f, 0.25f, 1f});
            x.setRequiresGradient(true);
            List<ByteBuffer> scribbles;
            try (GradientCollector collector = engine.newGradientCollector()) {
                NDArray y = operation.apply.apply(x, c);
                scribbles = overwriteFreedDirectMemory();
                collector.backward(y.sum());
            }
            assertArrayEquals(operation.gradient, x.getGradient().toFloatArray(), 1e-6f,
                    operation + ": " + scribbles.size() + " buffers written over freed memory");
        }
    }

    /** Frees what is unreachable (direct buffers' memory goes back to malloc) and fills small blocks with NaN. */
    private static List<ByteBuffer> overwriteFreedDirectMemory() {
        System.gc();
        try {
            Thread.sleep(50); // the Cleaner thread frees direct buffers after the collection
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<ByteBuffer> held = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(4);
            buffer.putFloat(0, Float.NaN);
            held.add(buffer);
        }
        return held;
    }
}
