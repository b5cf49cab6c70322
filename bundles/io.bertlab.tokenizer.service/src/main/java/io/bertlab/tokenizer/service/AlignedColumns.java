package io.bertlab.tokenizer.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Named rows whose cells line up in columns, each as wide as its widest cell. Widths count code points, so that
 * accented and non-Latin tokens do not push later columns out of line.
 */
final class AlignedColumns {

    private AlignedColumns() {
    }

    /**
     * The rows as lines, without trailing spaces.
     *
     * @param names one name per row, printed first
     * @param nameWidth the width the names are padded to
     * @param cells one array of cells per row; rows may differ in length
     * @return one line per row
     */
    static List<String> lines(String[] names, int nameWidth, String[][] cells) {
        int columns = 0;
        for (String[] row : cells) {
            columns = Math.max(columns, row.length);
        }
        int[] widths = new int[columns];
        for (String[] row : cells) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], width(row[i]));
            }
        }
        List<String> lines = new ArrayList<>(names.length);
        for (int r = 0; r < names.length; r++) {
            StringBuilder line = new StringBuilder(padRight(names[r], nameWidth));
            for (int i = 0; i < cells[r].length; i++) {
                line.append(' ').append(padRight(cells[r][i], widths[i]));
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** The number of code points, the width this class aligns by. */
    static int width(String text) {
        return text.codePointCount(0, text.length());
    }

    static String padRight(String text, int width) {
        return text + " ".repeat(Math.max(0, width - width(text)));
    }

    static String padLeft(String text, int width) {
        return " ".repeat(Math.max(0, width - width(text))) + text;
    }

    static String[] strings(int[] values) {
        String[] strings = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            strings[i] = Integer.toString(values[i]);
        }
        return strings;
    }
}
