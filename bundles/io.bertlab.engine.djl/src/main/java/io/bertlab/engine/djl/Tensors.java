package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.bertlab.api.model.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Copies between DJL's NDArrays and the contract's immutable {@link Tensor}s. */
final class Tensors {

    private Tensors() {
    }

    static Tensor toTensor(NDArray array) {
        NDArray floats = array.getDataType() == DataType.FLOAT32 ? array : array.toType(DataType.FLOAT32, false);
        return Tensor.of(floats.toFloatArray(), ParameterSet.toInts(array.getShape()));
    }

    static List<Tensor> toTensors(List<NDArray> arrays) {
        List<Tensor> tensors = new ArrayList<>(arrays.size());
        for (NDArray array : arrays) {
            tensors.add(toTensor(array));
        }
        return tensors;
    }

    /**
     * An NDArray holding a tensor's values, checked against the shape the caller needs.
     *
     * @throws IllegalArgumentException when the shapes differ
     */
    static NDArray toArray(NDManager manager, Tensor tensor, String name, int... expectedShape) {
        if (!Arrays.equals(tensor.shape(), expectedShape)) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(tensor.shape()) + ", expected "
                    + Arrays.toString(expectedShape));
        }
        return manager.create(tensor.toArray(), new Shape(ParameterSet.toLongs(expectedShape)));
    }
}
