package io.bertlab.analysis;

import io.bertlab.api.analysis.AttentionCapture;
import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardOptions;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * Captures attention on any engine through the forward pass's own option to keep the softmax probabilities
 * ({@link ForwardOptions#attentions()}, HF's {@code output_attentions=True}), so what is shown is exactly what the
 * engine computed, not a re-implementation of it.
 */
@Component(service = AttentionCapture.class)
public class EngineAttentionCapture implements AttentionCapture {

    private static final ForwardOptions ATTENTIONS = new ForwardOptions(false, true);

    @Override
    public AttentionMap capture(Model model, Tokenizer tokenizer, String textA, String textB) {
        return capture(model, encode(model, tokenizer, textA, textB));
    }

    /**
     * Encodes an input as a capture does: special tokens, longest-first truncation to the model's positions, no
     * padding (one input alone needs none, and padding would only add rows nobody attends to).
     *
     * @param model the model, for its number of positions
     * @param tokenizer the tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @return the encoding
     */
    public static Encoding encode(Model model, Tokenizer tokenizer, String textA, String textB) {
        Objects.requireNonNull(textA, "textA");
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(model.config().maxPositionEmbeddings()),
                null);
        return textB == null ? tokenizer.encode(textA, options) : tokenizer.encodePair(textA, textB, options);
    }

    /**
     * How many tokens an input has before truncation, so that callers can say when a capture was cut.
     *
     * @param tokenizer the tokenizer
     * @param textA the first segment
     * @param textB the second segment, or {@code null}
     * @return the untruncated length, special tokens included
     */
    public static int untruncatedLength(Tokenizer tokenizer, String textA, String textB) {
        EncodeOptions options = EncodeOptions.of(true, null, null);
        return (textB == null ? tokenizer.encode(textA, options) : tokenizer.encodePair(textA, textB, options))
                .length();
    }

    /**
     * Captures the attention of an encoded input.
     *
     * @param model the model
     * @param encoding one input, unpadded
     * @return every layer's attention, {@code [layers, heads, n, n]}
     */
    public static AttentionMap capture(Model model, Encoding encoding) {
        int n = encoding.length();
        int[] mask = new int[n];
        Arrays.fill(mask, 1);
        Batch batch = new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()}, new int[][] {mask});
        ForwardResult result = model.forward(batch, ATTENTIONS);
        List<Tensor> layers = result.attentions();
        if (layers.isEmpty()) {
            throw new IllegalStateException("the " + model.engine().name() + " engine returned no attentions");
        }
        int heads = layers.get(0).dim(1);
        float[] weights = new float[layers.size() * heads * n * n];
        for (int l = 0; l < layers.size(); l++) {
            // each layer is [batch = 1, heads, n, n]: its data is already the [heads, n, n] block of layer l
            layers.get(l).copyTo(weights, l * heads * n * n);
        }
        return new AttentionMap(encoding.tokens(), sentenceBStart(encoding),
                Tensor.of(weights, layers.size(), heads, n, n));
    }

    /** The first token of segment B (BertViz's {@code sentence_b_start}): the first with token type 1, else -1. */
    static int sentenceBStart(Encoding encoding) {
        int[] types = encoding.typeIds();
        for (int i = 0; i < types.length; i++) {
            if (types[i] == 1) {
                return i;
            }
        }
        return -1;
    }
}
