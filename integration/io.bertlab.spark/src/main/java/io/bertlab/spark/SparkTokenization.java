package io.bertlab.spark;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * BERT inputs for a DataFrame's text column (or a pair of columns), as {@code bertlab tokenize} makes them, across a
 * cluster: {@code input_ids}, {@code token_type_ids} and {@code attention_mask} ({@code array<int>} each) and
 * {@code tokenize_error} ({@code string}: why a row has empty arrays — a null, empty or blank text — else
 * {@code null}). Each executor JVM loads the tokenizer once and shares it between its tasks.
 */
public final class SparkTokenization {

    /** Texts per {@code encodeBatch} call within a partition. */
    static final int CHUNK = 256;

    private SparkTokenization() {
    }

    /**
     * Adds the encoding columns for single texts ({@code [CLS] A [SEP]} for BERT).
     *
     * @param input the rows
     * @param textColumn a string column
     * @param options the tokenizer and how to encode
     * @return the input with the encoding columns added
     * @throws IllegalArgumentException when the column is missing or not a string, or an output column exists
     */
    public static Dataset<Row> tokenize(Dataset<Row> input, String textColumn, TokenizationOptions options) {
        int first = Rows.stringColumn(input.schema(), textColumn);
        return input.mapPartitions(new TokenizePartition(options, first, -1),
                Encoders.row(outputSchema(input.schema(), options)));
    }

    /**
     * Adds the encoding columns for pairs of texts ({@code [CLS] A [SEP] B [SEP]} for BERT), as
     * {@code tokenize --pair}.
     *
     * @param input the rows
     * @param firstColumn the first texts
     * @param secondColumn the second texts
     * @param options the tokenizer and how to encode
     * @return the input with the encoding columns added
     * @throws IllegalArgumentException when a column is missing or not a string, or an output column exists
     */
    public static Dataset<Row> tokenizePairs(Dataset<Row> input, String firstColumn, String secondColumn,
            TokenizationOptions options) {
        int first = Rows.stringColumn(input.schema(), firstColumn);
        int second = Rows.stringColumn(input.schema(), secondColumn);
        return input.mapPartitions(new TokenizePartition(options, first, second),
                Encoders.row(outputSchema(input.schema(), options)));
    }

    /**
     * The schema {@link #tokenize} and {@link #tokenizePairs} produce.
     *
     * @param input the input's schema
     * @param options the options (they name the columns)
     * @return the input's fields followed by the encoding columns
     */
    public static StructType outputSchema(StructType input, TokenizationOptions options) {
        return Rows.withFields(input,
                DataTypes.createStructField(options.idsColumn(), DataTypes.createArrayType(DataTypes.IntegerType,
                        false), false),
                DataTypes.createStructField(options.typeIdsColumn(), DataTypes.createArrayType(DataTypes.IntegerType,
                        false), false),
                DataTypes.createStructField(options.attentionMaskColumn(), DataTypes.createArrayType(
                        DataTypes.IntegerType, false), false),
                DataTypes.createStructField(options.errorColumn(), DataTypes.StringType, true));
    }

    /** One partition: the shared tokenizer, then one {@code encodeBatch} per chunk of rows. */
    static final class TokenizePartition implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;
        private static final int[] NONE = new int[0];

        private final TokenizationOptions options;
        private final int first;
        private final int second;

        TokenizePartition(TokenizationOptions options, int first, int second) {
            this.options = options;
            this.first = first;
            this.second = second;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            if (!rows.hasNext()) {
                return Collections.emptyIterator();
            }
            Tokenizer tokenizer = ExecutorTokenizers.get(options.tokenizer(), options.loaderOptions());
            EncodeOptions encode = options.encodeOptions(tokenizer);
            return new ChunkedIterator<>(rows, CHUNK, chunk -> encode(tokenizer, encode, chunk));
        }

        private List<Row> encode(Tokenizer tokenizer, EncodeOptions encode, List<Row> chunk) {
            String[] errors = new String[chunk.size()];
            List<Integer> good = new ArrayList<>(chunk.size());
            List<String> firsts = new ArrayList<>(chunk.size());
            List<List<String>> pairs = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                Row row = chunk.get(i);
                errors[i] = reason(row);
                if (errors[i] == null) {
                    good.add(i);
                    if (second < 0) {
                        firsts.add(row.getString(first));
                    } else {
                        pairs.add(List.of(row.getString(first), row.getString(second)));
                    }
                }
            }
            Encoding[] encodings = new Encoding[chunk.size()];
            if (!good.isEmpty()) {
                try {
                    List<Encoding> encoded = second < 0 ? tokenizer.encodeBatch(firsts, encode)
                            : tokenizer.encodePairBatch(pairs, encode);
                    for (int i = 0; i < good.size(); i++) {
                        encodings[good.get(i)] = encoded.get(i);
                    }
                } catch (RuntimeException batchFailure) {
                    // one text at a time, so that only the texts at fault get no encoding
                    for (int i = 0; i < good.size(); i++) {
                        try {
                            encodings[good.get(i)] = second < 0 ? tokenizer.encode(firsts.get(i), encode)
                                    : tokenizer.encodePair(pairs.get(i).get(0), pairs.get(i).get(1), encode);
                        } catch (RuntimeException e) {
                            errors[good.get(i)] = "tokenization failed: " + e.getMessage();
                        }
                    }
                }
            }
            List<Row> out = new ArrayList<>(chunk.size());
            for (int i = 0; i < chunk.size(); i++) {
                Encoding e = encodings[i];
                out.add(e == null ? Rows.append(chunk.get(i), NONE, NONE, NONE, errors[i])
                        : Rows.append(chunk.get(i), e.ids(), e.typeIds(), e.attentionMask(), null));
            }
            return out;
        }

        private String reason(Row row) {
            String reason = BadText.reason(row.get(first));
            if (second < 0 || reason != null) {
                return reason == null || second < 0 ? reason : "first text: " + reason;
            }
            String other = BadText.reason(row.get(second));
            return other == null ? null : "second text: " + other;
        }
    }
}
