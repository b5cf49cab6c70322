package io.bertlab.tokenizer.huggingface;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real inputs of the parity suite: every line of every file under {@code text/}, every sentence of the GLUE
 * TSV files (split on tabs, no quoting; sentence columns found by their header names, CoLA's headerless files by
 * position), and sentence pairs (GLUE's pair tasks and consecutive text lines). A deterministic sample keeps every
 * {@code stride}-th input of each file, so that each file and language stays represented.
 */
final class ParityInputs {

    private static final Set<String> SENTENCE_COLUMNS = Set.of("sentence", "sentence1", "sentence2", "question",
            "#1 String", "#2 String");

    final List<String> singles = new ArrayList<>();
    final List<String[]> pairs = new ArrayList<>();

    static ParityInputs load(Path textRoot, Path glueRoot, int stride) {
        ParityInputs inputs = new ParityInputs();
        for (Path file : files(textRoot, "")) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i += stride) {
                inputs.singles.add(lines.get(i));
                if (i + 1 < lines.size()) {
                    inputs.pairs.add(new String[] {lines.get(i), lines.get(i + 1)});
                }
            }
        }
        for (Path file : files(glueRoot, ".tsv")) {
            inputs.addGlue(file, stride);
        }
        return inputs;
    }

    private void addGlue(Path file, int stride) {
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            return;
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split("\t", -1);
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (SENTENCE_COLUMNS.contains(header[c])) {
                columns.add(c);
            }
        }
        int first = 1;
        if (columns.isEmpty()) {
            // CoLA train/dev: no header; source, label, original label, sentence.
            columns.add(3);
            first = 0;
        }
        for (int i = first; i < lines.size(); i += stride) {
            String[] fields = lines.get(i).split("\t", -1);
            List<String> sentences = new ArrayList<>();
            for (int c : columns) {
                if (c < fields.length) {
                    sentences.add(fields[c]);
                }
            }
            singles.addAll(sentences);
            if (sentences.size() == 2) {
                pairs.add(sentences.toArray(new String[0]));
            }
        }
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
