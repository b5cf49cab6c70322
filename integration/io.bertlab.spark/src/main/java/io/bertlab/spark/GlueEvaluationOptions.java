package io.bertlab.spark;

import io.bertlab.api.model.EngineProperties;
import java.io.Serializable;
import java.util.Objects;

/**
 * How {@link SparkGlueEvaluation} runs a fine-tuned model: {@code glue-evaluate}'s options, plus the partitions.
 *
 * @param model the fine-tuned model directory as every executor sees it
 * @param engine {@code java} (default), {@code pytorch} or {@code mxnet} (see {@link EmbeddingOptions#engine()})
 * @param device {@code cpu} (default) or {@code gpu}
 * @param threads the model's compute threads; {@code 0} for the task's CPUs
 * @param maxLength tokens per example (default 128, as in training)
 * @param batchSize examples per forward pass (default 64, as {@code glue-evaluate})
 * @param partitions parts of the split; {@code 0} for Spark's default parallelism
 */
public record GlueEvaluationOptions(String model, String engine, String device, int threads, int maxLength,
        int batchSize, int partitions) implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Validates the options on the driver.
     *
     * @throws IllegalArgumentException naming the option at fault
     */
    public GlueEvaluationOptions {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(device, "device");
        Engines.requireKnown(engine);
        if (threads < 0 || maxLength < 1 || batchSize < 1 || partitions < 0) {
            throw new IllegalArgumentException("threads and partitions must be at least 0, maxLength and batchSize at"
                    + " least 1; were " + threads + ", " + partitions + ", " + maxLength + ", " + batchSize);
        }
    }

    /**
     * {@code glue-evaluate}'s defaults.
     *
     * @param model the fine-tuned model directory
     * @return the options
     */
    public static GlueEvaluationOptions of(String model) {
        return new GlueEvaluationOptions(model, EngineProperties.JAVA, EngineProperties.CPU, 0, 128, 64, 0);
    }

    /**
     * @param newPartitions parts of the split
     * @return these options with another partition count
     */
    public GlueEvaluationOptions withPartitions(int newPartitions) {
        return new GlueEvaluationOptions(model, engine, device, threads, maxLength, batchSize,
                newPartitions);
    }

    /**
     * @param newBatchSize examples per forward pass
     * @return these options with another batch size
     */
    public GlueEvaluationOptions withBatchSize(int newBatchSize) {
        return new GlueEvaluationOptions(model, engine, device, threads, maxLength, newBatchSize, partitions);
    }

    /**
     * @param newEngine the engine
     * @return these options with another engine
     */
    public GlueEvaluationOptions withEngine(String newEngine) {
        return new GlueEvaluationOptions(model, newEngine, device, threads, maxLength, batchSize, partitions);
    }
}
