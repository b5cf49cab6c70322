package io.bertlab.model.service.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed in columns as wide as their widest cell, so a long value (a version, a path) never pushes the rest
 * of its row out of line. The last column is not padded.
 */
final class TextTable {

    private final List<List<String>> rows = new ArrayList<>();

    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(String.valueOf(cell));
        }
        rows.add(row);
        return this;
    }

    void print(PrintStream out) {
        List<Integer> widths = new ArrayList<>();
        for (List<String> row : rows) {
            for (int column = 0; column < row.size() - 1; column++) {
                if (widths.size() <= column) {
                    widths.add(0);
                }
                widths.set(column, Math.max(widths.get(column), row.get(column).length()));
            }
        }
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.size(); column++) {
                String cell = row.get(column);
                line.append(cell);
                if (column < row.size() - 1) {
                    line.append(" ".repeat(widths.get(column) - cell.length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
