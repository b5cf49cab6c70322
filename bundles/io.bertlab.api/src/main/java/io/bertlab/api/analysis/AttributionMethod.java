package io.bertlab.api.analysis;

import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.tokenizer.Tokenizer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Attributes a head's output to the input tokens, registered with {@value #METHOD}, e.g. {@code integrated-gradients}.
 * The output explained is the softmax probability of the selected class for a classification (or next-sentence)
 * head, and the raw selected output for a regression head.
 */
@ProviderType
public interface AttributionMethod {

    /** Service property naming the method. */
    String METHOD = "bertlab.attribution.method";

    /** The reference input the path starts from. */
    enum Baseline {
        /** Every non-special token replaced by {@code [PAD]}, special tokens kept (as transformers-interpret does). */
        PAD_TOKENS,
        /** All-zero input embeddings. */
        ZERO_EMBEDDINGS
    }

    /**
     * How the path integral from the baseline to the input is approximated.
     *
     * @since 1.1
     */
    enum Rule {
        /** Gauss-Legendre quadrature: exact for polynomials of degree below twice the steps (Captum's default). */
        GAUSS_LEGENDRE,
        /** The trapezoid rule over equally spaced points, both ends included (Captum's {@code riemann_trapezoid}). */
        RIEMANN_TRAPEZOID
    }

    /**
     * Attributes one output for one input.
     *
     * @param session a session holding the model and the head to explain (e.g. a fine-tuned classifier)
     * @param tokenizer the model's tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @param target the head output explained, e.g. the predicted class
     * @param baseline the baseline
     * @param steps the number of integration steps, e.g. 50
     * @return the attribution of each token, by Gauss-Legendre quadrature
     */
    default Attribution attribute(TrainingSession session, Tokenizer tokenizer, String textA, String textB,
            OutputSelector target, Baseline baseline, int steps) {
        return attribute(session, tokenizer, textA, textB, target, baseline, Rule.GAUSS_LEGENDRE, steps);
    }

    /**
     * Attributes one output for one input with a chosen integration rule.
     *
     * @param session a session holding the model and the head to explain (e.g. a fine-tuned classifier)
     * @param tokenizer the model's tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @param target the head output explained, e.g. the predicted class
     * @param baseline the baseline
     * @param rule the quadrature rule
     * @param steps the number of points on the path, e.g. 50
     * @return the attribution of each token
     * @since 1.1
     */
    Attribution attribute(TrainingSession session, Tokenizer tokenizer, String textA, String textB,
            OutputSelector target, Baseline baseline, Rule rule, int steps);
}
