package io.bertlab.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The real inputs of the parity test: every line of every file under {@code text/}, and every sentence of the GLUE
 * TSV files (split on tabs, no quoting; sentence columns found by header name, CoLA's headerless files by
 * position).
 */
public final class SharedCorpus {

    private static final Set<String> SENTENCE_COLUMNS = Set.of("sentence", "sentence1", "sentence2", "question",
            "#1 String", "#2 String");
    /** CoLA's train and dev files have no header: source, label, original label, sentence. */
    private static final int COLA_SENTENCE_COLUMN = 3;

    private SharedCorpus() {
    }

    /**
     * Every text line and GLUE sentence, in a stable order (files sorted by path).
     *
     * @param textRoot the {@code text} folder of the shared data
     * @param glueRoot the {@code glue} folder of the shared data
     * @return the inputs
     */
    public static List<String> texts(Path textRoot, Path glueRoot) {
        List<String> texts = new ArrayList<>();
        for (Path file : files(textRoot, "")) {
            texts.addAll(lines(file));
        }
        for (Path file : files(glueRoot, ".tsv")) {
            texts.addAll(glueSentences(file));
        }
        return texts;
    }

    /**
     * Every text line and GLUE sentence of the shared data.
     *
     * @return the inputs
     */
    public static List<String> texts() {
        return texts(SharedData.require("text"), SharedData.require("glue"));
    }

    /**
     * Every {@code stride}-th element, from the first: a deterministic sample.
     *
     * @param all the full list
     * @param stride 1 for all
     * @return the sample
     */
    public static List<String> everyNth(List<String> all, int stride) {
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < all.size(); i += stride) {
            sample.add(all.get(i));
        }
        return sample;
    }

    /**
     * The sentences of each row of a GLUE TSV file (one for single-sentence tasks, two for pair tasks), in order.
     *
     * @param file the TSV file
     * @return one list of sentences per data row
     */
    public static List<List<String>> glueRows(Path file) {
        List<String> lines = lines(file);
        List<List<String>> rows = new ArrayList<>();
        if (lines.isEmpty()) {
            return rows;
        }
        String[] header = lines.get(0).replace("\uFEFF", "").split("\t", -1);
        List<Integer> columns = new ArrayList<>();
        for (int c = 0; c < header.length; c++) {
            if (SENTENCE_COLUMNS.contains(header[c])) {
                columns.add(c);
            }
        }
        int firstRow = 1;
        if (columns.isEmpty()) {
            columns.add(COLA_SENTENCE_COLUMN);
            firstRow = 0;
        }
        for (String line : lines.subList(firstRow, lines.size())) {
            String[] fields = line.split("\t", -1);
            List<String> sentences = new ArrayList<>();
            for (int c : columns) {
                if (c < fields.length) {
                    sentences.add(fields[c]);
                }
            }
            rows.add(sentences);
        }
        return rows;
    }

    private static List<String> glueSentences(Path file) {
        List<String> sentences = new ArrayList<>();
        glueRows(file).forEach(sentences::addAll);
        return sentences;
    }

    /**
     * The regular files under a folder whose names end so, sorted by path.
     *
     * @param root the folder
     * @param suffix the ending, or "" for all
     * @return the files
     */
    public static List<Path> files(Path root, String suffix) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A UTF-8 file's lines (LF or CRLF), without a final empty one.
     *
     * @param file the file
     * @return the lines
     */
    public static List<String> lines(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
