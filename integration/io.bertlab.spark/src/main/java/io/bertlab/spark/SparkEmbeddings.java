package io.bertlab.spark;

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
 * Sentence embeddings of a DataFrame's text column, as {@code bertlab embed} computes them, across a cluster.
 *
 * <p>Each executor JVM loads the model once (the first task that needs it) and shares it between its tasks; each
 * task embeds its partition {@link EmbeddingOptions#batchSize()} rows at a time (sorted by length within a window of
 * {@link EmbeddingOptions#sortWindow()} batches, if asked). The result has the input's columns
 * and, by default:
 * <ul>
 * <li>{@code embedding} — {@code array<float>}: the pooled (and, if asked, normalised) vector; empty when the row has
 * none;</li>
 * <li>{@code embedding_tokens} — {@code int}: the attended tokens, special tokens included;</li>
 * <li>{@code embedding_truncated} — {@code boolean}: whether the text was cut to the model's length;</li>
 * <li>{@code embedding_error} — {@code string}: why the row has no vector (a null, empty or blank text, or a text the
 * tokenizer or model refused), else {@code null}.</li>
 * </ul>
 * A bad row never fails the job; a model that cannot be loaded on an executor does, with a {@link LoadException}
 * naming the path and the host.
 */
public final class SparkEmbeddings {

    private SparkEmbeddings() {
    }

    /**
     * Adds the embedding columns. Lazy, as every transformation: nothing runs until an action (write, count, ...).
     *
     * @param input the rows
     * @param textColumn a string column
     * @param options the model and how to embed
     * @return the input with the embedding columns added, partitioned as the input
     * @throws IllegalArgumentException when the column is missing or not a string, or an output column exists
     */
    public static Dataset<Row> embed(Dataset<Row> input, String textColumn, EmbeddingOptions options) {
        int textIndex = Rows.stringColumn(input.schema(), textColumn);
        StructType schema = outputSchema(input.schema(), options);
        return input.mapPartitions(new EmbedPartition(options, textIndex), Encoders.row(schema));
    }

    /**
     * The schema {@link #embed} produces.
     *
     * @param input the input's schema
     * @param options the options (they name the columns)
     * @return the input's fields followed by the embedding columns
     */
    public static StructType outputSchema(StructType input, EmbeddingOptions options) {
        return Rows.withFields(input,
                DataTypes.createStructField(options.outputColumn(),
                        DataTypes.createArrayType(DataTypes.FloatType, false), false),
                DataTypes.createStructField(options.tokensColumn(), DataTypes.IntegerType, false),
                DataTypes.createStructField(options.truncatedColumn(), DataTypes.BooleanType, false),
                DataTypes.createStructField(options.errorColumn(), DataTypes.StringType, true));
    }

    /** One partition: the shared model, then one forward pass per chunk of rows. */
    static final class EmbedPartition implements MapPartitionsFunction<Row, Row> {

        private static final long serialVersionUID = 1L;

        private final EmbeddingOptions options;
        private final int textIndex;

        EmbedPartition(EmbeddingOptions options, int textIndex) {
            this.options = options;
            this.textIndex = textIndex;
        }

        @Override
        public Iterator<Row> call(Iterator<Row> rows) {
            if (!rows.hasNext()) {
                return Collections.emptyIterator(); // an empty partition loads nothing
            }
            SharedModel model = ExecutorModels.get(options.model(), options.engine(), options.device(),
                    options.threads());
            Embedder embedder = new Embedder(model, options.model(), options.parsedPooling(), options.normalize(),
                    options.batchSize(), options.sortWindow() > 1);
            return new ChunkedIterator<>(rows, options.batchSize() * options.sortWindow(), chunk -> {
                List<Object> texts = new ArrayList<>(chunk.size());
                for (Row row : chunk) {
                    texts.add(row.get(textIndex));
                }
                List<Embedder.Result> results = embedder.embed(texts);
                List<Row> out = new ArrayList<>(chunk.size());
                for (int i = 0; i < chunk.size(); i++) {
                    Embedder.Result r = results.get(i);
                    out.add(Rows.append(chunk.get(i), r.embedding(), r.tokens(), r.truncated(), r.error()));
                }
                return out;
            });
        }
    }
}
