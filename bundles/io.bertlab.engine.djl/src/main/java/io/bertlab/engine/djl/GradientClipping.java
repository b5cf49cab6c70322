package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** Clipping of the global L2 norm of a set of gradients, as {@code torch.nn.utils.clip_grad_norm_} does it. */
final class GradientClipping {

    private GradientClipping() {
    }

    /** The clipped gradients and the norm before clipping. */
    record Clipped(Map<String, NDArray> gradients, double norm) {
    }

    /**
     * Scales all gradients by {@code min(1, maxNorm / (norm + 1e-6))}.
     *
     * @param gradients by parameter name
     * @param maxNorm the largest global norm; {@code 0} leaves the gradients as they are
     * @return the gradients to apply and the global norm before clipping
     */
    static Clipped clip(Map<String, NDArray> gradients, double maxNorm) {
        double squares = 0;
        for (NDArray gradient : gradients.values()) {
            squares += gradient.square().sum().getFloat();
        }
        double norm = Math.sqrt(squares);
        if (maxNorm <= 0) {
            return new Clipped(gradients, norm);
        }
        float scale = (float) Math.min(1, maxNorm / (norm + 1e-6));
        Map<String, NDArray> clipped = new LinkedHashMap<>();
        gradients.forEach((name, gradient) -> clipped.put(name, gradient.mul(scale)));
        return new Clipped(clipped, norm);
    }
}
