package io.bertlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embeddings of real STS-B sentences in {@code local[2]} against the real {@code embed} command on the same model
 * directory, with bad rows mixed in.
 */
class SparkEmbeddingsTest {

    /**
     * Why 1e-5 and not equality: both sides run the same float32 encoder, pooling and normalisation code, but Spark
     * batches the rows of each partition (8 at a time here, split over 4 partitions) where {@code embed} batches 32
     * consecutive texts, so a text is padded to another length. Padded positions are masked out of attention and of
     * the mean, so the only difference left is the order in which the vectorised kernels add float32 terms over
     * rows of another length: rounding at the level of 1e-7 on MiniLM's outputs (whose entries are about 0.1 in
     * size), and 1e-5 leaves a margin of two orders of magnitude while any real difference (another token, pooling
     * or normalisation) is far larger.
     */
    private static final double TOLERANCE = 1e-5;

    private static final StructType SCHEMA = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, true);

    @TempDir
    Path work;

    @Test
    void embeddingsEqualTheEmbedCommandAndBadRowsGetAReason() throws Exception {
        List<String> sentences = new ArrayList<>(TestData.stsbSentences(150));
        // one text longer than MiniLM's 512 positions: both sides cut it to fit and say so
        sentences.add(String.join(" ", sentences.subList(0, 150)));
        Path model = TestData.minilm();
        List<SingleProcess.Embedded> expected = SingleProcess.embed(model, sentences, work);

        Map<Integer, String> bad = Map.of(3, "null text", 50, "empty text", 120, "blank text (whitespace only)");
        List<Row> rows = new ArrayList<>();
        Map<Integer, Integer> sentenceOfId = new HashMap<>();
        int next = 0;
        for (int id = 0; next < sentences.size(); id++) {
            if (bad.containsKey(id)) {
                rows.add(RowFactory.create(id, bad.get(id).startsWith("null") ? null
                        : bad.get(id).startsWith("empty") ? "" : "  \t "));
            } else {
                sentenceOfId.put(id, next);
                rows.add(RowFactory.create(id, sentences.get(next++)));
            }
        }
        int loadsBefore = ExecutorModels.loads();
        SparkSession spark = LocalSpark.session();
        Dataset<Row> input = spark.createDataFrame(rows, SCHEMA).repartition(4);
        EmbeddingOptions options = EmbeddingOptions.of(model.toString()).withBatchSize(8);
        compare(SparkEmbeddings.embed(input, "text", options).collectAsList(), expected, bad, sentenceOfId,
                sentences.size(), "consecutive batches");
        assertEquals(512, expected.get(sentences.size() - 1).tokens());
        int loadsAfterFirst = ExecutorModels.loads();
        assertTrue(loadsAfterFirst - loadsBefore <= 1, "one load per JVM, was " + (loadsAfterFirst - loadsBefore));

        // sorted by length in windows of 4 batches: other batches, each row still gets its own text's vector
        compare(SparkEmbeddings.embed(input, "text", options.withSortWindow(4)).collectAsList(), expected, bad,
                sentenceOfId, sentences.size(), "length-sorted batches");
        // the same model again (other options): the executor's model is reused, not loaded again
        SparkEmbeddings.embed(input.limit(20), "text", options.withPooling("cls")).count();
        assertEquals(loadsAfterFirst, ExecutorModels.loads());
    }

    private static void compare(List<Row> result, List<SingleProcess.Embedded> expected, Map<Integer, String> bad,
            Map<Integer, Integer> sentenceOfId, int sentences, String what) {
        assertEquals(bad.size() + sentences, result.size());
        double largest = 0;
        int truncated = 0;
        for (Row row : result) {
            int id = row.getInt(0);
            List<Float> embedding = row.getList(row.fieldIndex("embedding"));
            String error = row.getString(row.fieldIndex("embedding_error"));
            if (bad.containsKey(id)) {
                assertTrue(embedding.isEmpty(), "row " + id);
                assertEquals(bad.get(id), error, "row " + id);
                assertEquals(0, row.getInt(row.fieldIndex("embedding_tokens")));
                continue;
            }
            assertNull(error, "row " + id);
            SingleProcess.Embedded reference = expected.get(sentenceOfId.get(id));
            assertEquals(reference.embedding().length, embedding.size(), "row " + id);
            for (int i = 0; i < embedding.size(); i++) {
                largest = Math.max(largest, Math.abs(embedding.get(i) - reference.embedding()[i]));
            }
            assertEquals(reference.tokens(), row.getInt(row.fieldIndex("embedding_tokens")), "row " + id);
            if (row.getBoolean(row.fieldIndex("embedding_truncated"))) {
                truncated++;
                assertEquals(sentences - 1, sentenceOfId.get(id), "only the long text is cut");
            }
        }
        System.out.printf("spark (%s) vs embed: %d texts, largest difference %.3g%n", what, sentences, largest);
        assertTrue(largest <= TOLERANCE, what + ": largest difference " + largest);
        assertEquals(1, truncated);
    }

    @Test
    void normalisedClsEmbeddingsEqualTheEmbedCommand() throws Exception {
        List<String> sentences = TestData.stsbSentences(40);
        Path model = TestData.minilm();
        List<SingleProcess.Embedded> expected = SingleProcess.embed(model, sentences, work, "--pooling", "cls",
                "--normalize");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            rows.add(RowFactory.create(i, sentences.get(i)));
        }
        Dataset<Row> input = LocalSpark.session().createDataFrame(rows, SCHEMA).repartition(3);
        List<Row> result = SparkEmbeddings.embed(input, "text", EmbeddingOptions.of(model.toString())
                .withPooling("cls").withNormalize(true).withBatchSize(5).withOutputColumn("vector")).collectAsList();
        assertEquals(sentences.size(), result.size());
        for (Row row : result) {
            List<Float> vector = row.getList(row.fieldIndex("vector"));
            float[] reference = expected.get(row.getInt(0)).embedding();
            double norm = 0;
            for (int i = 0; i < vector.size(); i++) {
                assertEquals(reference[i], vector.get(i), TOLERANCE, "row " + row.getInt(0) + " entry " + i);
                norm += vector.get(i) * (double) vector.get(i);
            }
            assertEquals(1.0, norm, 1e-5);
            assertNull(row.getString(row.fieldIndex("vector_error")));
        }
    }

    @Test
    void poolerOnAModelWithoutOneFailsTheJobSayingSo() throws Exception {
        Dataset<Row> input = LocalSpark.session().createDataFrame(List.of(RowFactory.create(1, "A cat.")), SCHEMA);
        EmbeddingOptions options = EmbeddingOptions.of(TestData.minilm().toString()).withPooling("pooler");
        SparkException failure = assertThrows(SparkException.class,
                () -> SparkEmbeddings.embed(input, "text", options).collectAsList());
        assertTrue(failure.getMessage().contains("has no pooler"), failure.getMessage());
    }

    @Test
    void aModelPathUnreadableOnTheExecutorFailsAtLoadNamingThePathAndTheHost() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        Dataset<Row> input = LocalSpark.session().createDataFrame(List.of(RowFactory.create(1, "A cat.")), SCHEMA);

        Path missing = work.resolve("no-such-model");
        SparkException absent = assertThrows(SparkException.class, () -> SparkEmbeddings.embed(input, "text",
                EmbeddingOptions.of(missing.toString())).collectAsList());
        assertTrue(absent.getMessage().contains("cannot load model " + missing + " on host " + host
                + " (executor driver): no such directory"), absent.getMessage());

        // a folder that is there but holds no model: the reason is the checkpoint reader's, naming the file
        Path empty = Files.createDirectories(work.resolve("empty-model"));
        SparkException broken = assertThrows(SparkException.class, () -> SparkEmbeddings.embed(input, "text",
                EmbeddingOptions.of(empty.toString())).collectAsList());
        assertTrue(broken.getMessage().contains("cannot load model " + empty + " on host " + host),
                broken.getMessage());
        assertTrue(broken.getMessage().contains("config.json"), broken.getMessage());
    }

    @Test
    void anEngineNotOnTheExecutorsClassPathFailsAtLoadSayingWhatIsNeeded() throws Exception {
        // io.bertlab.engine.djl is an optional dependency: its classes are here, DJL's PyTorch engine is not
        Assumptions.assumeTrue(getClass().getClassLoader().getResource("ai/djl/pytorch/engine/PtEngine.class")
                == null, "DJL's PyTorch engine is on the test class path: the pytorch engine would load");
        Dataset<Row> input = LocalSpark.session().createDataFrame(List.of(RowFactory.create(1, "A cat.")), SCHEMA);
        Path model = TestData.minilm();
        SparkException failure = assertThrows(SparkException.class, () -> SparkEmbeddings.embed(input, "text",
                EmbeddingOptions.of(model.toString()).withEngine("pytorch")).collectAsList());
        assertTrue(failure.getMessage().contains("cannot load model " + model + " on host"), failure.getMessage());
        assertTrue(failure.getMessage().contains("engine pytorch is not on the class path of this JVM:"
                + " ai.djl.pytorch:pytorch-engine (ai.djl.pytorch.engine.PtEngine) is missing"), failure.getMessage());
    }

    @Test
    void optionsAndColumnsAreCheckedOnTheDriver() throws Exception {
        Dataset<Row> input = LocalSpark.session().createDataFrame(List.of(RowFactory.create(1, "A cat.")), SCHEMA);
        EmbeddingOptions options = EmbeddingOptions.of(TestData.minilm().toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbeddings.embed(input, "missing",
                options)).getMessage().contains("no column 'missing'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbeddings.embed(input, "id", options))
                .getMessage().contains("not text"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SparkEmbeddings.embed(input, "text",
                options.withOutputColumn("text"))).getMessage().contains("already has a column 'text'"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.withPooling("max")).getMessage()
                .contains("mean, cls or pooler"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.withEngine("tensorflow"))
                .getMessage().contains("java, pytorch or mxnet"));
        assertFalse(SparkEmbeddings.outputSchema(SCHEMA, options).apply("embedding").nullable());
    }
}
