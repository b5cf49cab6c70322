package io.bertlab.spark;

import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.service.command.BatchBuilder;
import io.bertlab.model.service.command.Pooling;
import io.bertlab.tokenizer.core.BertlabTokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Throughput of embedding in Spark ({@code local[N]}) against the single-process path on the same cores: not a
 * test, run by hand (see {@code integration/io.bertlab.spark/throughput} and src-docs/spark.md).
 *
 * <p>The single-process path is {@code bertlab embed}'s loop — encode a batch of 32 consecutive texts with the
 * model's options, pad it ({@link BatchBuilder}), one forward pass on a model loaded as the model service loads a
 * directory (one compute thread per processor), pool ({@link Pooling}) — in this JVM, without the JSON printing.
 * The Spark path is {@link SparkEmbeddings#embed} over the same texts in contiguous partitions, written to Spark's
 * {@code noop} sink so that every row is computed and nothing is stored. Both models are loaded before timing; the
 * runs alternate, A B A B ..., so that both see the same load, and the medians are reported, with the process's CPU
 * time per sentence (less sensitive than the wall clock to other work on the machine).
 *
 * <p>Options: {@code --sentences N} (default 3000: the 1,500 STS-B dev pairs), {@code --runs N} (5),
 * {@code --master local[2]}, {@code --partitions N} (the master's cores), {@code --threads N} (the Spark model's
 * compute threads, 0 = the task's CPUs), {@code --batch-size N} (32), {@code --sort-window N} (1: consecutive
 * batches, as the single process; see {@link EmbeddingOptions#sortWindow()}).
 */
public final class EmbeddingThroughput {

    private EmbeddingThroughput() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = BertlabSpark.parse(prepend("bench", args));
        int sentences = Integer.parseInt(o.getOrDefault("--sentences", "3000"));
        int runs = Integer.parseInt(o.getOrDefault("--runs", "5"));
        String master = o.getOrDefault("--master", "local[2]");
        int batchSize = Integer.parseInt(o.getOrDefault("--batch-size", "32"));
        int threads = Integer.parseInt(o.getOrDefault("--threads", "0"));
        int sortWindow = Integer.parseInt(o.getOrDefault("--sort-window", "1"));

        List<String> texts = new ArrayList<>();
        List<String> all = TestData.stsbSentences(1500);
        for (int i = 0; texts.size() < sentences; i++) {
            texts.add(all.get(i % all.size()));
        }
        Path model = TestData.minilm();

        SparkSession spark = SparkSession.builder().master(master).appName("bertlab-throughput")
                .config("spark.ui.enabled", "false").getOrCreate();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = Integer.parseInt(o.getOrDefault("--partitions", String.valueOf(context.defaultParallelism())));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create(i, texts.get(i)));
        }
        StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType);
        // parallelize slices contiguously: each partition embeds consecutive texts, as the single process does
        Dataset<Row> input = spark.createDataFrame(context.parallelize(rows, partitions), schema).cache();
        input.count();
        EmbeddingOptions options = EmbeddingOptions.of(model.toString()).withBatchSize(batchSize)
                .withThreads(threads).withSortWindow(sortWindow);

        SingleProcessEmbed single = new SingleProcessEmbed(model, batchSize);
        System.out.printf(Locale.ROOT, "%d sentences, %d runs each, batch %d; spark %s, %d partitions, threads %s,"
                + " sort window %d; single process: %d threads; %d processors%n", texts.size(), runs, batchSize, master,
                partitions, threads == 0 ? "= task cpus" : threads, sortWindow,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
        // warm-up: the JIT compiles the kernels, Spark loads the model into its executor cache
        single.embed(texts.subList(0, Math.min(texts.size(), 512)));
        SparkEmbeddings.embed(input.limit(512), "text", options).write().format("noop").mode("overwrite").save();

        double[] singleSeconds = new double[runs];
        double[] sparkSeconds = new double[runs];
        double[] singleCpu = new double[runs];
        double[] sparkCpu = new double[runs];
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        for (int run = 0; run < runs; run++) {
            double load = os.getSystemLoadAverage();
            long cpu = processCpuNanos(os);
            long start = System.nanoTime();
            single.embed(texts);
            singleSeconds[run] = (System.nanoTime() - start) / 1e9;
            singleCpu[run] = (processCpuNanos(os) - cpu) / 1e9;
            cpu = processCpuNanos(os);
            start = System.nanoTime();
            SparkEmbeddings.embed(input, "text", options).write().format("noop").mode("overwrite").save();
            sparkSeconds[run] = (System.nanoTime() - start) / 1e9;
            sparkCpu[run] = (processCpuNanos(os) - cpu) / 1e9;
            System.out.printf(Locale.ROOT, "run %d: single %.2f s (%.1f sentences/s, %.2f s CPU), spark %.2f s"
                    + " (%.1f sentences/s, %.2f s CPU), load average %.2f%n", run + 1, singleSeconds[run],
                    texts.size() / singleSeconds[run], singleCpu[run], sparkSeconds[run],
                    texts.size() / sparkSeconds[run], sparkCpu[run], load);
        }
        double singleMedian = median(singleSeconds);
        double sparkMedian = median(sparkSeconds);
        System.out.printf(Locale.ROOT, "median: single %.1f sentences/s (%.2f ms CPU per sentence), spark %.1f"
                + " sentences/s (%.2f ms CPU per sentence), spark/single %.3f; load average now %.2f%n",
                texts.size() / singleMedian, 1000 * median(singleCpu) / texts.size(), texts.size() / sparkMedian,
                1000 * median(sparkCpu) / texts.size(), singleMedian / sparkMedian, os.getSystemLoadAverage());
        single.close();
        ExecutorModels.closeAll();
        spark.stop();
    }

    /** This process's CPU time, every thread (the JDK's extension of the bean), or 0 where the JVM has none. */
    private static long processCpuNanos(OperatingSystemMXBean os) {
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    private static String[] prepend(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** {@code bertlab embed}'s loop on a model directory, without printing. */
    static final class SingleProcessEmbed implements AutoCloseable {

        private final Model model;
        private final Tokenizer tokenizer;
        private final EncodeOptions options;
        private final int batchSize;

        SingleProcessEmbed(Path directory, int batchSize) throws IOException {
            // as the model service opens a directory: LoadOptions(0, device), one thread per processor
            this.model = new JavaEngine().load(directory, new LoadOptions(0, EngineProperties.CPU));
            ClassLoader classes = EmbeddingThroughput.class.getClassLoader();
            this.tokenizer = new BertlabTokenizerLoader(ModelRegistry.discover(classes), List.of())
                    .load(directory.resolve("tokenizer.json"), Map.of());
            this.options = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(),
                    Truncation.longestFirst(model.config().maxPositionEmbeddings()), null);
            this.batchSize = batchSize;
        }

        float[][] embed(List<String> texts) {
            float[][] out = new float[texts.size()][];
            for (int start = 0; start < texts.size(); start += batchSize) {
                List<String> chunk = texts.subList(start, Math.min(texts.size(), start + batchSize));
                List<Encoding> encodings = tokenizer.encodeBatch(chunk, options);
                Batch batch = BatchBuilder.of(encodings);
                ForwardResult result = model.forward(batch);
                for (int row = 0; row < chunk.size(); row++) {
                    out[start + row] = Pooling.MEAN.pool(result, batch, row);
                }
            }
            return out;
        }

        @Override
        public void close() {
            model.close();
        }
    }
}
