package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.RowProblem;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a GLUE TSV file as {@code download_glue_data.py} distributes it: UTF-8, one row per line, fields split on
 * tabs with no quoting at all. GLUE's texts contain stray {@code "} characters (MRPC, RTE, STS-B) that a CSV parser
 * would treat as quotes and so merge rows; here a quote is just text.
 *
 * <p>Nothing is lost silently: every line that is not an example (wrong number of columns, unknown label, bad
 * score, empty text, invalid UTF-8, a wrong header) becomes a {@link RowProblem} in the dataset. Blank lines are
 * skipped, as HF {@code datasets}' reader does, since they hold nothing.
 */
final class GlueTsvReader {

    /** U+FEFF: MRPC's train and dev files start with it; it is dropped wherever a field starts with it. */
    private static final char BOM = '\uFEFF';

    private final String task;
    private final List<String> labels;

    /**
     * A reader for one task's files.
     *
     * @param task the task's name, for messages
     * @param labels the task's labels in index order (empty for regression)
     */
    GlueTsvReader(String task, List<String> labels) {
        this.task = task;
        this.labels = List.copyOf(labels);
    }

    /**
     * Reads one split's file.
     *
     * @param file the file
     * @param split the split it holds
     * @param layout its layout
     * @return the examples and the problems, both in file order
     * @throws NoSuchFileException naming the file and the task when it does not exist
     * @throws IOException when it cannot be read
     */
    Dataset read(Path file, Split split, TsvLayout layout) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null,
                    "no such file: the " + task + " task's " + split.name() + " split is expected there");
        }
        RowParser parser = new RowParser(layout, labels);
        List<Example> examples = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        long rowNumber = 0;
        boolean headerPending = layout.header();
        try (Utf8Lines lines = new Utf8Lines(Files.newInputStream(file))) {
            while (lines.next()) {
                long line = lines.number();
                if (lines.text() == null) {
                    problems.add(new RowProblem(file, line, "encoding", lines.error()));
                    if (headerPending) {
                        headerPending = false;
                    } else {
                        rowNumber++; // the row exists, so later rows keep their row-number ids
                    }
                    continue;
                }
                if (lines.text().isEmpty() && !headerPending) {
                    continue;
                }
                String[] fields = split(lines.text());
                if (headerPending) {
                    headerPending = false;
                    checkHeader(file, line, fields, layout).ifPresent(problems::add);
                    continue;
                }
                try {
                    examples.add(parser.parse(fields, line, rowNumber));
                } catch (RowParser.BadRow bad) {
                    problems.add(new RowProblem(file, line, bad.field(), bad.getMessage()));
                }
                rowNumber++;
            }
        }
        return new Dataset(file, split, examples, problems);
    }

    /**
     * Splits on every tab, keeping empty fields (CoLA's third column is usually empty) and trailing ones (limit -1),
     * and drops a byte-order mark at the start of any field: MRPC's files start with one, and files that were
     * concatenated carry one at the start of a later line.
     */
    private static String[] split(String text) {
        String[] fields = text.split("\t", -1);
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            int start = 0;
            while (start < field.length() && field.charAt(start) == BOM) {
                start++;
            }
            if (start > 0) {
                fields[i] = field.substring(start);
            }
        }
        return fields;
    }

    /**
     * A header that is not the expected one usually means a different file or a header-less copy whose first
     * example would otherwise vanish as a "header"; either way it is reported.
     */
    private static Optional<RowProblem> checkHeader(Path file, long line, String[] fields,
            TsvLayout layout) {
        List<String> found = List.of(fields);
        if (found.equals(layout.columns())) {
            return Optional.empty();
        }
        return Optional.of(new RowProblem(file, line, "header", "found header "
                + String.join(" | ", found) + ", expected " + String.join(" | ", layout.columns())));
    }
}
