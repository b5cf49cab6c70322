package io.bertlab.engine.java.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Element-wise functions on the JDK Vector API. The exponential is built from additions, multiplications and bit
 * shifts only, which round the same way interpreted and compiled; the API's own {@code EXP} does not (the JIT
 * compiles it to a SIMD routine whose last bits differ from the interpreter's), and a model must give the same
 * output for the same input on its first call and its thousandth, and a training seed reproduce a run bit for bit.
 */
public final class VectorElementwise implements ElementwiseKernel {

    private static final VectorSpecies<Float> SPECIES = FloatVector.SPECIES_PREFERRED;
    private static final FloatVector ONE = FloatVector.broadcast(SPECIES, 1f);
    private static final float SQRT_HALF = (float) Math.sqrt(0.5);
    private static final float INVERSE_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    private static final float[] COEFFICIENTS = new float[Erf.COEFFICIENTS.length];

    /*
     * The exponential, after Cephes' expf: exp(x) = 2^n · exp(r) with n = round(x·log2 e) and
     * r = x − n·ln 2 in [−ln2/2, ln2/2] (ln 2 split in two so that n·ln2_hi is exact), exp(r) by a degree-7
     * polynomial; relative error about 2 ulp. Inputs are clamped to where 2^n is a normal float.
     */
    private static final float LOG2E = 1.44269504088896341f;
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    /** Adding 1.5·2^23 rounds a float of magnitude below 2^22 to an integer, left in the low mantissa bits. */
    private static final float ROUNDER = 12582912f;
    private static final int ROUNDER_BITS = Float.floatToRawIntBits(ROUNDER);
    private static final float[] EXP_COEFFICIENTS = {5.0000001201e-1f, 1.6666665459e-1f, 4.1665795894e-2f,
        8.3334519073e-3f, 1.3981999507e-3f, 1.9875691500e-4f};
    private static final float LOWEST = -87f;
    private static final float HIGHEST = 88f;

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
            exp(FloatVector.fromArray(SPECIES, values, i)).intoArray(values, i);
        }
        tail.exp(values, i, to);
    }

    @Override
    public void gelu(float[] values, int from, int to) {
        int i = from;
        for (int end = from + SPECIES.loopBound(to - from); i < end; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, values, i);
            x.mul(cdf(x)).intoArray(values, i);
        }
        tail.gelu(values, i, to);
    }

    @Override
    public void geluBackward(float[] input, float[] gradient, int from, int to) {
        int i = from;
        for (int end = from + SPECIES.loopBound(to - from); i < end; i += SPECIES.length()) {
            FloatVector x = FloatVector.fromArray(SPECIES, input, i);
            FloatVector density = exp(x.mul(x).mul(-0.5f)).mul(INVERSE_SQRT_2PI);
            FloatVector derivative = x.fma(density, cdf(x));
            FloatVector.fromArray(SPECIES, gradient, i).mul(derivative).intoArray(gradient, i);
        }
        tail.geluBackward(input, gradient, i, to);
    }

    /** {@code Φ(x) = (1 + erf(x/√2))/2}. */
    private static FloatVector cdf(FloatVector x) {
        return erf(x.mul(SQRT_HALF)).add(1f).mul(0.5f);
    }

    private static FloatVector erf(FloatVector x) {
        FloatVector z = x.abs();
        FloatVector t = ONE.div(z.mul(0.5f).add(1f));
        FloatVector polynomial = FloatVector.broadcast(SPECIES, COEFFICIENTS[COEFFICIENTS.length - 1]);
        for (int c = COEFFICIENTS.length - 2; c >= 0; c--) {
            polynomial = polynomial.fma(t, FloatVector.broadcast(SPECIES, COEFFICIENTS[c]));
        }
        FloatVector erfc = t.mul(exp(z.mul(z).neg().add(polynomial)));
        FloatVector positive = erfc.neg().add(1f);
        VectorMask<Float> negative = x.lt(0f);
        return positive.blend(positive.neg(), negative);
    }

    private static FloatVector exp(FloatVector v) {
        FloatVector x = v.max(LOWEST).min(HIGHEST);
        FloatVector shifted = x.fma(FloatVector.broadcast(SPECIES, LOG2E), FloatVector.broadcast(SPECIES, ROUNDER));
        FloatVector n = shifted.sub(ROUNDER);
        FloatVector r = n.fma(FloatVector.broadcast(SPECIES, -LN2_HI), x);
        r = n.fma(FloatVector.broadcast(SPECIES, -LN2_LO), r);
        FloatVector polynomial = FloatVector.broadcast(SPECIES, EXP_COEFFICIENTS[EXP_COEFFICIENTS.length - 1]);
        for (int c = EXP_COEFFICIENTS.length - 2; c >= 0; c--) {
            polynomial = polynomial.fma(r, FloatVector.broadcast(SPECIES, EXP_COEFFICIENTS[c]));
        }
        FloatVector expR = polynomial.mul(r.mul(r)).add(r).add(1f);
        IntVector exponent = ((IntVector) shifted.reinterpretAsInts()).sub(ROUNDER_BITS - 127)
                .lanewise(VectorOperators.LSHL, 23);
        return expR.mul(exponent.reinterpretAsFloats());
    }
}
