package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Weight;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Named parameters (HF names) as NDArrays owned by one manager: a model's read-only encoder, or a training session's
 * private, trainable copy.
 */
final class ParameterSet implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    ParameterSet(NDManager manager) {
        this.manager = manager;
    }

    /** Copies every weight into NDArrays of a new manager. */
    static ParameterSet of(NDManager manager, BertWeights weights) {
        ParameterSet set = new ParameterSet(manager);
        for (Weight weight : weights.all()) {
            set.put(weight.name(), weight.shape(), weight.values());
        }
        return set;
    }

    NDManager manager() {
        return manager;
    }

    /** Adds (or replaces) a parameter from host values. */
    NDArray put(String name, int[] shape, float[] values) {
        NDArray array = manager.create(values, new Shape(toLongs(shape)));
        // Parameters outlive any computation scope they may be created in.
        NDScope.unregister(array);
        array.setName(name);
        NDArray previous = byName.put(name, array);
        if (previous != null) {
            previous.close();
        }
        return array;
    }

    /** A parameter that must exist; checkpoints are verified on load, so absence is a programming error. */
    NDArray get(String name) {
        NDArray array = byName.get(name);
        if (array == null) {
            throw new IllegalStateException("no parameter named '" + name + "'");
        }
        return array;
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    Set<String> names() {
        return Collections.unmodifiableSet(byName.keySet());
    }

    /** A copy on another manager, e.g. a session's trainable parameters. */
    ParameterSet copyTo(NDManager target) {
        ParameterSet copy = new ParameterSet(target);
        for (Map.Entry<String, NDArray> entry : byName.entrySet()) {
            NDArray array = entry.getValue();
            copy.put(entry.getKey(), toInts(array.getShape()), array.toType(DataType.FLOAT32, false).toFloatArray());
        }
        return copy;
    }

    /** The current values as host weights, in insertion order (for saving). */
    BertWeights toWeights() {
        BertWeights weights = new BertWeights();
        for (Map.Entry<String, NDArray> entry : byName.entrySet()) {
            NDArray array = entry.getValue();
            weights.put(new Weight(entry.getKey(), toInts(array.getShape()), array.toFloatArray()));
        }
        return weights;
    }

    static long[] toLongs(int[] shape) {
        long[] dims = new long[shape.length];
        for (int i = 0; i < shape.length; i++) {
            dims[i] = shape[i];
        }
        return dims;
    }

    static int[] toInts(Shape shape) {
        int[] dims = new int[shape.dimension()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = Math.toIntExact(shape.get(i));
        }
        return dims;
    }

    @Override
    public void close() {
        byName.clear();
        manager.close();
    }
}
