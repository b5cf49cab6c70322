package io.bertlab.model.bert;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The parameters of a BERT model (and of any task heads) by HF parameter name, in insertion order. */
public final class BertWeights {

    private final Map<String, Weight> byName = new LinkedHashMap<>();

    /**
     * Adds or replaces a weight.
     *
     * @param weight the weight, stored under its name
     */
    public void put(Weight weight) {
        byName.put(weight.name(), weight);
    }

    /**
     * A weight by name.
     *
     * @param name the HF parameter name
     * @return the weight, or {@code null} when absent
     */
    public Weight get(String name) {
        return byName.get(name);
    }

    /**
     * A weight that must be present.
     *
     * @param name the HF parameter name
     * @return the weight
     * @throws IllegalStateException when absent (checkpoints are validated on load, so this is a programming error)
     */
    public Weight require(String name) {
        Weight weight = byName.get(name);
        if (weight == null) {
            throw new IllegalStateException("no weight named '" + name + "'");
        }
        return weight;
    }

    /**
     * Whether a weight is present.
     *
     * @param name the HF parameter name
     * @return true when present
     */
    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /**
     * The names, in insertion order.
     *
     * @return an unmodifiable view
     */
    public Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /**
     * The weights, in insertion order.
     *
     * @return an unmodifiable view
     */
    public Collection<Weight> all() {
        return Collections.unmodifiableCollection(byName.values());
    }

    /**
     * The number of weights.
     *
     * @return the count
     */
    public int size() {
        return byName.size();
    }

    /**
     * The total number of parameter values.
     *
     * @return the sum of all weights' element counts
     */
    public long parameterCount() {
        long count = 0;
        for (Weight w : byName.values()) {
            count += w.values().length;
        }
        return count;
    }

    /**
     * A deep copy, for an engine or a training session that changes the values.
     *
     * @return a copy with copied arrays
     */
    public BertWeights copy() {
        BertWeights copy = new BertWeights();
        for (Weight w : byName.values()) {
            copy.put(w.copy());
        }
        return copy;
    }
}
