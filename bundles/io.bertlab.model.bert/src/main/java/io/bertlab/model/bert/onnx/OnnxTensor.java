package io.bertlab.model.bert.onnx;

import io.bertlab.model.bert.DType;
import io.bertlab.model.bert.protobuf.ProtoReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * An ONNX {@code TensorProto}: an initializer or a constant. Only the fields import needs are kept.
 *
 * @param name the tensor's name in the graph
 * @param dims the dimensions
 * @param dataType the ONNX element type ({@code TensorProto.DataType})
 * @param rawData little-endian element bytes ({@code raw_data}), or {@code null} when the typed fields hold them
 * @param floatData the {@code float_data} field (packed little-endian floats), or {@code null}
 * @param int64Data the {@code int64_data} field, or {@code null}
 * @param external whether the data lives in an external file (not supported)
 */
record OnnxTensor(String name, long[] dims, int dataType, ByteBuffer rawData, ByteBuffer floatData, long[] int64Data,
        boolean external) {

    static final int FLOAT = 1;
    static final int INT64 = 7;
    static final int DOUBLE = 11;
    static final int FLOAT16 = 10;
    static final int BFLOAT16 = 16;

    static OnnxTensor parse(ProtoReader reader) {
        String name = "";
        long[] dims = new long[0];
        int dataType = 0;
        ByteBuffer raw = null;
        ByteBuffer floats = null;
        long[] int64s = null;
        boolean external = false;
        while (reader.hasMore()) {
            switch (reader.nextField()) {
                case 1 -> dims = reader.readInt64s(dims);
                case 2 -> dataType = (int) reader.readVarint();
                case 4 -> floats = reader.wireType() == ProtoReader.LENGTH_DELIMITED ? reader.readBytes()
                        : single(reader.readFloat());
                case 7 -> int64s = reader.readInt64s(int64s == null ? new long[0] : int64s);
                case 8 -> name = reader.readString();
                case 9 -> raw = reader.readBytes();
                case 14 -> external = reader.readVarint() == 1;
                default -> reader.skip();
            }
        }
        return new OnnxTensor(name, dims, dataType, raw, floats, int64s, external);
    }

    private static ByteBuffer single(float value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, value);
    }

    long elementCount() {
        long count = 1;
        for (long d : dims) {
            count *= d;
        }
        return count;
    }

    boolean isFloatingPoint() {
        return dataType == FLOAT || dataType == DOUBLE || dataType == FLOAT16 || dataType == BFLOAT16;
    }

    int[] intDims() {
        return Arrays.stream(dims).mapToInt(Math::toIntExact).toArray();
    }

    /**
     * The elements as floats.
     *
     * @return the values, row-major
     * @throws IllegalStateException when the type is not floating point, the data is external, or the byte count
     *         does not match the dimensions (the message says which)
     */
    float[] toFloats() {
        if (external) {
            throw new IllegalStateException("data is stored in an external file, which import does not support");
        }
        long count = elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many elements: " + count);
        }
        int n = (int) count;
        if (dataType == INT64 && int64Data != null) {
            float[] out = new float[n];
            checkCount(int64Data.length, n);
            for (int i = 0; i < n; i++) {
                out[i] = int64Data[i];
            }
            return out;
        }
        if (rawData == null) {
            // Typed field: float_data holds packed little-endian floats whatever the declared type.
            return decode(floatData, DType.F32, n);
        }
        DType type = switch (dataType) {
            case FLOAT -> DType.F32;
            case DOUBLE -> DType.F64;
            case FLOAT16 -> DType.F16;
            case BFLOAT16 -> DType.BF16;
            case INT64 -> null;
            default -> throw new IllegalStateException("unsupported ONNX data type " + dataType
                    + " (expected FLOAT, FLOAT16, BFLOAT16, DOUBLE or INT64)");
        };
        if (type == null) {
            checkBytes(rawData, 8, n);
            float[] out = new float[n];
            ByteBuffer in = rawData.duplicate().order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                out[i] = in.getLong(i * 8);
            }
            return out;
        }
        return decode(rawData, type, n);
    }

    private float[] decode(ByteBuffer bytes, DType type, int n) {
        if (bytes == null) {
            checkCount(0, n);
            return new float[0];
        }
        checkBytes(bytes, type.bytes(), n);
        return type.decode(bytes.duplicate(), n);
    }

    private void checkBytes(ByteBuffer bytes, int width, int n) {
        if (bytes.remaining() != (long) n * width) {
            throw new IllegalStateException("holds " + bytes.remaining() + " bytes, dims " + Arrays.toString(dims)
                    + " need " + (long) n * width);
        }
    }

    private void checkCount(long available, int needed) {
        if (available != needed) {
            throw new IllegalStateException("holds " + available + " elements, dims " + Arrays.toString(dims)
                    + " need " + needed);
        }
    }
}
