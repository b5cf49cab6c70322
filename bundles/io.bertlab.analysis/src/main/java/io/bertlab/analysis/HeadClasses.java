package io.bertlab.analysis;

import io.bertlab.api.analysis.HeadStatistics;
import java.util.ArrayList;
import java.util.List;

/**
 * Names the behaviour of a head from its statistics, with the thresholds Clark et al. 2019 discuss: a head is
 * {@value #BROAD} when its mean entropy exceeds {@value #BROAD_ENTROPY} nats, {@value #PREVIOUS} or {@value #NEXT}
 * when more than {@value #POSITIONAL} of its attention goes to the previous or next token, and {@value #CLS},
 * {@value #SEP} or {@value #PUNCTUATION} when more than {@value #TOKEN_KIND} goes to such tokens. A head can have
 * several classes, or none. The entropy threshold is absolute: on short inputs, whose uniform entropy
 * {@code ln n} is below it, no head can be broad (compare with {@link HeadPatternStatistics#UNIFORM_ENTROPY}).
 */
public final class HeadClasses {

    /** Entropy above which a head attends broadly, in nats. */
    public static final double BROAD_ENTROPY = 3.8;
    /** Share of attention to the previous or next token that makes a head positional. */
    public static final double POSITIONAL = 0.5;
    /** Share of attention to [CLS], [SEP] or punctuation that makes a head one that attends to them. */
    public static final double TOKEN_KIND = 0.6;

    /** Class: high-entropy (bag-of-vectors) attention. */
    public static final String BROAD = "broad";
    /** Class: attends to the previous token. */
    public static final String PREVIOUS = "previous";
    /** Class: attends to the next token. */
    public static final String NEXT = "next";
    /** Class: attends to [CLS]. */
    public static final String CLS = "cls";
    /** Class: attends to [SEP]. */
    public static final String SEP = "sep";
    /** Class: attends to punctuation. */
    public static final String PUNCTUATION = "punctuation";

    private HeadClasses() {
    }

    /**
     * The classes of one head.
     *
     * @param statistics the head's statistics, from {@link HeadPatternStatistics}
     * @return its classes, in the order broad, previous, next, cls, sep, punctuation; empty when none applies
     */
    public static List<String> of(HeadStatistics statistics) {
        List<String> classes = new ArrayList<>();
        add(classes, BROAD, statistics, HeadStatistics.ENTROPY, BROAD_ENTROPY);
        add(classes, PREVIOUS, statistics, HeadStatistics.PREVIOUS, POSITIONAL);
        add(classes, NEXT, statistics, HeadStatistics.NEXT, POSITIONAL);
        add(classes, CLS, statistics, HeadStatistics.CLS, TOKEN_KIND);
        add(classes, SEP, statistics, HeadStatistics.SEP, TOKEN_KIND);
        add(classes, PUNCTUATION, statistics, HeadStatistics.PUNCTUATION, TOKEN_KIND);
        return classes;
    }

    private static void add(List<String> classes, String name, HeadStatistics statistics, String value,
            double threshold) {
        Double v = statistics.values().get(value);
        if (v != null && v > threshold) {
            classes.add(name);
        }
    }
}
