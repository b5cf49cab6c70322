package io.bertlab.model.bert;

import java.util.Arrays;
import java.util.Objects;

/**
 * One named parameter tensor of a checkpoint, in 32-bit floats, row-major. The values array is shared, not copied:
 * whoever holds a {@link BertWeights} owns its arrays (an engine copies what it trains).
 */
public final class Weight {

    private final String name;
    private final int[] shape;
    private final float[] values;

    /**
     * A weight over an existing array.
     *
     * @param name the HF parameter name
     * @param shape the dimensions; their product must equal {@code values.length}
     * @param values the values, row-major, not copied
     */
    public Weight(String name, int[] shape, float[] values) {
        this.name = Objects.requireNonNull(name, "name");
        this.shape = shape.clone();
        this.values = Objects.requireNonNull(values, "values");
        if (elementCount(shape) != values.length) {
            throw new IllegalArgumentException("weight '" + name + "' of shape " + Arrays.toString(shape)
                    + " needs " + elementCount(shape) + " values, got " + values.length);
        }
    }

    /**
     * The number of elements of a shape.
     *
     * @param shape the dimensions
     * @return their product
     */
    public static long elementCount(int[] shape) {
        long count = 1;
        for (int d : shape) {
            count *= d;
        }
        return count;
    }

    /**
     * The HF parameter name.
     *
     * @return the name, e.g. {@code encoder.layer.0.attention.self.query.weight}
     */
    public String name() {
        return name;
    }

    /**
     * The dimensions.
     *
     * @return a copy of the shape
     */
    public int[] shape() {
        return shape.clone();
    }

    /**
     * Whether this weight has a given shape.
     *
     * @param expected the expected dimensions
     * @return true when the shapes are equal
     */
    public boolean hasShape(int... expected) {
        return Arrays.equals(shape, expected);
    }

    /**
     * The values, row-major; the array itself, not a copy.
     *
     * @return the values
     */
    public float[] values() {
        return values;
    }

    /**
     * A copy with the same name and shape.
     *
     * @return a deep copy
     */
    public Weight copy() {
        return new Weight(name, shape, values.clone());
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }
}
