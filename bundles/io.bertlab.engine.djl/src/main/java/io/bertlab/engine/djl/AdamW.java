package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.bertlab.api.model.OptimizerSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * AdamW with decoupled weight decay, as {@code torch.optim.AdamW} computes it: each parameter keeps its own moments
 * and step count, so a parameter that had no gradient in a step (not part of that step's loss) is left untouched.
 */
final class AdamW {

    private final OptimizerSpec spec;
    private final UnaryOperator<NDArray> writable;
    /** In order of first update, so that saved states list the parameters in the same order every time. */
    private final Map<String, Moments> moments = new LinkedHashMap<>();

    /** First and second moment estimates of one parameter, and how many updates it had. */
    private static final class Moments {
        final NDArray first;
        final NDArray second;
        long steps;

        Moments(NDArray parameter) {
            first = parameter.zerosLike();
            second = parameter.zerosLike();
            // They live as long as the optimizer, not as long as the step that created them.
            NDScope.unregister(first, second);
        }

        Moments(NDArray parameter, OptimizerStateFile.SavedMoments saved) {
            first = parameter.getManager().create(saved.first(), parameter.getShape());
            second = parameter.getManager().create(saved.second(), parameter.getShape());
            NDScope.unregister(first, second);
            steps = saved.updates();
        }

        OptimizerStateFile.SavedMoments save() {
            return new OptimizerStateFile.SavedMoments(first.toFloatArray(), second.toFloatArray(), steps);
        }

        void close() {
            first.close();
            second.close();
        }
    }

    /**
     * An optimizer.
     *
     * @param spec betas, epsilon, weight decay and its exclusions
     * @param writable gives an array that writes through to a parameter's values without being recorded by autograd
     */
    AdamW(OptimizerSpec spec, UnaryOperator<NDArray> writable) {
        this.spec = spec;
        this.writable = writable;
    }

    /** The state of every parameter updated so far, as host values. */
    Map<String, OptimizerStateFile.SavedMoments> save() {
        Map<String, OptimizerStateFile.SavedMoments> saved = new LinkedHashMap<>();
        moments.forEach((name, m) -> saved.put(name, m.save()));
        return saved;
    }

    /**
     * Continues from a saved state, replacing the current one; parameters the state does not name start afresh.
     *
     * @param saved moments by parameter name, of the parameters' sizes
     * @param parameters the parameter of each name (gives the moments' shape and manager)
     */
    void restore(Map<String, OptimizerStateFile.SavedMoments> saved, Function<String, NDArray> parameters) {
        Map<String, Moments> restored = new LinkedHashMap<>();
        saved.forEach((name, m) -> restored.put(name, new Moments(parameters.apply(name), m)));
        // Only now that the whole state is copied: a failure above leaves the optimizer as it was.
        moments.values().forEach(Moments::close);
        moments.clear();
        moments.putAll(restored);
    }

    /**
     * Updates one parameter in place.
     *
     * @param name its HF name (decides weight decay)
     * @param parameter the parameter
     * @param gradient its (clipped) gradient
     * @param learningRate the rate of this step
     */
    void update(String name, NDArray parameter, NDArray gradient, double learningRate) {
        Moments m = moments.computeIfAbsent(name, n -> new Moments(parameter));
        m.steps++;
        NDArray values = writable.apply(parameter);
        if (spec.weightDecay() > 0 && !spec.excludedFromDecay(name)) {
            values.muli((float) (1 - learningRate * spec.weightDecay()));
        }
        m.first.muli((float) spec.beta1()).addi(gradient.mul((float) (1 - spec.beta1())));
        m.second.muli((float) spec.beta2()).addi(gradient.square().mul((float) (1 - spec.beta2())));
        double firstCorrection = 1 - Math.pow(spec.beta1(), m.steps);
        double secondCorrection = 1 - Math.pow(spec.beta2(), m.steps);
        NDArray denominator = m.second.sqrt().div((float) Math.sqrt(secondCorrection)).add((float) spec.epsilon());
        values.subi(m.first.div(denominator).mul((float) (learningRate / firstCorrection)));
    }
}
