package io.bertlab.engine.java.kernel;

/** AdamW's update in plain Java, one element at a time. */
public final class ScalarAdamW implements AdamWKernel {

    @Override
    public void update(AdamWStep step, float[] values, float[] gradient, float[] first, float[] second, int from,
            int to) {
        double beta1 = step.beta1();
        double beta2 = step.beta2();
        for (int i = from; i < to; i++) {
            first[i] = (float) (beta1 * first[i] + (1 - beta1) * gradient[i]);
            second[i] = (float) (beta2 * second[i] + (1 - beta2) * gradient[i] * gradient[i]);
            double direction = (first[i] / step.correction1())
                    / (Math.sqrt(second[i] / step.correction2()) + step.epsilon());
            values[i] = (float) (values[i] - step.rate() * (direction + step.decay() * values[i]));
        }
    }
}
