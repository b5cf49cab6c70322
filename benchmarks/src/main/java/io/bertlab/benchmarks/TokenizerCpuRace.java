package io.bertlab.benchmarks;

import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Versions of the tokenizer bundles against each other in one JVM, for a loaded machine where JMH's wall-clock
 * numbers move with the load: each version's {@code io.bertlab.tokenizer.*} jars are loaded in a class loader of
 * their own (the API, Jackson and the rest come from the class path), and the versions take turns encoding the same
 * texts, counting the thread's CPU time and allocated bytes. Each (version, tokenizer, text) has a tokenizer instance
 * of its own, as each JMH fork has, so that a model's caches hold the words of the text it encodes (a BPE cache
 * keeps the first 10,000 words it sees).
 *
 * <pre>
 * java -cp "benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)" io.bertlab.benchmarks.TokenizerCpuRace \
 *   --version before=$OLD/io.bertlab.tokenizer.core-0.1.0-SNAPSHOT.jar:$OLD/io.bertlab.tokenizer.bpe-0.1.0-SNAPSHOT.jar \
 *   --version after=$NEW/io.bertlab.tokenizer.core-0.1.0-SNAPSHOT.jar:$NEW/io.bertlab.tokenizer.bpe-0.1.0-SNAPSHOT.jar \
 *   --tokenizers gpt2,roberta-base --texts text/botchan_en.txt,text/dom_casmurro_pt.txt \
 *   --warmup 3 --rounds 15 --slice-ms 500
 * </pre>
 *
 * <p>{@code $OLD} and {@code $NEW} are folders holding each version's jars (say the jars built from a stash, copied
 * aside, and those just built). A version's jars must include {@code io.bertlab.tokenizer.core} and the model bundles
 * the tokenizers need; the defaults are the tokenizers and texts above, with 12 rounds of 400 ms. A round runs every (text, tokenizer, version) once, each
 * encoding the text's lines (non-blank, one at a time, as {@link TokenizerEncodeBenchmark} does) until
 * {@code --slice-ms} of CPU time has passed; the versions' order alternates round by round. Before measuring, the
 * versions' encodings of every line are compared (ids, tokens, type ids, masks, offsets, word and sequence ids,
 * overflowing parts): a difference stops the race. Data from {@code -Dbertlab.data} as for JMH.
 *
 * <p>Prints, over the measured rounds, the median MB/s (UTF-8 input per CPU second, with the lowest and highest) and
 * allocated bytes per input byte of each version, tokenizer and text; then the median of the round-by-round ratios
 * of each version to the first, and of each tokenizer to the first within a version (rounds pair up in order, so a
 * ratio compares measurements taken seconds apart).
 */
public final class TokenizerCpuRace {

    private TokenizerCpuRace() {
    }

    /**
     * Runs the race.
     *
     * @param args see the class comment
     * @throws Exception when loading fails
     */
    public static void main(String[] args) throws Exception {
        Map<String, List<Path>> versions = new LinkedHashMap<>();
        List<String> tokenizers = List.of("gpt2", "roberta-base");
        List<String> texts = List.of("text/botchan_en.txt", "text/dom_casmurro_pt.txt");
        int warmup = 3;
        int rounds = 12;
        long sliceNanos = 400_000_000L;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--version": {
                    String v = args[++i];
                    int eq = v.indexOf('=');
                    List<Path> jars = new ArrayList<>();
                    for (String jar : v.substring(eq + 1).split(":")) {
                        jars.add(Paths.get(jar).toAbsolutePath());
                    }
                    versions.put(v.substring(0, eq), jars);
                    break;
                }
                case "--tokenizers":
                    tokenizers = Arrays.asList(args[++i].split(","));
                    break;
                case "--texts":
                    texts = Arrays.asList(args[++i].split(","));
                    break;
                case "--warmup":
                    warmup = Integer.parseInt(args[++i]);
                    break;
                case "--rounds":
                    rounds = Integer.parseInt(args[++i]);
                    break;
                case "--slice-ms":
                    sliceNanos = Long.parseLong(args[++i]) * 1_000_000L;
                    break;
                default:
                    throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("no --version NAME=JAR:JAR...");
        }
        ClassLoader shared = new WithoutTokenizerBundles(TokenizerCpuRace.class.getClassLoader());
        List<String> names = new ArrayList<>(versions.keySet());
        Map<String, Map<String, Tokenizer>> loaded = new LinkedHashMap<>();
        for (String name : names) {
            URL[] urls = new URL[versions.get(name).size()];
            for (int j = 0; j < urls.length; j++) {
                urls[j] = versions.get(name).get(j).toUri().toURL();
            }
            ClassLoader loader = new URLClassLoader("tokenizers-" + name, urls, shared);
            // One instance per text, as JMH forks per parameter: a model's caches fill with the words of its text.
            Map<String, Tokenizer> byName = new LinkedHashMap<>();
            for (String tokenizer : tokenizers) {
                for (String text : texts) {
                    byName.put(tokenizer + "\t" + text, load(loader, tokenizer));
                }
            }
            loaded.put(name, byName);
        }
        Map<String, List<String>> lines = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (String text : texts) {
            lines.put(text, BenchmarkData.lines(text));
            bytes.put(text, BenchmarkData.utf8Bytes(lines.get(text)));
        }
        checkSameOutputs(names, loaded, tokenizers, lines);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> samples = new LinkedHashMap<>();
        for (int round = 0; round < warmup + rounds; round++) {
            List<String> order = new ArrayList<>(names);
            if (round % 2 == 1) {
                Collections.reverse(order);
            }
            for (String text : texts) {
                for (String tokenizer : tokenizers) {
                    for (String name : order) {
                        Tokenizer t = loaded.get(name).get(tokenizer + "\t" + text);
                        long allocated0 = threads.getCurrentThreadAllocatedBytes();
                        long cpu0 = threads.getCurrentThreadCpuTime();
                        long passes = 0;
                        long cpu;
                        do {
                            int sink = 0;
                            for (String line : lines.get(text)) {
                                sink += t.encode(line).ids().length;
                            }
                            if (sink < 0) {
                                throw new AssertionError();
                            }
                            passes++;
                            cpu = threads.getCurrentThreadCpuTime() - cpu0;
                        } while (cpu < sliceNanos);
                        long allocated = threads.getCurrentThreadAllocatedBytes() - allocated0;
                        double input = (double) passes * bytes.get(text);
                        if (round >= warmup) {
                            samples.computeIfAbsent(name + "\t" + tokenizer + "\t" + text, k -> new ArrayList<>())
                                    .add(new double[] {input / (cpu / 1e9) / 1e6, allocated / input});
                        }
                    }
                }
            }
            System.err.printf("round %d/%d done%s%n", round + 1, warmup + rounds, round < warmup ? " (warm-up)" : "");
        }
        System.out.printf("%-14s %-14s %-28s %10s %10s %10s %12s%n", "version", "tokenizer", "text", "MB/s", "min",
                "max", "bytes/byte");
        for (Map.Entry<String, List<double[]>> e : samples.entrySet()) {
            String[] key = e.getKey().split("\t");
            double[] rates = e.getValue().stream().mapToDouble(s -> s[0]).sorted().toArray();
            double[] allocation = e.getValue().stream().mapToDouble(s -> s[1]).sorted().toArray();
            System.out.printf("%-14s %-14s %-28s %10.2f %10.2f %10.2f %12.1f%n", key[0], key[1], key[2],
                    median(rates), rates[0], rates[rates.length - 1], median(allocation));
        }
        for (String tokenizer : names.size() > 1 ? tokenizers : List.<String>of()) {
            for (String text : texts) {
                StringBuilder line = new StringBuilder(String.format("%-14s %-28s", tokenizer, text));
                for (String name : names.subList(1, names.size())) {
                    line.append(String.format("  %s/%s %.3f", name, names.get(0),
                            pairedRatio(samples.get(name + "\t" + tokenizer + "\t" + text),
                                    samples.get(names.get(0) + "\t" + tokenizer + "\t" + text))));
                }
                System.out.println(line);
            }
        }
        for (String name : names) {
            for (String tokenizer : tokenizers.subList(1, tokenizers.size())) {
                StringBuilder line = new StringBuilder(String.format("%-14s %s/%s", name, tokenizer,
                        tokenizers.get(0)));
                for (String text : texts) {
                    line.append(String.format("  %s %.3f", text, pairedRatio(
                            samples.get(name + "\t" + tokenizer + "\t" + text),
                            samples.get(name + "\t" + tokenizers.get(0) + "\t" + text))));
                }
                System.out.println(line);
            }
        }
    }

    private static Tokenizer load(ClassLoader loader, String tokenizer) throws Exception {
        Class<?> files = Class.forName("io.bertlab.tokenizer.core.TokenizerFiles", true, loader);
        Class<?> registry = Class.forName("io.bertlab.tokenizer.core.ModelRegistry", true, loader);
        Object models = registry.getMethod("discover", ClassLoader.class).invoke(null, loader);
        Path file = BenchmarkData.file("tokenizers/" + tokenizer).resolve("tokenizer.json");
        return (Tokenizer) files.getMethod("load", Path.class, Map.class, registry)
                .invoke(null, file, Map.of(), models);
    }

    /** The median of the round-by-round ratios of two series of rates (rounds pair up in order). */
    private static double pairedRatio(List<double[]> a, List<double[]> b) {
        double[] ratios = new double[Math.min(a.size(), b.size())];
        for (int i = 0; i < ratios.length; i++) {
            ratios[i] = a.get(i)[0] / b.get(i)[0];
        }
        Arrays.sort(ratios);
        return median(ratios);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static void checkSameOutputs(List<String> names, Map<String, Map<String, Tokenizer>> loaded,
            List<String> tokenizers, Map<String, List<String>> lines) {
        for (String tokenizer : tokenizers) {
            for (Map.Entry<String, List<String>> text : lines.entrySet()) {
                for (String line : text.getValue()) {
                    String key = tokenizer + "\t" + text.getKey();
                    String reference = describe(loaded.get(names.get(0)).get(key).encode(line));
                    for (String name : names.subList(1, names.size())) {
                        String other = describe(loaded.get(name).get(key).encode(line));
                        if (!reference.equals(other)) {
                            throw new IllegalStateException(tokenizer + ", " + text.getKey() + ": " + names.get(0)
                                    + " and " + name + " differ on \"" + line + "\":\n" + reference + "\n" + other);
                        }
                    }
                }
            }
        }
    }

    private static String describe(Encoding e) {
        StringBuilder s = new StringBuilder();
        s.append(Arrays.toString(e.ids())).append(Arrays.toString(e.tokens())).append(Arrays.toString(e.typeIds()))
                .append(Arrays.toString(e.attentionMask())).append(Arrays.toString(e.specialTokensMask()))
                .append(Arrays.toString(e.offsetStarts())).append(Arrays.toString(e.offsetEnds()))
                .append(Arrays.toString(e.wordIds())).append(Arrays.toString(e.sequenceIds()));
        for (Encoding part : e.overflowing()) {
            s.append("|").append(describe(part));
        }
        return s.toString();
    }

    /**
     * The class path less the tokenizer bundles, so that each version's class loader defines its own: their classes
     * and their service files ({@code META-INF/services/io.bertlab.tokenizer...}) are not found here.
     */
    private static final class WithoutTokenizerBundles extends ClassLoader {
        WithoutTokenizerBundles(ClassLoader parent) {
            super("without-tokenizer-bundles", parent);
        }

        private static boolean hidden(String resource) {
            return resource.startsWith("io/bertlab/tokenizer/")
                    || resource.startsWith("META-INF/services/io.bertlab.tokenizer.");
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("io.bertlab.tokenizer.")) {
                throw new ClassNotFoundException(name);
            }
            return super.loadClass(name, resolve);
        }

        @Override
        public URL getResource(String name) {
            return hidden(name) ? null : super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return hidden(name) ? Collections.emptyEnumeration() : super.getResources(name);
        }
    }
}
