package io.bertlab.engine.java.train;

import io.bertlab.api.model.OptimizerSpec;
import io.bertlab.engine.java.kernel.AdamWKernel;
import io.bertlab.engine.java.kernel.AdamWStep;
import io.bertlab.engine.java.kernel.Parallel;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (the element-wise update in {@link AdamWKernel}) with decoupled weight decay, global gradient-norm clipping
 * and the specification's learning-rate schedule, over the parameters cut in {@link ParameterChunks}.
 */
final class AdamW {

    private final OptimizerSpec spec;
    private final Map<String, float[][]> moments = new HashMap<>();
    private final Parallel parallel;
    private final AdamWKernel kernel;
    private ParameterChunks chunks;
    private long updates;

    /**
     * An optimizer.
     *
     * @param spec the hyper-parameters and schedule
     * @param parallel the compute threads: every element is updated on its own, so the threads change nothing but
     *        the time taken
     * @param kernel the element-wise update
     */
    AdamW(OptimizerSpec spec, Parallel parallel, AdamWKernel kernel) {
        this.spec = spec;
        this.parallel = parallel;
        this.kernel = kernel;
    }

    /** The number of updates taken: the step the learning-rate schedule and the bias corrections are at. */
    long updates() {
        return updates;
    }

    /** The first and second moments by parameter name, for saving (parameters never updated have none). */
    Map<String, float[][]> moments() {
        return moments;
    }

    /**
     * Continues from saved state.
     *
     * @param savedUpdates the updates taken
     * @param savedMoments first and second moments by parameter name
     */
    void restore(long savedUpdates, Map<String, float[][]> savedMoments) {
        updates = savedUpdates;
        moments.clear();
        moments.putAll(savedMoments);
    }

    /**
     * Scales the gradients down to {@code maxGradNorm} when their global L2 norm exceeds it.
     *
     * @param parameters the parameters and gradients
     * @return the norm before clipping
     */
    double clip(Parameters parameters) {
        ParameterChunks chunks = chunksOf(parameters);
        double[] squares = new double[chunks.count()];
        chunks.forEach(parallel, (index, chunk) -> squares[index] = sumOfSquares(chunk.parameter().gradient(),
                chunk.from(), chunk.to()));
        double sum = 0;
        for (double square : squares) {
            sum += square;
        }
        double norm = Math.sqrt(sum);
        if (spec.maxGradNorm() > 0 && norm > spec.maxGradNorm()) {
            float factor = (float) (spec.maxGradNorm() / (norm + 1e-6));
            chunks.forEach(parallel, (index, chunk) -> {
                float[] g = chunk.parameter().gradient();
                for (int i = chunk.from(); i < chunk.to(); i++) {
                    g[i] *= factor;
                }
            });
        }
        return norm;
    }

    /**
     * {@code Σ g[i]²} in double, over four interleaved partial sums: one running sum would wait for each addition to
     * finish before the next (a latency of several cycles per element), four keep the adder busy.
     */
    private static double sumOfSquares(float[] g, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 4 <= to; i += 4) {
            s0 += (double) g[i] * g[i];
            s1 += (double) g[i + 1] * g[i + 1];
            s2 += (double) g[i + 2] * g[i + 2];
            s3 += (double) g[i + 3] * g[i + 3];
        }
        for (; i < to; i++) {
            s0 += (double) g[i] * g[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Applies one update with the learning rate of the current step.
     *
     * @param parameters the parameters and their (clipped) gradients
     * @return the learning rate used
     */
    double update(Parameters parameters) {
        double rate = spec.learningRateAt(updates);
        updates++;
        AdamWStep step = new AdamWStep(spec.beta1(), spec.beta2(), spec.epsilon(),
                1 - Math.pow(spec.beta1(), updates), 1 - Math.pow(spec.beta2(), updates), rate, spec.weightDecay());
        AdamWStep withoutDecay = step.withDecay(0);
        for (Parameters.Parameter p : parameters.all()) {
            moments.computeIfAbsent(p.name(), k -> new float[][] {new float[p.values().length],
                new float[p.values().length]});
        }
        chunksOf(parameters).forEach(parallel, (index, chunk) -> {
            Parameters.Parameter p = chunk.parameter();
            float[][] m = moments.get(p.name());
            kernel.update(spec.excludedFromDecay(p.name()) ? withoutDecay : step, p.values(), p.gradient(), m[0],
                    m[1], chunk.from(), chunk.to());
        });
        return rate;
    }

    /** The chunks of a session's parameters, cut once: the set of parameters never changes after the session opens. */
    private ParameterChunks chunksOf(Parameters parameters) {
        if (chunks == null) {
            chunks = new ParameterChunks(parameters);
        }
        return chunks;
    }
}
