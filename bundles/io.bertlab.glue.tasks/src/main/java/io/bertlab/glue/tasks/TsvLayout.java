package io.bertlab.glue.tasks;

import java.util.List;
import java.util.Objects;

/**
 * The columns of one GLUE TSV file and which of them the reader needs. GLUE's files differ only in these facts
 * (how many columns, whether there is a header, where the texts, the gold label and the index are), so one reader
 * driven by a layout replaces a reader per task.
 *
 * <p>Layouts are built by naming columns rather than counting them, e.g.
 * {@code TsvLayout.withHeader("index", "sentence1", "sentence2", "label").id("index").texts("sentence1",
 * "sentence2").gold("label", LabelFormat.NAME)}, so that a layout reads like the file's header.
 *
 * @param columns the column names: the header a file must start with, or for a header-less file (CoLA's train and
 *        dev) the names problems are reported under
 * @param header whether the file's first line is a header equal to {@code columns}
 * @param idColumn the column holding the example id ({@code index}, {@code id}), or -1 when ids are row numbers
 * @param textAColumn the first sentence's column, or -1 while the layout is being built
 * @param textBColumn the second sentence's column, or -1 for single-sentence tasks
 * @param goldColumn the gold label's or score's column, or -1 for an unlabelled (test) file
 * @param goldFormat how the gold column is written; {@link LabelFormat#NONE} exactly when there is none
 */
record TsvLayout(List<String> columns, boolean header, int idColumn, int textAColumn, int textBColumn,
        int goldColumn, LabelFormat goldFormat) {

    /**
     * Validates the column positions.
     *
     * @param columns the column names
     * @param header whether there is a header line
     * @param idColumn the id column or -1
     * @param textAColumn the first text's column or -1
     * @param textBColumn the second text's column or -1
     * @param goldColumn the gold column or -1
     * @param goldFormat the gold column's format
     */
    TsvLayout {
        columns = List.copyOf(columns);
        Objects.requireNonNull(goldFormat, "goldFormat");
        for (int column : new int[] {idColumn, textAColumn, textBColumn, goldColumn}) {
            if (column < -1 || column >= columns.size()) {
                throw new IllegalArgumentException("column " + column + " outside " + columns);
            }
        }
        if ((goldColumn == -1) != (goldFormat == LabelFormat.NONE)) {
            throw new IllegalArgumentException("a gold column needs a format and a format needs a column");
        }
    }

    /**
     * A file whose first line is a header naming these columns.
     *
     * @param columns the header's column names
     * @return a layout with no roles assigned yet
     */
    static TsvLayout withHeader(String... columns) {
        return new TsvLayout(List.of(columns), true, -1, -1, -1, -1, LabelFormat.NONE);
    }

    /**
     * A file with no header (CoLA's train and dev), whose columns are known by these names in problem reports.
     *
     * @param columns names for the columns
     * @return a layout with no roles assigned yet
     */
    static TsvLayout withoutHeader(String... columns) {
        return new TsvLayout(List.of(columns), false, -1, -1, -1, -1, LabelFormat.NONE);
    }

    /**
     * Takes example ids from a column instead of row numbers.
     *
     * @param column the id column's name
     * @return the new layout
     */
    TsvLayout id(String column) {
        return new TsvLayout(columns, header, indexOf(column), textAColumn, textBColumn, goldColumn, goldFormat);
    }

    /**
     * Sets the single sentence of a single-sentence task.
     *
     * @param column the sentence's column
     * @return the new layout
     */
    TsvLayout text(String column) {
        return new TsvLayout(columns, header, idColumn, indexOf(column), -1, goldColumn, goldFormat);
    }

    /**
     * Sets the two sentences of a pair task.
     *
     * @param first the first sentence's column
     * @param second the second sentence's column
     * @return the new layout
     */
    TsvLayout texts(String first, String second) {
        return new TsvLayout(columns, header, idColumn, indexOf(first), indexOf(second), goldColumn, goldFormat);
    }

    /**
     * Sets the gold column.
     *
     * @param column the gold label's or score's column
     * @param format how it is written
     * @return the new layout
     */
    TsvLayout gold(String column, LabelFormat format) {
        return new TsvLayout(columns, header, idColumn, textAColumn, textBColumn, indexOf(column), format);
    }

    /** @return the number of tab-separated fields every row must have */
    int width() {
        return columns.size();
    }

    /** @return whether the file carries gold labels or scores */
    boolean labelled() {
        return goldFormat != LabelFormat.NONE;
    }

    /** @return whether rows are sentence pairs */
    boolean pair() {
        return textBColumn >= 0;
    }

    /**
     * The position of a named column; a misspelt name is a bug in a task definition, so it fails at once.
     */
    private int indexOf(String column) {
        int index = columns.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("no column " + column + " in " + columns);
        }
        return index;
    }
}
