package io.bertlab.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Example;
import io.bertlab.testing.SharedData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BERT inputs of real STS-B sentences in {@code local[2]} against the real {@code tokenize} command with the same
 * options: equal, id for id.
 */
class SparkTokenizationTest {

    private static final StructType SINGLE = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("text", DataTypes.StringType, true);
    private static final StructType PAIRS = new StructType()
            .add("id", DataTypes.IntegerType, false)
            .add("a", DataTypes.StringType, true)
            .add("b", DataTypes.StringType, true);

    @TempDir
    Path work;

    @Test
    void singleTextsEqualTheTokenizeCommand() throws Exception {
        Path uncased = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        List<String> sentences = TestData.stsbSentences(150);
        // the file's own settings (bert-base-uncased: no truncation, no padding)
        compare(uncased, sentences, TokenizationOptions.of(uncased.toString()));
        // cut to 16 and padded to 16, as --max-length 16 --padding max_length
        compare(uncased, sentences, TokenizationOptions.of(uncased.toString()).withMaxLength(16)
                .withPadding("max_length"), "--max-length", "16", "--padding", "max_length");
    }

    @Test
    void aFilesOwnFixedPaddingAndTruncationAreKept() throws Exception {
        // MiniLM's tokenizer.json truncates to 128 and pads to 128, as tokenize without options does
        Path minilm = TestData.minilm().resolve("tokenizer.json");
        List<SingleProcess.Tokenized> out = compare(minilm, TestData.stsbSentences(20),
                TokenizationOptions.of(minilm.toString()));
        assertEquals(128, out.get(0).ids().length);
    }

    @Test
    void pairsEqualTheTokenizeCommandAndNullTextsGetAReason() throws Exception {
        Path uncased = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");
        List<Example> pairs = TestData.stsbPairs(120);
        List<String> lines = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < pairs.size(); i++) {
            lines.add(pairs.get(i).textA());
            lines.add(pairs.get(i).textB());
            rows.add(RowFactory.create(i, pairs.get(i).textA(), pairs.get(i).textB()));
        }
        rows.add(RowFactory.create(1000, null, "A second text alone."));
        rows.add(RowFactory.create(1001, "A first text alone.", ""));
        List<SingleProcess.Tokenized> expected = SingleProcess.tokenize(uncased, lines, work, "--pair",
                "--max-length", "24", "--truncation", "only_second");
        TokenizationOptions options = TokenizationOptions.of(uncased.toString()).withMaxLength(24)
                .withTruncation("only_second");
        Dataset<Row> input = LocalSpark.session().createDataFrame(rows, PAIRS).repartition(3);
        List<Row> result = SparkTokenization.tokenizePairs(input, "a", "b", options).collectAsList();
        assertEquals(rows.size(), result.size());
        for (Row row : result) {
            int id = row.getInt(0);
            String error = row.getString(row.fieldIndex("tokenize_error"));
            if (id >= 1000) {
                assertEquals(id == 1000 ? "first text: null text" : "second text: empty text", error);
                assertTrue(row.getList(row.fieldIndex("input_ids")).isEmpty());
                assertTrue(row.getList(row.fieldIndex("attention_mask")).isEmpty());
                continue;
            }
            assertNull(error);
            assertSameEncoding(expected.get(id), row, options);
        }
    }

    @Test
    void optionsAreCheckedOnTheDriver() {
        TokenizationOptions options = TokenizationOptions.of("tokenizer.json");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.withPadding("longest")).getMessage()
                .contains("file, none or max_length"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.withPadding("max_length"))
                .getMessage().contains("needs maxLength"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> options.withTruncation("middle"))
                .getMessage().contains("longest_first, only_first or only_second"));
    }

    /** Tokenizes the sentences both ways (with a null and an empty row added on the Spark side) and compares. */
    private List<SingleProcess.Tokenized> compare(Path tokenizer, List<String> sentences, TokenizationOptions options,
            String... commandOptions) throws Exception {
        List<SingleProcess.Tokenized> expected = SingleProcess.tokenize(tokenizer, sentences, work, commandOptions);
        assertEquals(sentences.size(), expected.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            rows.add(RowFactory.create(i, sentences.get(i)));
        }
        rows.add(RowFactory.create(-1, null));
        rows.add(RowFactory.create(-2, ""));
        Dataset<Row> input = LocalSpark.session().createDataFrame(rows, SINGLE).repartition(4);
        List<Row> result = SparkTokenization.tokenize(input, "text", options).collectAsList();
        assertEquals(rows.size(), result.size());
        for (Row row : result) {
            int id = row.getInt(0);
            String error = row.getString(row.fieldIndex("tokenize_error"));
            if (id < 0) {
                assertEquals(id == -1 ? "null text" : "empty text", error);
                assertTrue(row.getList(row.fieldIndex("input_ids")).isEmpty());
                continue;
            }
            assertNull(error);
            assertSameEncoding(expected.get(id), row, options);
        }
        return expected;
    }

    private static void assertSameEncoding(SingleProcess.Tokenized expected, Row row, TokenizationOptions options) {
        String where = "row " + row.getInt(0);
        assertArrayEquals(expected.ids(), ints(row.getList(row.fieldIndex(options.idsColumn()))), where);
        assertArrayEquals(expected.typeIds(), ints(row.getList(row.fieldIndex(options.typeIdsColumn()))), where);
        assertArrayEquals(expected.attentionMask(), ints(row.getList(row.fieldIndex(options.attentionMaskColumn()))),
                where);
    }

    private static int[] ints(List<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
