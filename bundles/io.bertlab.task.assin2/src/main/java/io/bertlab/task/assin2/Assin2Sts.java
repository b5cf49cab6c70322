package io.bertlab.task.assin2;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Metric;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.HeadSpec;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Component;

/**
 * ASSIN 2's semantic similarity task (STS): how alike are the two sentences, from 1 to 5? A regression on the
 * {@code similarity} attribute, scored, as the shared task was, by Pearson correlation and mean squared error.
 */
@Component(service = GlueTask.class, property = GlueTask.TASK + "=" + Assin2Sts.NAME)
public final class Assin2Sts extends Assin2Task {

    /** The task's name. */
    public static final String NAME = "ASSIN2-STS";

    /** The similarity attribute. */
    static final String SIMILARITY = "similarity";

    /** The lowest similarity. */
    static final double MIN = 1.0;

    /** The highest similarity. */
    static final double MAX = 5.0;

    /** A plain decimal number, as the files write them; no NaN, infinities, hex or type suffixes. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    /** Creates the task (for DS, and for use outside OSGi). */
    public Assin2Sts() {
    }

    @Override
    public String name() {
        return NAME;
    }

    /** None: a regression. */
    @Override
    public List<String> labels() {
        return List.of();
    }

    @Override
    public HeadSpec head() {
        return HeadSpec.Regression.of();
    }

    /** Pearson first (ASSIN 2's ranking), then the mean squared error; names of {@link Metric} services. */
    @Override
    public List<String> metrics() {
        return List.of("pearson", "mse");
    }

    @Override
    String labelAttribute() {
        return SIMILARITY;
    }

    @Override
    String expectedValues() {
        return "a number from 1 to 5";
    }

    @Override
    Example labelled(AssinXmlReader.Pair pair, String value) throws BadValue {
        String text = value.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new BadValue("similarity '" + value + "' is not a number, expected " + expectedValues());
        }
        double score = Double.parseDouble(text);
        if (!(score >= MIN && score <= MAX)) {
            throw new BadValue("similarity " + text + " is outside 1..5");
        }
        return new Example(pair.id(), pair.t(), pair.h(), Example.NO_LABEL, score, pair.line());
    }

    /** The score with three decimals, clipped to [1, 5]. */
    @Override
    Map<String, String> submissionAttributes(Prediction prediction) {
        double score = prediction.score();
        if (!Double.isFinite(score)) {
            throw new IllegalArgumentException(NAME + ": prediction for id " + prediction.id() + " has score " + score
                    + ", expected a finite number");
        }
        return Map.of(SIMILARITY, String.format(Locale.ROOT, "%.3f", Math.max(MIN, Math.min(MAX, score))));
    }

    @Override
    String submissionFileName() {
        return "assin2-sts.xml";
    }
}
