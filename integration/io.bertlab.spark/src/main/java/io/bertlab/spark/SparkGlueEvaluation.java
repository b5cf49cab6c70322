package io.bertlab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.Split;
import io.bertlab.glue.FineTunedPredictions;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.SparkSession;

/**
 * {@code glue-evaluate} over a partitioned split: the driver reads the split with the task's own reader, the
 * executors answer their parts with the GLUE runner's own prediction code ({@link FineTunedPredictions}, which checks
 * {@code glue.json} against the task) on the model loaded once per executor, and the driver gathers the answers in
 * the split's order and scores them with the task's metrics — the same JSON as {@code bertlab glue-evaluate}.
 */
public final class SparkGlueEvaluation {

    /**
     * What {@code glue-evaluate} prints, and the predictions.
     *
     * @param task the task
     * @param split the split
     * @param examples the examples evaluated
     * @param problems the rows of the file that were not examples (skipped)
     * @param metrics the task's metrics, in its order
     * @param predictions one answer per example, in the split's order
     */
    public record Result(String task, String split, int examples, int problems, Map<String, Double> metrics,
            List<Prediction> predictions) {

        /** @return the object {@code bertlab glue-evaluate} prints */
        public String toJson() {
            ObjectNode json = new ObjectMapper().createObjectNode();
            json.put("task", task);
            json.put("split", split);
            json.put("examples", examples);
            json.put("problems", problems);
            metrics.forEach(json.putObject("metrics")::put);
            return json.toString();
        }
    }

    /** An example as it travels to the executors, with its place in the split. */
    record ExampleRow(int index, String id, String textA, String textB, int label, double score, long line)
            implements Serializable {

        private static final long serialVersionUID = 1L;

        Example example() {
            return new Example(id, textA, textB, label, score, line);
        }
    }

    /** An answer as it travels back. */
    record PredictionRow(int index, String id, int label, double score) implements Serializable {

        private static final long serialVersionUID = 1L;
    }

    private SparkGlueEvaluation() {
    }

    /**
     * Evaluates a fine-tuned model ({@code glue-train}'s {@code DIR/best}: weights, {@code tokenizer.json},
     * {@code glue.json}) on a labelled split.
     *
     * @param spark the session
     * @param task the task (see {@link GlueCatalog#task(String)})
     * @param data the folder holding the task's folder ({@code glue_data}, as {@code --data}), read on the driver
     * @param split the split, e.g. {@code dev}
     * @param options the model and how to run it; its model directory must be readable on every executor
     * @return the metrics and predictions
     * @throws IOException when the split cannot be read, is not labelled, or has no examples
     */
    public static Result evaluate(SparkSession spark, GlueTask task, Path data, String split,
            GlueEvaluationOptions options) throws IOException {
        Split chosen = task.splits().stream().filter(s -> s.name().equals(split)).findFirst().orElseThrow(() ->
                new IOException(task.name() + " has no split '" + split + "'; it has " + task.splits().stream()
                        .map(Split::name).collect(Collectors.joining(", "))));
        if (!chosen.labelled()) {
            throw new IOException(task.name() + " " + split + " has no gold labels to evaluate against");
        }
        Dataset dataset = task.read(data.resolve(task.dataFolder()), chosen);
        List<Example> examples = dataset.examples();
        if (examples.isEmpty()) {
            throw new IOException(dataset.file() + ": no examples to evaluate on");
        }
        List<ExampleRow> rows = new ArrayList<>(examples.size());
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            rows.add(new ExampleRow(i, e.id(), e.textA(), e.textB(), e.label(), e.score(), e.line()));
        }
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = options.partitions() > 0 ? options.partitions() : context.defaultParallelism();
        List<PredictionRow> answers = new ArrayList<>(context.parallelize(rows, partitions)
                .mapPartitions(new PredictPartition(task.getClass().getName(), dataset.file().toString(), chosen,
                        options))
                .collect());
        answers.sort(Comparator.comparingInt(PredictionRow::index));
        if (answers.size() != examples.size()) {
            throw new IllegalStateException("expected " + examples.size() + " answers, gathered " + answers.size());
        }
        List<Prediction> predictions = answers.stream().map(a -> new Prediction(a.id(), a.label(), a.score()))
                .toList();
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (String name : task.metrics()) {
            metrics.put(name, GlueCatalog.metric(name).compute(predictions, examples));
        }
        return new Result(task.name(), chosen.name(), examples.size(), dataset.problems().size(), metrics,
                predictions);
    }

    /** One part of the split: the runner's predictions for its examples. */
    static final class PredictPartition implements FlatMapFunction<Iterator<ExampleRow>, PredictionRow> {

        private static final long serialVersionUID = 1L;

        private final String taskClass;
        private final String file;
        // the split's fields: the API's record is not serializable
        private final String splitName;
        private final String splitFile;
        private final boolean labelled;
        private final GlueEvaluationOptions options;

        PredictPartition(String taskClass, String file, Split split, GlueEvaluationOptions options) {
            this.taskClass = taskClass;
            this.file = file;
            this.splitName = split.name();
            this.splitFile = split.fileName();
            this.labelled = split.labelled();
            this.options = options;
        }

        @Override
        public Iterator<PredictionRow> call(Iterator<ExampleRow> rows) {
            if (!rows.hasNext()) {
                return Collections.emptyIterator();
            }
            List<ExampleRow> part = new ArrayList<>();
            rows.forEachRemaining(part::add);
            GlueTask task = GlueCatalog.instantiate(taskClass);
            SharedModel model = ExecutorModels.get(options.model(), options.engine(), options.device(),
                    options.threads());
            Dataset dataset = new Dataset(Path.of(file), new Split(splitName, splitFile, labelled),
                    part.stream().map(ExampleRow::example).toList(), List.of());
            List<Prediction> predictions;
            try {
                predictions = FineTunedPredictions.predict(task, model, dataset, options.maxLength(),
                        options.batchSize(), new PrintStream(OutputStream.nullOutputStream()));
            } catch (IOException e) {
                throw new UncheckedIOException(model.directory() + " on " + ExecutorHost.describe() + ": "
                        + e.getMessage(), e);
            }
            List<PredictionRow> out = new ArrayList<>(part.size());
            for (int i = 0; i < part.size(); i++) {
                Prediction p = predictions.get(i);
                out.add(new PredictionRow(part.get(i).index(), p.id(), p.label(), p.score()));
            }
            return out.iterator();
        }
    }
}
