package io.bertlab.model.bert;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Element types of safetensors files that hold parameters, and their decoding to 32-bit floats. */
public enum DType {
    /** IEEE 754 single precision. */
    F32(4),
    /** IEEE 754 half precision. */
    F16(2),
    /** bfloat16: the upper half of a single-precision float. */
    BF16(2),
    /** IEEE 754 double precision (narrowed to float). */
    F64(8);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /**
     * Bytes per element.
     *
     * @return the element size
     */
    public int bytes() {
        return bytes;
    }

    /**
     * The type named in a safetensors header.
     *
     * @param name e.g. {@code F32}
     * @return the type, or {@code null} when it does not hold floating-point parameters
     */
    public static DType fromSafetensorsName(String name) {
        for (DType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        return null;
    }

    /**
     * Decodes little-endian elements.
     *
     * @param source the encoded elements; read from its position, {@code count * bytes()} bytes
     * @param count the number of elements
     * @return the values as floats
     */
    public float[] decode(ByteBuffer source, int count) {
        ByteBuffer in = source.slice().order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[count];
        switch (this) {
            case F32 -> in.asFloatBuffer().get(out);
            case F64 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = (float) in.getDouble(i * 8);
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = Float.intBitsToFloat((in.getShort(i * 2) & 0xFFFF) << 16);
                }
            }
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    out[i] = halfToFloat(in.getShort(i * 2));
                }
            }
        }
        return out;
    }

    /**
     * Converts an IEEE 754 half-precision value, including subnormals, infinities and NaN.
     *
     * @param half the 16 bits
     * @return the value
     */
    static float halfToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Subnormal (or zero): mantissa * 2^-24, exact in float.
            float value = mantissa * 0x1p-24f;
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }
}
