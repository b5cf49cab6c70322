package io.bertlab.model.bert.protobuf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Reads the protobuf wire format (varints, fixed 32/64-bit values, length-delimited fields) from a buffer, without
 * generated classes: ONNX and TensorFlow import need only a handful of fields. Length-delimited values are returned as
 * slices of the underlying buffer, so large tensors are not copied.
 */
public final class ProtoReader {

    public static final int VARINT = 0;
    public static final int FIXED64 = 1;
    public static final int LENGTH_DELIMITED = 2;
    public static final int FIXED32 = 5;

    private final ByteBuffer buffer;
    private int lastTag;

    public ProtoReader(ByteBuffer buffer) {
        this.buffer = buffer.slice().order(ByteOrder.LITTLE_ENDIAN);
    }

    public boolean hasMore() {
        return buffer.hasRemaining();
    }

    /**
     * Reads the next field key.
     *
     * @return the field number
     */
    public int nextField() {
        lastTag = (int) readVarint();
        int field = lastTag >>> 3;
        if (field == 0) {
            throw new ProtoFormatException("field number 0 at byte " + (buffer.position() - 1));
        }
        return field;
    }

    public int wireType() {
        return lastTag & 7;
    }

    public long readVarint() {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = next();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return result;
            }
        }
        throw new ProtoFormatException("varint longer than 10 bytes at byte " + buffer.position());
    }

    public float readFloat() {
        expect(FIXED32);
        require(4);
        return buffer.getFloat();
    }

    /**
     * Reads a {@code fixed32} field.
     *
     * @return its 32 bits
     */
    public int readFixed32() {
        expect(FIXED32);
        require(4);
        return buffer.getInt();
    }

    public ByteBuffer readBytes() {
        expect(LENGTH_DELIMITED);
        long length = readVarint();
        if (length < 0 || length > buffer.remaining()) {
            throw new ProtoFormatException("field of " + length + " bytes runs past the end (" + buffer.remaining()
                    + " bytes left): truncated or corrupt");
        }
        ByteBuffer slice = buffer.slice().limit((int) length).order(ByteOrder.LITTLE_ENDIAN);
        buffer.position(buffer.position() + (int) length);
        return slice;
    }

    public String readString() {
        ByteBuffer bytes = readBytes();
        byte[] array = new byte[bytes.remaining()];
        bytes.get(array);
        return new String(array, StandardCharsets.UTF_8);
    }

    public ProtoReader readMessage() {
        return new ProtoReader(readBytes());
    }

    /**
     * Reads a repeated int64 field, packed or not, appending to {@code into}.
     *
     * @param into the values read so far
     * @return {@code into} with the new values
     */
    public long[] readInt64s(long[] into) {
        if (wireType() == VARINT) {
            long[] grown = java.util.Arrays.copyOf(into, into.length + 1);
            grown[into.length] = readVarint();
            return grown;
        }
        ProtoReader packed = new ProtoReader(readBytes());
        long[] values = into;
        while (packed.hasMore()) {
            values = java.util.Arrays.copyOf(values, values.length + 1);
            values[values.length - 1] = packed.readVarint();
        }
        return values;
    }

    public void skip() {
        switch (wireType()) {
            case VARINT -> readVarint();
            case FIXED64 -> advance(8);
            case LENGTH_DELIMITED -> readBytes();
            case FIXED32 -> advance(4);
            default -> throw new ProtoFormatException("unsupported wire type " + wireType() + " at byte "
                    + buffer.position() + ": corrupt file");
        }
    }

    private void expect(int wireType) {
        if (wireType() != wireType) {
            throw new ProtoFormatException("field " + (lastTag >>> 3) + " has wire type " + wireType()
                    + ", expected " + wireType);
        }
    }

    private void advance(int bytes) {
        require(bytes);
        buffer.position(buffer.position() + bytes);
    }

    private void require(int bytes) {
        if (buffer.remaining() < bytes) {
            throw new ProtoFormatException("unexpected end of data: truncated or corrupt");
        }
    }

    private byte next() {
        require(1);
        return buffer.get();
    }

    /** The bytes are not a well-formed protobuf message. */
    public static final class ProtoFormatException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ProtoFormatException(String message) {
            super(message);
        }
    }
}
