package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.CheckpointException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping each tensor
 * name to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header), then the raw
 * little-endian data. Reads F32, F16, BF16 and F64 (as floats); writes F32.
 */
public final class Safetensors {

    private static final String METADATA = SafetensorsHeader.METADATA;
    /** Integer tensors are buffers such as {@code position_ids}, not parameters: they are skipped. */
    private static final Set<String> INTEGER_DTYPES = Set.of("I64", "I32", "I16", "I8", "U8", "BOOL", "U16", "U32", "U64");
    /** Headers beyond this size are taken as corruption, not as real headers (the format's own limit). */
    private static final long MAX_HEADER_BYTES = 100L << 20;

    private Safetensors() {
    }

    /**
     * Reads every floating-point tensor of a file.
     *
     * @param file the {@code .safetensors} file
     * @return the weights, in file order
     * @throws CheckpointException when the file is corrupt, truncated, or holds a tensor of an unknown type (the
     *         message names the file and the tensor)
     * @throws IOException when the file cannot be read
     */
    public static BertWeights read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Header header = readHeader(channel, file);
            BertWeights weights = new BertWeights();
            for (Tensor tensor : tensors(header, file)) {
                weights.put(tensor.read(channel, header.dataStart()));
            }
            return weights;
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        }
    }

    /**
     * Reads the string pairs of a file's {@code __metadata__} entry.
     *
     * @param file the {@code .safetensors} file
     * @return the pairs, in file order; empty when the file has none
     * @throws CheckpointException when the file is corrupt or truncated (the message names it)
     * @throws IOException when the file cannot be read
     */
    public static Map<String, String> metadata(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return readHeader(channel, file).json().metadata();
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        }
    }

    /**
     * The names of the floating-point tensors of a file (those {@link #read(Path)} returns), from its header alone:
     * no tensor data is read, so this is cheap even for a large checkpoint.
     *
     * @param file the {@code .safetensors} file
     * @return the names, in file order
     * @throws CheckpointException when the file is corrupt or truncated (the message names it)
     * @throws IOException when the file cannot be read
     * @since 1.1
     */
    public static Set<String> tensorNames(Path file) throws IOException {
        return shapes(file).keySet();
    }

    /**
     * The shapes of the floating-point tensors of a file (those {@link #read(Path)} returns), from its header alone,
     * checked as {@link #read(Path)} checks them (types, shapes, offsets, and that the file holds every tensor's
     * bytes): a truncated or corrupt header fails here without reading any tensor data.
     *
     * @param file the {@code .safetensors} file
     * @return name to shape, in file order
     * @throws CheckpointException when the file is corrupt or truncated (the message names it and the tensor)
     * @throws IOException when the file cannot be read
     * @since 1.2
     */
    public static Map<String, int[]> shapes(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, int[]> shapes = new LinkedHashMap<>();
            for (Tensor tensor : tensors(readHeader(channel, file), file)) {
                shapes.put(tensor.name(), tensor.shape());
            }
            return shapes;
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        }
    }

    /** The floating-point tensors a header describes, each checked against the data the file holds. */
    private static List<Tensor> tensors(Header header, Path file) throws CheckpointException {
        List<Tensor> tensors = new ArrayList<>();
        for (Map.Entry<String, SafetensorsHeader.Entry> entry : header.json().entries().entrySet()) {
            Tensor tensor = tensor(file, entry.getKey(), entry.getValue(), header.dataLength());
            if (tensor != null) {
                tensors.add(tensor);
            }
        }
        return tensors;
    }

    /** A parsed header and where the tensor data lies. */
    private record Header(SafetensorsHeader json, long dataStart, long dataLength) {
    }

    private static Header readHeader(FileChannel channel, Path file) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new CheckpointException(file, null, "truncated: " + fileSize
                    + " bytes, too short for the 8-byte header length of a safetensors file");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0, file);
        long headerLength = lengthBytes.getLong(0);
        if (headerLength <= 0 || headerLength > MAX_HEADER_BYTES) {
            throw new CheckpointException(file, null, "corrupt: header length " + headerLength
                    + " is not between 1 and " + MAX_HEADER_BYTES + " bytes (not a safetensors file?)");
        }
        if (8 + headerLength > fileSize) {
            throw new CheckpointException(file, null, "truncated: the header needs " + headerLength
                    + " bytes but the file holds only " + (fileSize - 8) + " after the length");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8, file);
        long dataStart = 8 + headerLength;
        return new Header(SafetensorsHeader.parse(headerBytes.array(), file), dataStart, fileSize - dataStart);
    }

    /** One tensor's header entry, checked against the data the file holds; {@code null} for an integer buffer. */
    private static Tensor tensor(Path file, String name, SafetensorsHeader.Entry entry, long dataLength)
            throws CheckpointException {
        SafetensorsHeader.Array shapeArray = entry.shape();
        SafetensorsHeader.Array offsets = entry.offsets();
        if (entry.dtype() == null || shapeArray == null || offsets == null || offsets.values().size() != 2) {
            throw new CheckpointException(file, name,
                    "corrupt header entry: expected {\"dtype\": string, \"shape\": [ints], \"data_offsets\": [begin, end]}, found "
                            + entry.json());
        }
        String dtypeName = entry.dtype();
        DType dtype = DType.fromSafetensorsName(dtypeName);
        if (dtype == null) {
            if (INTEGER_DTYPES.contains(dtypeName)) {
                return null;
            }
            throw new CheckpointException(file, name, "unknown dtype '" + dtypeName
                    + "' (expected F32, F16, BF16 or F64)");
        }
        int[] shape = new int[shapeArray.values().size()];
        for (int i = 0; i < shape.length; i++) {
            if (!(shapeArray.values().get(i) instanceof Integer dim) || dim < 0) {
                throw new CheckpointException(file, name, "corrupt shape " + shapeArray.json());
            }
            shape[i] = dim;
        }
        long begin = offset(offsets.values().get(0));
        long end = offset(offsets.values().get(1));
        long count = Weight.elementCount(shape);
        if (begin < 0 || end < begin) {
            throw new CheckpointException(file, name, "corrupt data_offsets " + offsets.json());
        }
        if (end - begin != count * dtype.bytes()) {
            throw new CheckpointException(file, name, "data_offsets " + offsets.json() + " span " + (end - begin)
                    + " bytes but shape " + shapeArray.json() + " of " + dtypeName + " needs " + count * dtype.bytes());
        }
        if (end > dataLength) {
            throw new CheckpointException(file, name, "truncated: the tensor needs data bytes [" + begin + ", " + end
                    + ") but the file holds only " + dataLength + " data bytes");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file, name, "too large: " + count + " elements");
        }
        return new Tensor(name, dtype, shape, begin, end);
    }

    /** A data offset as a number, or -1 when it is none that a file could hold. */
    private static long offset(Object value) {
        return value instanceof Integer || value instanceof Long ? ((Number) value).longValue() : -1;
    }

    /** A floating-point tensor as the header describes it: its data lies at [begin, end) after the header. */
    private record Tensor(String name, DType dtype, int[] shape, long begin, long end) {

        Weight read(FileChannel channel, long dataStart) throws IOException {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin);
            return new Weight(name, shape, dtype.decode(bytes, (int) Weight.elementCount(shape)));
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer target, long position, Path file) throws IOException {
        long at = position;
        while (target.hasRemaining()) {
            int read = channel.read(target, at);
            if (read < 0) {
                throw new EOFException(file + ": unexpected end of file at byte " + at);
            }
            at += read;
        }
    }

    /**
     * Writes weights as F32, atomically: an interrupted write leaves any previous file intact.
     *
     * @param weights the tensors, written in their order
     * @param metadata string pairs for the {@code __metadata__} entry (e.g. {@code format=pt}); may be empty
     * @param file the file to create or replace
     * @throws IOException when writing fails
     */
    public static void write(BertWeights weights, Map<String, String> metadata, Path file) throws IOException {
        byte[] header = header(weights, metadata);
        AtomicFiles.write(file, channel -> {
            ByteBuffer length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length);
            writeFully(channel, length);
            writeFully(channel, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
            for (Weight weight : weights.all()) {
                float[] values = weight.values();
                int at = 0;
                while (at < values.length) {
                    int n = Math.min(values.length - at, chunk.capacity() / 4);
                    chunk.clear();
                    chunk.asFloatBuffer().put(values, at, n);
                    chunk.limit(n * 4);
                    writeFully(channel, chunk);
                    at += n;
                }
            }
        });
    }

    private static byte[] header(BertWeights weights, Map<String, String> metadata) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode header = json.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = header.putObject(METADATA);
            metadata.forEach(meta::put);
        }
        long offset = 0;
        for (Weight weight : weights.all()) {
            ObjectNode entry = header.putObject(weight.name());
            entry.put("dtype", DType.F32.name());
            var shape = entry.putArray("shape");
            for (int d : weight.shape()) {
                shape.add(d);
            }
            long end = offset + 4L * weight.values().length;
            entry.putArray("data_offsets").add(offset).add(end);
            offset = end;
        }
        byte[] text;
        try {
            text = json.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a safetensors header", e);
        }
        // The format pads the header with spaces so that the data starts 8-byte aligned.
        int padded = (text.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(text, 0, out, 0, text.length);
        Arrays.fill(out, text.length, padded, (byte) ' ');
        return out;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
