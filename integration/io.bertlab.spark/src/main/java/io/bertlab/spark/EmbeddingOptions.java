package io.bertlab.spark;

import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.model.service.command.Pooling;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link SparkEmbeddings} embeds a column: the options of {@code bertlab embed}, plus where the results go.
 * Immutable and serializable: the driver builds it and Spark ships it to the executors with each task.
 *
 * @param model the model directory ({@code config.json}, {@code model.safetensors}, {@code tokenizer.json}) as every
 *        executor sees it: a shared file system, or a relative path such as {@code minilm} for a folder shipped with
 *        {@code spark-submit --archives minilm.tar.gz#minilm}
 * @param engine {@code java} (default: no native code), or {@code pytorch}/{@code mxnet} where the executors have
 *        {@code io.bertlab.engine.djl} and DJL's jars on their class path
 * @param device {@code cpu} (default) or {@code gpu}
 * @param pooling {@code mean} (default), {@code cls} or {@code pooler}, as {@code embed --pooling}
 * @param normalize whether each embedding is scaled to unit length, as {@code embed --normalize}
 * @param batchSize texts per forward pass within a partition (default 32, as {@code embed})
 * @param threads compute threads of the executor's model; {@code 0} (default) takes the task's CPUs
 *        ({@code spark.task.cpus}, 1 unless configured), since an executor already runs one task per core
 * @param outputColumn the embedding column ({@code embedding}); the others are named after it: {@code _tokens},
 *        {@code _truncated}, {@code _error}
 * @param sortWindow batches per length-sorting window: {@code 1} (default) embeds consecutive rows as {@code embed}
 *        embeds consecutive texts; {@code n > 1} reads {@code n × batchSize} rows, sorts them by token count, cuts
 *        them into batches and puts the results back in row order, so that texts of like length share a batch and
 *        less padding is computed (the vectors differ only by float32 rounding, as between any two batchings)
 */
public record EmbeddingOptions(String model, String engine, String device, String pooling, boolean normalize,
        int batchSize, int threads, String outputColumn, int sortWindow) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the options, so that a mistake fails on the driver before any task starts.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public EmbeddingOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(pooling, "pooling");
        Objects.requireNonNull(outputColumn, "outputColumn");
        try {
            Pooling.parse(pooling);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        if (sortWindow < 1) {
            throw new IllegalArgumentException("sortWindow must be at least 1 (no sorting), was " + sortWindow);
        }
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be 0 (the task's CPUs) or positive, was " + threads);
        }
        Engines.requireKnown(engine);
    }

    /**
     * The defaults of {@code bertlab embed} for a model directory: java engine on the CPU, mean pooling, not
     * normalized, 32 texts per batch.
     *
     * @param model the model directory, as the executors see it
     * @return the options
     */
    public static EmbeddingOptions of(String model) {
        return new EmbeddingOptions(model, EngineProperties.JAVA, EngineProperties.CPU, "mean", false, 32, 0,
                "embedding", 1);
    }

    /**
     * @param newEngine {@code java}, {@code pytorch} or {@code mxnet}
     * @return these options with another engine
     */
    public EmbeddingOptions withEngine(String newEngine) {
        return new EmbeddingOptions(model, newEngine, device, pooling, normalize, batchSize, threads,
                outputColumn, sortWindow);
    }

    /**
     * @param newDevice {@code cpu} or {@code gpu}
     * @return these options with another device
     */
    public EmbeddingOptions withDevice(String newDevice) {
        return new EmbeddingOptions(model, engine, newDevice, pooling, normalize, batchSize, threads,
                outputColumn, sortWindow);
    }

    /**
     * @param newPooling {@code mean}, {@code cls} or {@code pooler}
     * @return these options with another pooling
     */
    public EmbeddingOptions withPooling(String newPooling) {
        return new EmbeddingOptions(model, engine, device, newPooling, normalize, batchSize, threads,
                outputColumn, sortWindow);
    }

    /**
     * @param newNormalize whether embeddings are scaled to unit length
     * @return these options with normalisation on or off
     */
    public EmbeddingOptions withNormalize(boolean newNormalize) {
        return new EmbeddingOptions(model, engine, device, pooling, newNormalize, batchSize, threads,
                outputColumn, sortWindow);
    }

    /**
     * @param newBatchSize texts per forward pass
     * @return these options with another batch size
     */
    public EmbeddingOptions withBatchSize(int newBatchSize) {
        return new EmbeddingOptions(model, engine, device, pooling, normalize, newBatchSize, threads,
                outputColumn, sortWindow);
    }

    /**
     * @param newThreads the model's compute threads, {@code 0} for the task's CPUs
     * @return these options with another thread count
     */
    public EmbeddingOptions withThreads(int newThreads) {
        return new EmbeddingOptions(model, engine, device, pooling, normalize, batchSize, newThreads,
                outputColumn, sortWindow);
    }

    /**
     * @param newOutputColumn the embedding column's name
     * @return these options writing to another column
     */
    public EmbeddingOptions withOutputColumn(String newOutputColumn) {
        return new EmbeddingOptions(model, engine, device, pooling, normalize, batchSize, threads,
                newOutputColumn, sortWindow);
    }

    /**
     * @param newSortWindow batches per length-sorting window ({@code 1}: none)
     * @return these options sorting by length over another window
     */
    public EmbeddingOptions withSortWindow(int newSortWindow) {
        return new EmbeddingOptions(model, engine, device, pooling, normalize, batchSize, threads, outputColumn,
                newSortWindow);
    }

    /** @return the pooling as {@code embed} parses it */
    Pooling parsedPooling() {
        try {
            return Pooling.parse(pooling);
        } catch (UsageException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** @return the column of attended tokens per text */
    public String tokensColumn() {
        return outputColumn + "_tokens";
    }

    /** @return the column saying whether a text was cut to the model's length */
    public String truncatedColumn() {
        return outputColumn + "_truncated";
    }

    /** @return the column giving why a row has no embedding ({@code null} when it has one) */
    public String errorColumn() {
        return outputColumn + "_error";
    }
}
