package io.bertlab.benchmarks;

import io.bertlab.analysis.EngineAttentionCapture;
import io.bertlab.analysis.attribution.IntegratedGradients;
import io.bertlab.api.analysis.AttributionMethod;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.LoadOptions;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link AnalysisBenchmark}'s work timed by the process's CPU time as well as the wall clock, with forward and capture
 * alternating call by call, for a machine whose load moves the wall-clock rates of a JMH run by ±100 %: CPU time
 * counts what the calls cost (every thread of the process: the engines' compute threads, natives included; also the
 * JIT and GC, negligible once warm), not how long they waited for a core. Capture's overhead is the median of the
 * per-round ratios capture / forward.
 *
 * <pre>
 * java --add-modules jdk.incubator.vector -cp ... io.bertlab.benchmarks.AnalysisCpuRace \
 *   [--engines bertlab-java,bertlab-mxnet] [--warmup 5] [--rounds 12] [--ig 3]
 * </pre>
 *
 * A busy core still costs CPU time through cache and memory-bandwidth contention, and a compute thread that spins
 * while it waits for another (OpenMP's barriers, as in libtorch) is counted, so CPU time is an upper bound of the
 * quiet cost, not the quiet cost itself.
 */
public final class AnalysisCpuRace {

    private static final String[] OPERATIONS = {"forward short", "capture short", "forward long", "capture long"};

    /** Calls per timed block: the short text's calls take about 10-20 ms, the long text's 50-150 ms. */
    private static final int[] REPEATS = {10, 10, 3, 3};

    private AnalysisCpuRace() {
    }

    public static void main(String[] args) throws Exception {
        List<String> engines = List.of("bertlab-java", "bertlab-pytorch", "bertlab-mxnet");
        int warmup = 5;
        int rounds = 12;
        int ig = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--engines" -> engines = List.of(args[++i].split(","));
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--ig" -> ig = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Tokenizer tokenizer = AnalysisBenchmark.tokenizer();
        String shortText = AnalysisBenchmark.shortText();
        String longText = AnalysisBenchmark.longText();
        System.out.printf(Locale.ROOT, "load %s", loadAverage());
        System.out.printf(Locale.ROOT, "%-16s %-14s %12s %12s%n", "engine", "what", "cpu ms", "wall ms");
        for (String engine : engines) {
            try (Model model = Engines.named(engine).load(AnalysisBenchmark.directory(), LoadOptions.threads(2))) {
                EngineAttentionCapture capture = new EngineAttentionCapture();
                Runnable[] operations = {
                    () -> forward(model, tokenizer, shortText),
                    () -> capture.capture(model, tokenizer, shortText, null),
                    () -> forward(model, tokenizer, longText),
                    () -> capture.capture(model, tokenizer, longText, null),
                };
                for (int r = 0; r < warmup; r++) {
                    for (int c = 0; c < operations.length; c++) {
                        for (int i = 0; i < REPEATS[c]; i++) {
                            operations[c].run();
                        }
                    }
                }
                double[][] cpu = new double[operations.length][rounds];
                double[][] wall = new double[operations.length][rounds];
                for (int r = 0; r < rounds; r++) {
                    for (int k = 0; k < operations.length; k++) {
                        // forward and capture of a text take turns, the pair's order swapped every round; each
                        // turn is a block of calls, long enough for the process clock's 10 ms ticks
                        int c = (r % 2 == 0) ? k : (k ^ 1);
                        int repeats = REPEATS[c];
                        long cpu0 = cpuNanos();
                        long wall0 = System.nanoTime();
                        for (int i = 0; i < repeats; i++) {
                            operations[c].run();
                        }
                        wall[c][r] = (System.nanoTime() - wall0) / 1e6 / repeats;
                        cpu[c][r] = (cpuNanos() - cpu0) / 1e6 / repeats;
                    }
                }
                for (int c = 0; c < operations.length; c++) {
                    System.out.printf(Locale.ROOT, "%-16s %-14s %12.1f %12.1f%n", engine, OPERATIONS[c],
                            median(cpu[c]), median(wall[c]));
                }
                for (int t = 0; t < 2; t++) {
                    System.out.printf(Locale.ROOT, "%-16s %-14s %12.2f %12.2f%n", engine,
                            "capture/fwd " + (t == 0 ? "S" : "L"), medianRatio(cpu[2 * t + 1], cpu[2 * t]),
                            medianRatio(wall[2 * t + 1], wall[2 * t]));
                }
                if (ig > 0) {
                    HeadSpec.Classification head = new HeadSpec.Classification("classifier", 2,
                            HeadSpec.Pooling.MEAN);
                    try (TrainingSession session = model.openSession(new TrainingSpec(List.of(head), null, 42))) {
                        IntegratedGradients method = new IntegratedGradients();
                        Runnable attribute = () -> method.attribute(session, tokenizer, shortText, null,
                                new OutputSelector(head.name(), 1), AttributionMethod.Baseline.PAD_TOKENS,
                                AttributionMethod.Rule.GAUSS_LEGENDRE, 50);
                        attribute.run();
                        double[] igCpu = new double[ig];
                        double[] igWall = new double[ig];
                        for (int r = 0; r < ig; r++) {
                            long cpu0 = cpuNanos();
                            long wall0 = System.nanoTime();
                            attribute.run();
                            igWall[r] = (System.nanoTime() - wall0) / 1e6;
                            igCpu[r] = (cpuNanos() - cpu0) / 1e6;
                        }
                        System.out.printf(Locale.ROOT, "%-16s %-14s %12.1f %12.1f%n", engine, "IG-50 short",
                                median(igCpu), median(igWall));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "load %s", loadAverage());
        }
    }

    private static Object forward(Model model, Tokenizer tokenizer, String text) {
        Encoding encoding = EngineAttentionCapture.encode(model, tokenizer, text, null);
        int[] mask = new int[encoding.length()];
        Arrays.fill(mask, 1);
        return model.forward(new Batch(new int[][] {encoding.ids()}, new int[][] {encoding.typeIds()},
                new int[][] {mask})).lastHiddenState();
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double medianRatio(double[] numerators, double[] denominators) {
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < numerators.length; i++) {
            ratios.add(numerators[i] / denominators[i]);
        }
        return median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"));
        } catch (java.io.IOException e) {
            return "unknown\n";
        }
    }
}
