package io.bertlab.analysis.attribution;

import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.Arrays;
import java.util.Objects;
import org.osgi.service.component.annotations.Component;

/**
 * Integrated Gradients on the word embeddings, with transformers-interpret's choices: the baseline is the input with
 * every non-special token replaced by {@code [PAD]} (or all-zero embeddings), position and token type embeddings are
 * the input's on the whole path, the output explained is the softmax probability of the selected class (the raw
 * output of a regression head), and each token's score is the sum of its embedding's attributions.
 */
@Component(service = AttributionMethod.class, property = AttributionMethod.METHOD + "=" + IntegratedGradients.NAME)
public class IntegratedGradients implements AttributionMethod {

    /** The method's name, the value of {@value AttributionMethod#METHOD}. */
    public static final String NAME = "integrated-gradients";

    /** BERT's positions: longer inputs are cut (longest first) rather than failing in the engine. */
    static final int MAX_LENGTH = 512;

    /**
     * Path points per engine call: large enough that the encoder's matrix products run on full blocks, small enough
     * that the activations kept for the backward pass of a 512-token input stay within a few hundred MB.
     */
    static final int CHUNK = 25;

    @Override
    public Attribution attribute(TrainingSession session, Tokenizer tokenizer, String textA, String textB,
            OutputSelector target, Baseline baseline, Rule rule, int steps) {
        Objects.requireNonNull(baseline, "baseline");
        HeadSpec head = session.spec().heads().stream().filter(h -> h.name().equals(target.head())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the session has no head '" + target.head() + "'"));
        if (head instanceof HeadSpec.MaskedLm) {
            throw new IllegalArgumentException("'" + head.name() + "' is a masked LM head: Integrated Gradients"
                    + " explains one output per input (a classification or regression head)");
        }
        Quadrature quadrature = Quadrature.of(rule, steps);
        Encoding encoding = encode(tokenizer, textA, textB);
        int[] mask = new int[encoding.length()];
        Arrays.fill(mask, 1);
        Tensor embeddings = session.inputEmbeddings(new Batch(new int[][] {encoding.ids()},
                new int[][] {encoding.typeIds()}, new int[][] {mask}));
        int hidden = embeddings.dim(2);
        float[] input = embeddings.toArray();
        float[] reference = switch (baseline) {
            case PAD_TOKENS -> session.inputEmbeddings(new Batch(new int[][] {padded(tokenizer, encoding)},
                    new int[][] {encoding.typeIds()}, new int[][] {mask})).toArray();
            case ZERO_EMBEDDINGS -> new float[input.length];
        };
        Integrator.Result result = Integrator.integrate(
                new SessionPath(session, head.name(), encoding.ids(), encoding.typeIds(), hidden), input, reference,
                new Integrator.Target(target.index(), !(head instanceof HeadSpec.Regression)), quadrature, CHUNK);
        double[] perToken = result.perToken(hidden);
        float[] scores = new float[perToken.length];
        double sum = 0;
        for (int i = 0; i < perToken.length; i++) {
            scores[i] = (float) perToken[i];
            sum += perToken[i];
        }
        return new Attribution(encoding.tokens(), scores, target, result.atInput(), result.atBaseline(),
                sum - (result.atInput() - result.atBaseline()), steps);
    }

    /**
     * Encodes as the engines are run elsewhere: special tokens, longest-first truncation to {@value #MAX_LENGTH}
     * tokens, no padding (one input needs none).
     */
    static Encoding encode(Tokenizer tokenizer, String textA, String textB) {
        Objects.requireNonNull(textA, "textA");
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(MAX_LENGTH), null);
        return textB == null ? tokenizer.encode(textA, options) : tokenizer.encodePair(textA, textB, options);
    }

    /** transformers-interpret's reference ids: special tokens kept, every other token {@code [PAD]}. */
    static int[] padded(Tokenizer tokenizer, Encoding encoding) {
        int pad = tokenizer.defaultPadding().padId();
        int[] ids = encoding.ids();
        int[] special = encoding.specialTokensMask();
        for (int i = 0; i < ids.length; i++) {
            if (special[i] == 0) {
                ids[i] = pad;
            }
        }
        return ids;
    }
}
