package io.bertlab.engine.java.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/** Element-wise functions on the JDK Vector API, whose {@code EXP} the JIT compiles to a SIMD routine. */
public final class VectorElementwise implements ElementwiseKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    private static final float SQRT_HALF = (float) Math.sqrt(0.5);
    private static final float[] COEFFICIENTS = new float[Erf.COEFFICIENTS.length];

    static {
        for (int i = 0; i < COEFFICIENTS.length; i++) {
            COEFFICIENTS[i] = (float) Erf.COEFFICIENTS[i];
        }
    }

    private final ScalarElementwise tail = new ScalarElementwise();

    @Override
    public void exp(float[] values, int from, int to) {
        int i = from;
        for (int end = from + SPECIES.loopBound(to - from); i < end; i += SPECIES.length()) {
            FloatVector.fromArray(SPECIES, values, i).lanewise(VectorOperators.EXP).intoArray(values, i);
        }
        tail.exp(values, i, to);
    }

    @Override
    public void gelu(float[] values, int from, int to) {
        int i = from;
        for (int end = from + SPECIES.loopBound(to - from); i < end; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, values, i);
            x.mul(erf(x.mul(SQRT_HALF)).add(1f)).mul(0.5f).intoArray(values, i);
        }
        tail.gelu(values, i, to);
    }

    private static FloatVector erf(FloatVector x) {
        FloatVector z = x.abs();
        FloatVector t = ONE.div(z.mul(0.5f).add(1f));
        FloatVector polynomial = FloatVector.broadcast(SPECIES, COEFFICIENTS[COEFFICIENTS.length - 1]);
        for (int c = COEFFICIENTS.length - 2; c >= 0; c--) {
            polynomial = polynomial.fma(t, FloatVector.broadcast(SPECIES, COEFFICIENTS[c]));
        }
        FloatVector erfc = t.mul(z.mul(z).neg().add(polynomial).lanewise(VectorOperators.EXP));
        FloatVector positive = erfc.neg().add(1f);
        VectorMask<Float> negative = x.lt(0f);
        return positive.blend(positive.neg(), negative);
    }
}
