package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Example;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Turns the fields of one data row into an {@link Example}, or says which field is wrong and why.
 */
final class RowParser {

    /** STS-B's scores in GLUE's files ({@code 5.000}, {@code 0}); stricter than {@link Double#parseDouble}, which
     * would also take {@code NaN}, {@code Infinity}, {@code 1d} and hex floats. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    /** A label index: at most 9 digits, so that parseInt cannot overflow; no GLUE task has more than 3 labels. */
    private static final Pattern LABEL_INDEX = Pattern.compile("\\d{1,9}");

    /** STS-B's similarity scale. */
    static final double MIN_SCORE = 0.0;
    static final double MAX_SCORE = 5.0;

    private final TsvLayout layout;
    private final List<String> labels;

    /**
     * A parser for rows of one layout.
     *
     * @param layout the file's layout
     * @param labels the task's labels in index order (empty for regression)
     */
    RowParser(TsvLayout layout, List<String> labels) {
        this.layout = layout;
        this.labels = List.copyOf(labels);
    }

    /**
     * Parses one row.
     *
     * @param fields the row split on tabs, BOMs already removed
     * @param line the row's 1-based line, for the example
     * @param rowNumber the row's 0-based position among the data rows, its id where the file has no id column
     * @return the example
     * @throws BadRow naming the field at fault
     */
    Example parse(String[] fields, long line, long rowNumber) throws BadRow {
        if (fields.length != layout.width()) {
            throw new BadRow("row", "found " + fields.length + " column" + (fields.length == 1 ? "" : "s")
                    + ", expected " + layout.width() + " (" + String.join(", ", layout.columns()) + ")");
        }
        String id = layout.idColumn() < 0 ? Long.toString(rowNumber) : nonBlank(fields, layout.idColumn());
        String textA = nonBlank(fields, layout.textAColumn());
        String textB = layout.pair() ? nonBlank(fields, layout.textBColumn()) : null;
        int label = Example.NO_LABEL;
        double score = Double.NaN;
        switch (layout.goldFormat()) {
            case INDEX -> label = labelIndex(fields[layout.goldColumn()]);
            case NAME -> label = labelName(fields[layout.goldColumn()]);
            case SCORE -> score = score(fields[layout.goldColumn()]);
            case NONE -> {
                // a test split: no gold
            }
        }
        return new Example(id, textA, textB, label, score, line);
    }

    /** Texts are kept exactly as written (SST-2's end in a space, as HF's copies do); only blank ones are refused,
     * since there is nothing to classify. */
    private String nonBlank(String[] fields, int column) throws BadRow {
        String value = fields[column];
        if (value.isBlank()) {
            throw new BadRow(layout.columns().get(column), layout.columns().get(column) + " is empty");
        }
        return value;
    }

    private int labelIndex(String value) throws BadRow {
        if (LABEL_INDEX.matcher(value).matches()) {
            int index = Integer.parseInt(value);
            if (index < labels.size()) {
                return index;
            }
        }
        throw new BadRow("label", "label \"" + value + "\" is not one of " + IntStream.range(0, labels.size())
                .mapToObj(i -> i + " (" + labels.get(i) + ")").collect(Collectors.joining(", ")));
    }

    private int labelName(String value) throws BadRow {
        int index = labels.indexOf(value);
        if (index < 0) {
            throw new BadRow("label", "label \"" + value + "\" is not one of " + String.join(", ", labels));
        }
        return index;
    }

    private double score(String value) throws BadRow {
        if (!DECIMAL.matcher(value).matches()) {
            throw new BadRow("score", "score \"" + value + "\" is not a number");
        }
        double score = Double.parseDouble(value);
        if (score < MIN_SCORE || score > MAX_SCORE) {
            throw new BadRow("score", "score " + value + " is outside [0, 5]");
        }
        return score;
    }

    /**
     * A row that is not an example; becomes a {@link io.bertlab.api.glue.RowProblem}. Checked, so that no caller
     * can forget to record it.
     */
    static final class BadRow extends Exception {

        private static final long serialVersionUID = 1L;

        private final String field;

        /**
         * A problem with one field.
         *
         * @param field the column at fault, or {@code row} for the row as a whole
         * @param message what was found and what was expected
         */
        BadRow(String field, String message) {
            super(message, null, false, false); // no stack trace: this is data, not a bug
            this.field = field;
        }

        /** @return the column at fault */
        String field() {
            return field;
        }
    }
}
