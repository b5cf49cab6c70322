package io.bertlab.engine.djl;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Tensor;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Safetensors;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code testdata/references/bert-tiny}: a random BERT and HF/PyTorch's outputs, gradients and AdamW results for it
 * (see that folder's README.md). Float tensors are read with bertlab's safetensors reader (float64 narrowed to
 * float); the integer inputs, which that reader skips as buffers, are decoded here.
 */
final class BertTinyReference {

    private final Path directory;
    private final BertWeights floats;
    private final JsonNode header;
    private final ByteBuffer data;

    BertTinyReference() throws IOException {
        directory = SharedData.reference("bert-tiny");
        Path file = directory.resolve("reference.safetensors");
        floats = Safetensors.read(file);
        byte[] bytes = Files.readAllBytes(file);
        int headerLength = Math.toIntExact(ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
        header = new ObjectMapper().readTree(Arrays.copyOfRange(bytes, 8, 8 + headerLength));
        data = ByteBuffer.wrap(bytes, 8 + headerLength, bytes.length - 8 - headerLength).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The model directory ({@code config.json} + {@code model.safetensors}). */
    Path modelDirectory() {
        return directory;
    }

    /** The reference batch: 3 × 12, two padded rows, two segments. */
    Batch batch() {
        return new Batch(ints2("input_ids"), ints2("token_type_ids"), ints2("attention_mask"));
    }

    /** A float tensor by name. */
    Weight weight(String name) {
        Weight weight = floats.get(name);
        assertNotNull(weight, "reference tensor '" + name + "' is missing");
        return weight;
    }

    /** Whether the reference holds a float tensor. */
    boolean has(String name) {
        return floats.contains(name);
    }

    /** The names of all float tensors. */
    Iterable<String> names() {
        return floats.names();
    }

    /** A one-element float tensor's value. */
    double scalar(String name) {
        return weight(name).values()[0];
    }

    /** A {@code [rows]} int32 tensor. */
    int[] ints1(String name) {
        return ints(name, 1)[0];
    }

    /** A {@code [rows, columns]} int32 tensor. */
    int[][] ints2(String name) {
        return ints(name, 2);
    }

    private int[][] ints(String name, int rank) {
        JsonNode info = header.get(name);
        if (info == null || !"I32".equals(info.path("dtype").asText()) || info.path("shape").size() != rank) {
            fail("reference tensor '" + name + "' should be I32 of rank " + rank + ": " + info);
        }
        int rows = rank == 1 ? 1 : info.path("shape").get(0).asInt();
        int columns = info.path("shape").get(rank - 1).asInt();
        int begin = info.path("data_offsets").get(0).asInt();
        int[][] values = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                values[r][c] = data.getInt(begin + 4 * (r * columns + c));
            }
        }
        return values;
    }

    /** Fails unless every value is within {@code absolute + relative * |expected|}; returns the largest difference. */
    static double assertClose(String what, float[] expected, float[] actual, double absolute, double relative) {
        double[] tolerance = new double[expected.length];
        for (int i = 0; i < expected.length; i++) {
            tolerance[i] = absolute + relative * Math.abs(expected[i]);
        }
        return assertClose(what, expected, actual, tolerance);
    }

    /** Fails unless every value is within its own tolerance; returns the largest difference. */
    static double assertClose(String what, float[] expected, float[] actual, double[] tolerance) {
        if (expected.length != actual.length) {
            fail(what + ": " + actual.length + " values, expected " + expected.length);
        }
        double largest = 0;
        for (int i = 0; i < expected.length; i++) {
            double difference = Math.abs((double) expected[i] - actual[i]);
            largest = Math.max(largest, difference);
            if (!(difference <= tolerance[i])) {
                fail(what + "[" + i + "] = " + actual[i] + ", expected " + expected[i] + " (difference " + difference
                        + ", tolerance " + tolerance[i] + ")");
            }
        }
        return largest;
    }

    static double assertClose(String what, Weight expected, Tensor actual, double absolute, double relative) {
        if (!Arrays.equals(expected.shape(), actual.shape())) {
            fail(what + " has shape " + Arrays.toString(actual.shape()) + ", expected "
                    + Arrays.toString(expected.shape()));
        }
        return assertClose(what, expected.values(), actual.toArray(), absolute, relative);
    }
}
