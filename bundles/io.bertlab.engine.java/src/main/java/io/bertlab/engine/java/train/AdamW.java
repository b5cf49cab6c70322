package io.bertlab.engine.java.train;

import io.bertlab.api.model.OptimizerSpec;
import java.util.HashMap;
import java.util.Map;

/**
 * AdamW (Loshchilov &amp; Hutter; bias-corrected moments as in {@code torch.optim.AdamW}) with decoupled weight decay,
 * global gradient-norm clipping and the specification's learning-rate schedule.
 */
final class AdamW {

    private final OptimizerSpec spec;
    private final Map<String, float[][]> moments = new HashMap<>();
    private long updates;

    AdamW(OptimizerSpec spec) {
        this.spec = spec;
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
        double squares = 0;
        for (Parameters.Parameter p : parameters.all()) {
            for (float g : p.gradient()) {
                squares += (double) g * g;
            }
        }
        double norm = Math.sqrt(squares);
        if (spec.maxGradNorm() > 0 && norm > spec.maxGradNorm()) {
            float factor = (float) (spec.maxGradNorm() / (norm + 1e-6));
            for (Parameters.Parameter p : parameters.all()) {
                float[] g = p.gradient();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= factor;
                }
            }
        }
        return norm;
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
        double correction1 = 1 - Math.pow(spec.beta1(), updates);
        double correction2 = 1 - Math.pow(spec.beta2(), updates);
        for (Parameters.Parameter p : parameters.all()) {
            float[][] m = moments.computeIfAbsent(p.name(), k -> new float[][] {new float[p.values().length],
                new float[p.values().length]});
            float[] first = m[0];
            float[] second = m[1];
            float[] values = p.values();
            float[] g = p.gradient();
            double decay = spec.excludedFromDecay(p.name()) ? 0 : spec.weightDecay();
            for (int i = 0; i < values.length; i++) {
                first[i] = (float) (spec.beta1() * first[i] + (1 - spec.beta1()) * g[i]);
                second[i] = (float) (spec.beta2() * second[i] + (1 - spec.beta2()) * g[i] * g[i]);
                double step = (first[i] / correction1) / (Math.sqrt(second[i] / correction2) + spec.epsilon());
                values[i] = (float) (values[i] - rate * (step + decay * values[i]));
            }
        }
        return rate;
    }
}
