package io.bertlab.api.glue;

import java.nio.file.Path;
import java.util.List;

/**
 * A split as read from its file: the good examples and the problems with the others.
 *
 * @param file the file read
 * @param split the split
 * @param examples the examples, in file order
 * @param problems the rows that were not examples, in file order
 */
public record Dataset(Path file, Split split, List<Example> examples, List<RowProblem> problems) {

    /**
     * Copies the lists.
     *
     * @param file the file
     * @param split the split
     * @param examples the examples
     * @param problems the problems
     */
    public Dataset {
        examples = List.copyOf(examples);
        problems = List.copyOf(problems);
    }
}
