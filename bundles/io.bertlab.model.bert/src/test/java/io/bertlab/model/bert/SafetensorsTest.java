package io.bertlab.model.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.CheckpointException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsNamesShapesAndValues() throws IOException {
        BertWeights weights = new BertWeights();
        weights.put(new Weight("a.weight", new int[] {2, 3}, new float[] {1, -2, 3.5f, Float.MIN_VALUE, 1e30f, -0f}));
        weights.put(new Weight("b.bias", new int[] {3}, new float[] {0.25f, 7, -8}));
        weights.put(new Weight("scalar", new int[] {}, new float[] {42}));
        Path file = dir.resolve("model.safetensors");

        Safetensors.write(weights, Map.of("format", "pt"), file);
        BertWeights read = Safetensors.read(file);

        assertEquals(weights.names(), read.names());
        for (Weight w : weights.all()) {
            assertArrayEquals(w.shape(), read.get(w.name()).shape(), w.name());
            assertArrayEquals(w.values(), read.get(w.name()).values(), w.name());
        }
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(file), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(0, headerLength % 8, "data must start 8-byte aligned");
    }

    @Test
    void readsHalfAndBfloat16() throws IOException {
        // F16: 1.0 = 0x3C00, -2.0 = 0xC000, 65504 = 0x7BFF (largest), 2^-24 = 0x0001 (smallest subnormal).
        // BF16: 1.0 = 0x3F80, -3.0 = 0xC040.
        Path file = dir.resolve("half.safetensors");
        writeRaw(file, "{\"h\":{\"dtype\":\"F16\",\"shape\":[4],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[8,12]}}",
                shorts(0x3C00, 0xC000, 0x7BFF, 0x0001, 0x3F80, 0xC040));

        BertWeights read = Safetensors.read(file);

        assertArrayEquals(new float[] {1f, -2f, 65504f, 0x1p-24f}, read.get("h").values());
        assertArrayEquals(new float[] {1f, -3f}, read.get("b").values());
    }

    @Test
    void skipsIntegerBuffersSuchAsPositionIds() throws IOException {
        Path file = dir.resolve("ids.safetensors");
        writeRaw(file, "{\"embeddings.position_ids\":{\"dtype\":\"I64\",\"shape\":[1],\"data_offsets\":[0,8]}}",
                new byte[8]);
        assertEquals(0, Safetensors.read(file).size());
    }

    @Test
    void truncatedDataNamesTensorAndFile() throws IOException {
        Path file = dir.resolve("cut.safetensors");
        BertWeights weights = new BertWeights();
        weights.put(new Weight("first", new int[] {4}, new float[4]));
        weights.put(new Weight("second.weight", new int[] {100}, new float[100]));
        Safetensors.write(weights, Map.of(), file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));

        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));

        assertEquals("second.weight", e.tensor());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void truncatedHeaderNamesFile() throws IOException {
        Path file = dir.resolve("header.safetensors");
        Files.write(file, Arrays.copyOf(lengthPrefixed("{\"a\":{}}".getBytes(StandardCharsets.UTF_8)), 12));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()) && e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageIsReportedAsCorrupt() throws IOException {
        Path file = dir.resolve("garbage.safetensors");
        Files.write(file, "this is not a safetensors file at all".getBytes(StandardCharsets.UTF_8));
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void unknownDtypeNamesTensor() throws IOException {
        Path file = dir.resolve("dtype.safetensors");
        writeRaw(file, "{\"x.weight\":{\"dtype\":\"F8_E4M3\",\"shape\":[2],\"data_offsets\":[0,2]}}", new byte[2]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals("x.weight", e.tensor());
        assertTrue(e.getMessage().contains("F8_E4M3") && e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void offsetsDisagreeingWithShapeNameTensor() throws IOException {
        Path file = dir.resolve("offsets.safetensors");
        writeRaw(file, "{\"x.bias\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[8]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertEquals("x.bias", e.tensor());
        assertTrue(e.getMessage().contains("needs 12"), e.getMessage());
    }

    @Test
    void malformedEntriesAreQuotedAsWritten() throws IOException {
        Path file = dir.resolve("entries.safetensors");
        String entry = "{\"dtype\": 7, \"shape\": [2], \"data_offsets\": [0, 8]}";
        writeRaw(file, "{\"x\": " + entry + "}", new byte[8]);
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.shapes(file));
        assertEquals("x", e.tensor());
        assertTrue(e.getMessage().endsWith("found " + entry), e.getMessage());

        writeRaw(file, "{\"x\": {\"dtype\": \"F32\", \"shape\": [2, -1], \"data_offsets\": [0, 8]}}", new byte[8]);
        e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().endsWith("corrupt shape [2, -1]"), e.getMessage());

        writeRaw(file, "{\"x\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, \"8\"]}}", new byte[8]);
        e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().endsWith("corrupt data_offsets [0, \"8\"]"), e.getMessage());
    }

    @Test
    void shapesAndMetadataComeFromTheHeader() throws IOException {
        Path file = dir.resolve("meta.safetensors");
        writeRaw(file, "{\"__metadata__\": {\"format\": \"pt\", \"step\": 12}, \"ids\": {\"dtype\": \"I64\","
                + " \"shape\": [1], \"data_offsets\": [0, 8]}, \"w\": {\"dtype\": \"F32\", \"shape\": [2, 1],"
                + " \"data_offsets\": [8, 16], \"note\": {\"ignored\": [1]}}}", new byte[16]);
        Map<String, int[]> shapes = Safetensors.shapes(file);
        assertEquals(java.util.Set.of("w"), shapes.keySet(), "integer buffers are not parameters");
        assertArrayEquals(new int[] {2, 1}, shapes.get("w"));
        assertEquals(Map.of("format", "pt", "step", "12"), Safetensors.metadata(file));
    }

    @Test
    void missingFileIsNamed() {
        Path file = dir.resolve("absent.safetensors");
        CheckpointException e = assertThrows(CheckpointException.class, () -> Safetensors.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }

    @Test
    void interruptedWriteLeavesPreviousFileIntact() throws IOException {
        Path file = dir.resolve("model.safetensors");
        BertWeights original = new BertWeights();
        original.put(new Weight("w", new int[] {2}, new float[] {1, 2}));
        Safetensors.write(original, Map.of(), file);
        byte[] before = Files.readAllBytes(file);

        assertThrows(IOException.class, () -> AtomicFiles.write(file, channel -> {
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            throw new IOException("disk full (simulated)");
        }));

        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "the temporary file must be removed");
        }
    }

    private static void writeRaw(Path file, String header, byte[] data) throws IOException {
        byte[] prefixed = lengthPrefixed(header.getBytes(StandardCharsets.UTF_8));
        byte[] all = Arrays.copyOf(prefixed, prefixed.length + data.length);
        System.arraycopy(data, 0, all, prefixed.length, data.length);
        Files.write(file, all);
    }

    private static byte[] lengthPrefixed(byte[] header) {
        ByteBuffer out = ByteBuffer.allocate(8 + header.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header);
        return out.array();
    }

    private static byte[] shorts(int... values) {
        ByteBuffer out = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            out.putShort((short) v);
        }
        return out.array();
    }
}
