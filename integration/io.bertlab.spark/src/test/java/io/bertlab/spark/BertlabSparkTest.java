package io.bertlab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runnable example, as spark-submit runs it, on files: text in, Parquet out, a summary line. */
class BertlabSparkTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void embedReadsATextFileAndWritesParquetWithOneRowPerLine() throws Exception {
        List<String> lines = new ArrayList<>(TestData.stsbSentences(30));
        lines.add(10, "");
        lines.add(20, "   ");
        Path input = Files.write(work.resolve("corpus.txt"), lines, StandardCharsets.UTF_8);
        Path output = work.resolve("embeddings.parquet");
        int status = run("embed", "--model", TestData.minilm().toString(), "--input", input.toString(), "--output",
                output.toString(), "--normalize", "--partitions", "3", "--batch-size", "16");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        JsonNode summary = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        assertEquals("embed", summary.get("command").asText());
        assertEquals(lines.size(), summary.get("rows").asInt());
        assertEquals(2, summary.get("failed").asInt());

        List<Row> rows = LocalSpark.session().read().parquet(output.toString()).collectAsList();
        assertEquals(lines.size(), rows.size());
        for (Row row : rows) {
            String text = row.getString(row.fieldIndex("value"));
            List<Float> embedding = row.getList(row.fieldIndex("embedding"));
            if (text.isBlank()) {
                assertTrue(embedding.isEmpty());
                assertTrue(row.getString(row.fieldIndex("embedding_error")).contains("text"));
                continue;
            }
            assertNull(row.getString(row.fieldIndex("embedding_error")));
            assertEquals(384, embedding.size());
            double norm = embedding.stream().mapToDouble(v -> v * (double) v).sum();
            assertEquals(1.0, norm, 1e-5);
        }
    }

    @Test
    void tokenizeWritesTheInputsOfEveryLine() throws Exception {
        List<String> lines = TestData.stsbSentences(10);
        Path input = Files.write(work.resolve("corpus.txt"), lines, StandardCharsets.UTF_8);
        Path output = work.resolve("tokens.parquet");
        int status = run("tokenize", "--tokenizer", TestData.minilm().resolve("tokenizer.json").toString(),
                "--input", input.toString(), "--output", output.toString(), "--max-length", "32", "--padding",
                "max_length");
        assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
        int cls = ExecutorTokenizers.get(TestData.minilm().resolve("tokenizer.json").toString(), Map.of())
                .tokenToId("[CLS]").orElseThrow();
        List<Row> rows = LocalSpark.session().read().parquet(output.toString()).collectAsList();
        assertEquals(lines.size(), rows.size());
        for (Row row : rows) {
            assertEquals(32, row.getList(row.fieldIndex("input_ids")).size());
            assertEquals(cls, (int) row.<Integer>getList(row.fieldIndex("input_ids")).get(0), "[CLS] first");
        }
    }

    @Test
    void aMissingModelIsReportedWithItsPathAndStatus1() throws Exception {
        Path input = Files.write(work.resolve("corpus.txt"), List.of("A cat."), StandardCharsets.UTF_8);
        Path model = work.resolve("nowhere");
        int status = run("embed", "--model", model.toString(), "--input", input.toString(), "--output",
                work.resolve("out").toString());
        assertEquals(1, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("cannot load model " + model + " on host"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWith2() {
        assertEquals(2, run());
        assertEquals(2, run("summarise"));
        assertEquals(2, run("embed", "--input"));
        assertEquals(2, run("embed", "--input", "x", "--output", "y"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--model is required"));
    }

    private int run(String... args) {
        return BertlabSpark.run(LocalSpark.session(), args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
