package io.bertlab.model.bert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes the safetensors format: an 8-byte little-endian header length, a JSON header mapping each tensor
 * name to {@code dtype}, {@code shape} and {@code data_offsets} (relative to the end of the header), then the raw
 * little-endian data. Reads F32, F16, BF16 and F64 (as floats); writes F32.
 */
public final class Safetensors {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String METADATA = "__metadata__";
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
            Iterator<Map.Entry<String, JsonNode>> entries = header.json().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!entry.getKey().equals(METADATA)) {
                    Weight weight = readTensor(channel, file, entry.getKey(), entry.getValue(), header.dataStart(),
                            header.dataLength());
                    if (weight != null) {
                        weights.put(weight);
                    }
                }
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
            JsonNode metadata = readHeader(channel, file).json().path(METADATA);
            Map<String, String> pairs = new java.util.LinkedHashMap<>();
            metadata.fields().forEachRemaining(e -> pairs.put(e.getKey(), e.getValue().asText()));
            return pairs;
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
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Set<String> names = new java.util.LinkedHashSet<>();
            Iterator<Map.Entry<String, JsonNode>> entries = readHeader(channel, file).json().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String dtype = entry.getValue().path("dtype").asText();
                if (!entry.getKey().equals(METADATA) && !INTEGER_DTYPES.contains(dtype)) {
                    names.add(entry.getKey());
                }
            }
            return names;
        } catch (NoSuchFileException e) {
            throw new CheckpointException(file, null, "missing: no such file", e);
        }
    }

    /** A parsed header and where the tensor data lies. */
    private record Header(JsonNode json, long dataStart, long dataLength) {
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
        return new Header(parseHeader(headerBytes.array(), file), dataStart, fileSize - dataStart);
    }

    private static JsonNode parseHeader(byte[] bytes, Path file) throws CheckpointException {
        try {
            JsonNode header = JSON.readTree(bytes);
            if (header == null || !header.isObject()) {
                throw new CheckpointException(file, null, "corrupt: the header is not a JSON object");
            }
            return header;
        } catch (JsonProcessingException e) {
            throw new CheckpointException(file, null, "corrupt: the header is not valid JSON ("
                    + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw new CheckpointException(file, null, "corrupt: unreadable header", e);
        }
    }

    private static Weight readTensor(FileChannel channel, Path file, String name, JsonNode info, long dataStart,
            long dataLength) throws IOException {
        JsonNode dtypeNode = info.get("dtype");
        JsonNode shapeNode = info.get("shape");
        JsonNode offsetsNode = info.get("data_offsets");
        if (dtypeNode == null || !dtypeNode.isTextual() || shapeNode == null || !shapeNode.isArray()
                || offsetsNode == null || !offsetsNode.isArray() || offsetsNode.size() != 2) {
            throw new CheckpointException(file, name,
                    "corrupt header entry: expected {\"dtype\": string, \"shape\": [ints], \"data_offsets\": [begin, end]}, found "
                            + info);
        }
        String dtypeName = dtypeNode.asText();
        DType dtype = DType.fromSafetensorsName(dtypeName);
        if (dtype == null) {
            if (INTEGER_DTYPES.contains(dtypeName)) {
                return null;
            }
            throw new CheckpointException(file, name, "unknown dtype '" + dtypeName
                    + "' (expected F32, F16, BF16 or F64)");
        }
        int[] shape = new int[shapeNode.size()];
        for (int i = 0; i < shape.length; i++) {
            JsonNode dim = shapeNode.get(i);
            if (!dim.canConvertToInt() || dim.asInt() < 0) {
                throw new CheckpointException(file, name, "corrupt shape " + shapeNode);
            }
            shape[i] = dim.asInt();
        }
        long begin = offsetsNode.get(0).asLong(-1);
        long end = offsetsNode.get(1).asLong(-1);
        long count = Weight.elementCount(shape);
        if (begin < 0 || end < begin) {
            throw new CheckpointException(file, name, "corrupt data_offsets " + offsetsNode);
        }
        if (end - begin != count * dtype.bytes()) {
            throw new CheckpointException(file, name, "data_offsets " + offsetsNode + " span " + (end - begin)
                    + " bytes but shape " + shapeNode + " of " + dtypeName + " needs " + count * dtype.bytes());
        }
        if (end > dataLength) {
            throw new CheckpointException(file, name, "truncated: the tensor needs data bytes [" + begin + ", " + end
                    + ") but the file holds only " + dataLength + " data bytes");
        }
        if (count > Integer.MAX_VALUE - 8) {
            throw new CheckpointException(file, name, "too large: " + count + " elements");
        }
        ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, dataStart + begin, end - begin);
        return new Weight(name, shape, dtype.decode(bytes, (int) count));
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
        ObjectNode header = JSON.createObjectNode();
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
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(header);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a safetensors header", e);
        }
        // The format pads the header with spaces so that the data starts 8-byte aligned.
        int padded = (json.length + 7) / 8 * 8;
        byte[] out = new byte[padded];
        System.arraycopy(json, 0, out, 0, json.length);
        Arrays.fill(out, json.length, padded, (byte) ' ');
        return out;
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }
}
