package io.bertlab.engine.java.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The vector update rounds every element exactly as the scalar one: a training run's bits cannot depend on it. */
class AdamWKernelTest {

    @Test
    void vectorUpdateEqualsScalarUpdateBitForBit() {
        SplittableRandom random = new SplittableRandom(3);
        int length = 1003;
        float[][] scalar = new float[4][length];
        for (float[] array : scalar) {
            for (int i = 0; i < length; i++) {
                array[i] = (float) (random.nextDouble() - 0.5);
            }
        }
        for (int i = 0; i < length; i++) {
            scalar[3][i] = Math.abs(scalar[3][i]) * 1e-3f;
        }
        float[][] vector = {scalar[0].clone(), scalar[1].clone(), scalar[2].clone(), scalar[3].clone()};
        for (int t = 1; t <= 3; t++) {
            AdamWStep step = new AdamWStep(0.9, 0.999, 1e-8, 1 - Math.pow(0.9, t), 1 - Math.pow(0.999, t), 2e-5,
                    t == 2 ? 0 : 0.01);
            new ScalarAdamW().update(step, scalar[0], scalar[1], scalar[2], scalar[3], 5, length);
            new VectorAdamW().update(step, vector[0], vector[1], vector[2], vector[3], 5, length);
        }
        for (int a = 0; a < 4; a++) {
            assertArrayEquals(scalar[a], vector[a], "array " + a);
        }
    }
}
