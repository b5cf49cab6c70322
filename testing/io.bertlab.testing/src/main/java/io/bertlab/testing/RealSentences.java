package io.bertlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Real text from {@code ../shared/data}: lines of the plain-text corpora and fields of the GLUE TSV files (split on
 * tabs, as distributed), and sentence pairs from MRPC and RTE.
 */
public final class RealSentences {

    /**
     * A single sentence ({@code second == null}) or a pair.
     *
     * @param source the file it comes from
     * @param first the sentence, or the pair's first sentence
     * @param second the pair's second sentence, or {@code null}
     */
    public record Input(String source, String first, String second) {
    }

    private static final int MIN_CHARS = 20;

    private RealSentences() {
    }

    /**
     * Up to {@code perFile} inputs from each text file and each GLUE TSV file, in file order, and as many pairs from
     * MRPC and RTE.
     *
     * @param perFile how many inputs to take from each file
     * @return the inputs
     */
    public static List<Input> collect(int perFile) {
        List<Input> inputs = new ArrayList<>();
        for (Path file : files(SharedData.require("text"), ".txt")) {
            lines(file).stream().map(String::strip).filter(l -> l.length() >= MIN_CHARS).limit(perFile)
                    .forEach(l -> inputs.add(new Input(file.toString(), l, null)));
        }
        for (Path file : files(SharedData.require("glue"), ".tsv")) {
            lines(file).stream().skip(1).map(l -> longestField(l.split("\t"))).filter(f -> f.length() >= MIN_CHARS)
                    .limit(perFile).forEach(f -> inputs.add(new Input(file.toString(), f, null)));
        }
        addPairs(inputs, SharedData.require("glue/MRPC/dev.tsv"), "#1 String", "#2 String", perFile);
        addPairs(inputs, SharedData.require("glue/RTE/dev.tsv"), "sentence1", "sentence2", perFile);
        return inputs;
    }

    private static void addPairs(List<Input> inputs, Path file, String firstColumn, String secondColumn,
            int perFile) {
        List<String> lines = lines(file);
        List<String> header = List.of(lines.get(0).replace("\uFEFF", "").split("\t"));
        int first = header.indexOf(firstColumn);
        int second = header.indexOf(secondColumn);
        if (first < 0 || second < 0) {
            throw new IllegalStateException(file + ": header " + header + " lacks " + firstColumn + " or " + secondColumn);
        }
        lines.stream().skip(1).map(l -> l.split("\t")).filter(f -> f.length > Math.max(first, second))
                .limit(perFile).forEach(f -> inputs.add(new Input(file.toString(), f[first], f[second])));
    }

    private static String longestField(String[] fields) {
        String longest = "";
        for (String f : fields) {
            if (f.length() > longest.length()) {
                longest = f;
            }
        }
        return longest;
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }
}
