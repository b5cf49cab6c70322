package io.bertlab.api.analysis;

import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Tokenizer;
import org.osgi.annotation.versioning.ProviderType;

/** Runs a model on one input and keeps every layer's attention probabilities. */
@ProviderType
public interface AttentionCapture {

    /**
     * Captures the attention of one input.
     *
     * @param model the model
     * @param tokenizer the model's tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @return the attention map with the input's tokens
     */
    AttentionMap capture(Model model, Tokenizer tokenizer, String textA, String textB);
}
