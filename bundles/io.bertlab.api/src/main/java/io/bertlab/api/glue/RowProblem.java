package io.bertlab.api.glue;

import java.nio.file.Path;

/**
 * A row that could not be read as an example, kept so that it is reported rather than silently dropped.
 *
 * @param file the file
 * @param line the 1-based line number
 * @param field the column that was wrong, e.g. {@code label}, or {@code row} for a wrong number of columns
 * @param message what was found and what was expected
 */
public record RowProblem(Path file, long line, String field, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + field + ": " + message;
    }
}
