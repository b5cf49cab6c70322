package io.bertlab.api.analysis;

import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.tokenizer.Tokenizer;
import org.osgi.annotation.versioning.ProviderType;

/** Attributes a head's output to the input tokens, registered with {@value #METHOD}, e.g. {@code integrated-gradients}. */
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
     * Attributes one output for one input.
     *
     * @param session a session holding the model and the head to explain (e.g. a fine-tuned classifier)
     * @param tokenizer the model's tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @param target the head output explained, e.g. the logit of the predicted class
     * @param baseline the baseline
     * @param steps the number of integration steps, e.g. 50
     * @return the attribution of each token
     */
    Attribution attribute(TrainingSession session, Tokenizer tokenizer, String textA, String textB,
            OutputSelector target, Baseline baseline, int steps);
}
