package io.bertlab.api.model;

import java.util.Arrays;

/**
 * An immutable, dense, row-major tensor of 32-bit floats: the values models hand out (hidden states, logits,
 * gradients) and take in (input embeddings).
 */
public final class Tensor {

    private final int[] shape;
    private final float[] data;

    private Tensor(int[] shape, float[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * A tensor holding a copy of {@code data}.
     *
     * @param data the values in row-major order
     * @param shape the dimensions, each at least {@code 0}; their product must equal {@code data.length}
     * @return the tensor
     */
    public static Tensor of(float[] data, int... shape) {
        int[] dims = shape.clone();
        long size = 1;
        for (int d : dims) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(dims));
            }
            size *= d;
        }
        if (size != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(dims) + " holds " + size
                    + " values but " + data.length + " were given");
        }
        return new Tensor(dims, data.clone());
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
     * The number of dimensions.
     *
     * @return the rank
     */
    public int rank() {
        return shape.length;
    }

    /**
     * One dimension.
     *
     * @param axis the axis, {@code 0 <= axis < rank()}
     * @return its size
     */
    public int dim(int axis) {
        return shape[axis];
    }

    /**
     * The number of values.
     *
     * @return the product of the dimensions
     */
    public int size() {
        return data.length;
    }

    /**
     * One value.
     *
     * @param index one index per dimension
     * @return the value at that position
     */
    public float get(int... index) {
        return data[offset(index, shape.length)];
    }

    /**
     * The innermost vector at a position, e.g. the hidden state of token {@code t} of example {@code b} with
     * {@code vector(b, t)} on a {@code [batch, seq, hidden]} tensor.
     *
     * @param leading indices of all dimensions but the last
     * @return a copy of the last-dimension vector there
     */
    public float[] vector(int... leading) {
        if (leading.length != shape.length - 1) {
            throw new IllegalArgumentException("expected " + (shape.length - 1) + " indices for shape "
                    + Arrays.toString(shape) + ", got " + leading.length);
        }
        int width = shape[shape.length - 1];
        int start = offset(leading, leading.length) * width;
        return Arrays.copyOfRange(data, start, start + width);
    }

    /**
     * All values.
     *
     * @return a copy of the values in row-major order
     */
    public float[] toArray() {
        return data.clone();
    }

    /**
     * Copies all values into an array, avoiding an allocation for large tensors.
     *
     * @param target the destination
     * @param offset where in {@code target} the first value goes
     */
    public void copyTo(float[] target, int offset) {
        System.arraycopy(data, 0, target, offset, data.length);
    }

    private int offset(int[] index, int dims) {
        if (index.length != dims) {
            throw new IllegalArgumentException("expected " + dims + " indices for shape " + Arrays.toString(shape)
                    + ", got " + index.length);
        }
        int flat = 0;
        for (int i = 0; i < dims; i++) {
            if (index[i] < 0 || index[i] >= shape[i]) {
                throw new IndexOutOfBoundsException("index " + Arrays.toString(index) + " outside shape "
                        + Arrays.toString(shape));
            }
            flat = flat * shape[i] + index[i];
        }
        return flat;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Tensor t && Arrays.equals(shape, t.shape) && Arrays.equals(data, t.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Tensor" + Arrays.toString(shape);
    }
}
