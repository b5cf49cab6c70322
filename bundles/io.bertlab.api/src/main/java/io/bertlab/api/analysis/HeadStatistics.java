package io.bertlab.api.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Attention-pattern statistics of one head averaged over inputs, as in Clark et al. 2019, "What Does BERT Look At?".
 *
 * @param layer the layer, from 0
 * @param head the head, from 0
 * @param values statistic name to value: the mean attention to the {@value #PREVIOUS}, {@value #NEXT} and
 *     {@value #SELF} token, to {@value #CLS}, to {@value #SEP}, to {@value #PUNCTUATION}, and the mean
 *     {@value #ENTROPY} of its distributions (in nats)
 */
public record HeadStatistics(int layer, int head, Map<String, Double> values) {

    /** Attention to the previous token. */
    public static final String PREVIOUS = "previous";
    /** Attention to the next token. */
    public static final String NEXT = "next";
    /** Attention to the token itself. */
    public static final String SELF = "self";
    /** Attention to {@code [CLS]}. */
    public static final String CLS = "cls";
    /** Attention to {@code [SEP]}. */
    public static final String SEP = "sep";
    /** Attention to punctuation tokens. */
    public static final String PUNCTUATION = "punctuation";
    /** Entropy of the attention distribution. */
    public static final String ENTROPY = "entropy";

    /**
     * Copies the values.
     *
     * @param layer the layer
     * @param head the head
     * @param values the statistics
     */
    public HeadStatistics {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
