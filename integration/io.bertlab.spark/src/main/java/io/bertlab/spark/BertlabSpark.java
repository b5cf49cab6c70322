package io.bertlab.spark;

import io.bertlab.api.glue.GlueTask;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The runnable example: {@code embed}, {@code tokenize} and {@code glue-evaluate} over files, with
 * {@code spark-submit} on a cluster or directly in {@code local[*]}:
 *
 * <pre>
 * spark-submit --class io.bertlab.spark.BertlabSpark io.bertlab.spark-VERSION-app.jar embed \
 *     --model /shared/models/minilm --input corpus.txt --output embeddings.parquet --normalize
 * java -cp ... io.bertlab.spark.BertlabSpark embed --master local[*] --model ... --input ... --output ...
 * </pre>
 *
 * Each command prints one JSON line of counts and timing on standard output; a usage error exits with status 2, a
 * failure with status 1.
 */
public final class BertlabSpark {

    private static final String USAGE = String.join("\n",
            "Usage: spark-submit --class io.bertlab.spark.BertlabSpark io.bertlab.spark-VERSION-app.jar COMMAND",
            "                    [options]",
            "",
            "Commands:",
            "  embed          --model DIR --input PATH --output PATH [--text-column value] [--pooling mean|cls|pooler]",
            "                 [--normalize] [--batch-size 32] [--engine java|pytorch|mxnet] [--device cpu|gpu]",
            "                 [--threads 0] [--sort-window 1]",
            "  tokenize       --tokenizer FILE --input PATH --output PATH [--text-column value] [--pair-column COL]",
            "                 [--max-length N] [--truncation longest_first|only_first|only_second]",
            "                 [--padding file|none|max_length] [--lowercase true|false]",
            "  glue-evaluate  --task NAME --model DIR --data DIR [--split dev] [--batch-size 64] [--max-length 128]",
            "                 [--engine java|pytorch|mxnet] [--device cpu|gpu] [--threads 0]",
            "",
            "Input and output (embed, tokenize):",
            "  --input PATH           text (one text per line, column 'value'), parquet, json or csv (with a header)",
            "  --input-format F       text (default), parquet, json, csv",
            "  --output PATH          written as --output-format: parquet (default) or json; must not exist",
            "  --partitions N         repartition the input into N parts first (default: as read)",
            "",
            "Any command:",
            "  --master URL           when not run by spark-submit (default local[*])",
            "",
            "--sort-window N sorts each N batches of texts by length before batching (less padding); results keep",
            "their order.",
            "A null, empty or blank text gives a row with empty arrays and the reason in *_error; the job goes on.",
            "Model and tokenizer paths are read on the executors: a shared file system, or a relative path to a folder",
            "shipped with spark-submit --archives model.tar.gz#model.");

    private static final Set<String> FLAGS = Set.of("--normalize");

    private BertlabSpark() {
    }

    /**
     * Runs a command in a session of its own, then stops it.
     *
     * @param args the command and its options
     */
    public static void main(String[] args) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bertlab-spark: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        SparkSession.Builder builder = SparkSession.builder().appName("bertlab " + options.get(""));
        if (options.containsKey("--master")) {
            builder.master(options.get("--master"));
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        int status;
        try {
            status = run(spark, args, System.out, System.err);
        } finally {
            ExecutorModels.closeAll();
            spark.stop();
        }
        System.exit(status);
    }

    /**
     * Runs a command in a session.
     *
     * @param spark the session
     * @param args the command and its options
     * @param out where the summary goes
     * @param err where errors go
     * @return 0, 1 on failure, 2 on a usage error
     */
    public static int run(SparkSession spark, String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bertlab-spark: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        String command = options.get("");
        try {
            switch (command) {
                case "embed" -> embed(spark, options, out);
                case "tokenize" -> tokenize(spark, options, out);
                case "glue-evaluate" -> glueEvaluate(spark, options, out);
                default -> {
                    err.println("bertlab-spark: unknown command '" + command + "'");
                    err.println(USAGE);
                    return 2;
                }
            }
            return 0;
        } catch (IllegalArgumentException e) {
            err.println("bertlab-spark " + command + ": " + e.getMessage());
            return 2;
        } catch (Exception e) {
            // IOException, and Spark's SparkException (checked, though Scala does not declare it) for a failed job
            err.println("bertlab-spark " + command + ": " + rootMessage(e));
            return 1;
        }
    }

    private static void embed(SparkSession spark, Map<String, String> o, PrintStream out) {
        EmbeddingOptions options = EmbeddingOptions.of(required(o, "--model"))
                .withEngine(o.getOrDefault("--engine", "java"))
                .withDevice(o.getOrDefault("--device", "cpu"))
                .withPooling(o.getOrDefault("--pooling", "mean"))
                .withNormalize(o.containsKey("--normalize"))
                .withBatchSize(intOption(o, "--batch-size", 32))
                .withThreads(intOption(o, "--threads", 0))
                .withSortWindow(intOption(o, "--sort-window", 1));
        long started = System.nanoTime();
        Dataset<Row> embedded = SparkEmbeddings.embed(input(spark, o), o.getOrDefault("--text-column", "value"),
                options);
        String output = required(o, "--output");
        write(embedded, o, output);
        summary(spark, o, output, options.errorColumn(), started, out);
    }

    private static void tokenize(SparkSession spark, Map<String, String> o, PrintStream out) {
        TokenizationOptions options = TokenizationOptions.of(required(o, "--tokenizer"))
                .withMaxLength(intOption(o, "--max-length", 0))
                .withTruncation(o.getOrDefault("--truncation", "longest_first"))
                .withPadding(o.getOrDefault("--padding", "file"))
                .withLowercase(o.containsKey("--lowercase") ? Boolean.valueOf(o.get("--lowercase")) : null);
        long started = System.nanoTime();
        Dataset<Row> in = input(spark, o);
        String text = o.getOrDefault("--text-column", "value");
        Dataset<Row> tokenized = o.containsKey("--pair-column")
                ? SparkTokenization.tokenizePairs(in, text, o.get("--pair-column"), options)
                : SparkTokenization.tokenize(in, text, options);
        String output = required(o, "--output");
        write(tokenized, o, output);
        summary(spark, o, output, options.errorColumn(), started, out);
    }

    private static void glueEvaluate(SparkSession spark, Map<String, String> o, PrintStream out) throws IOException {
        GlueTask task = GlueCatalog.task(required(o, "--task"));
        GlueEvaluationOptions options = new GlueEvaluationOptions(required(o, "--model"),
                o.getOrDefault("--engine", "java"), o.getOrDefault("--device", "cpu"), intOption(o, "--threads", 0),
                intOption(o, "--max-length", 128), intOption(o, "--batch-size", 64), intOption(o, "--partitions", 0));
        SparkGlueEvaluation.Result result = SparkGlueEvaluation.evaluate(spark, task, Path.of(required(o, "--data")),
                o.getOrDefault("--split", "dev"), options);
        out.println(result.toJson());
    }

    private static Dataset<Row> input(SparkSession spark, Map<String, String> o) {
        String path = required(o, "--input");
        String format = o.getOrDefault("--input-format", "text").toLowerCase(Locale.ROOT);
        Dataset<Row> in = switch (format) {
            case "text" -> spark.read().text(path);
            case "parquet" -> spark.read().parquet(path);
            case "json" -> spark.read().json(path);
            case "csv" -> spark.read().option("header", "true").csv(path);
            default -> throw new IllegalArgumentException("--input-format must be text, parquet, json or csv, was '"
                    + format + "'");
        };
        return o.containsKey("--partitions") ? in.repartition(intOption(o, "--partitions", 1)) : in;
    }

    private static void write(Dataset<Row> result, Map<String, String> o, String output) {
        String format = o.getOrDefault("--output-format", "parquet").toLowerCase(Locale.ROOT);
        switch (format) {
            case "parquet" -> result.write().parquet(output);
            case "json" -> result.write().json(output);
            default -> throw new IllegalArgumentException("--output-format must be parquet or json, was '" + format
                    + "'");
        }
    }

    /** Counts what was written (reading only the error column back) and prints the rate. */
    private static void summary(SparkSession spark, Map<String, String> o, String output, String errorColumn,
            long started, PrintStream out) {
        double seconds = (System.nanoTime() - started) / 1e9;
        Dataset<Row> written = o.getOrDefault("--output-format", "parquet").equalsIgnoreCase("json")
                ? spark.read().json(output) : spark.read().parquet(output);
        Row counts = written.agg(functions.count(functions.lit(1)), functions.count(functions.col(errorColumn)))
                .first();
        long rows = counts.getLong(0);
        long failed = counts.getLong(1);
        out.printf(Locale.ROOT, "{\"command\":\"%s\",\"rows\":%d,\"failed\":%d,\"seconds\":%.3f,"
                + "\"rows_per_second\":%.1f,\"output\":\"%s\"}%n", o.get(""), rows, failed, seconds, rows / seconds,
                output.replace("\\", "\\\\").replace("\"", "\\\""));
    }

    /** The command under key {@code ""}, then {@code --name value} pairs and flags. */
    static Map<String, String> parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("no command");
        }
        Map<String, String> options = new HashMap<>();
        options.put("", args[0]);
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        for (int i = 0; i < rest.size(); i++) {
            String name = rest.get(i);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            if (FLAGS.contains(name)) {
                options.put(name, "true");
            } else if (i + 1 < rest.size()) {
                options.put(name, rest.get(++i));
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    private static int intOption(Map<String, String> options, String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " expects an integer, got '" + value + "'", e);
        }
    }

    /** The innermost message: Spark wraps a task's failure in several layers, the cause says what happened. */
    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            if (t instanceof LoadException) {
                break;
            }
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
