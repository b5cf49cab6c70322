package io.bertlab.task.assin2;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.RowProblem;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the two ASSIN 2 tasks share: the data folder, the splits, the XML reader and the submission writer. A task
 * adds the attribute it learns ({@code entailment} or {@code similarity}), how that attribute's text becomes a label
 * or a score, and how a prediction is written back.
 */
abstract class Assin2Task implements GlueTask {

    /** The folder both tasks read, under a data root. */
    static final String DATA_FOLDER = "assin2";

    /**
     * ASSIN 2 as distributed: train without dev (6500 pairs), dev (500) and the gold-labelled test set (2448).
     */
    static final List<Split> SPLITS = List.of(
            new Split("train", "assin2-train-only.xml", true),
            new Split("dev", "assin2-dev.xml", true),
            new Split("test", "assin2-test.xml", true));

    /** A label attribute that a task cannot read; its message becomes a {@link RowProblem}'s. */
    static final class BadValue extends Exception {

        private static final long serialVersionUID = 1L;

        BadValue(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The pair attribute this task learns.
     *
     * @return {@code entailment} or {@code similarity}
     */
    abstract String labelAttribute();

    /**
     * What the label attribute may hold, for messages.
     *
     * @return e.g. {@code None or Entailment}
     */
    abstract String expectedValues();

    /**
     * The example of a pair whose label attribute is given.
     *
     * @param pair the pair
     * @param value the label attribute's text
     * @return the example
     * @throws BadValue when the text is not a label of this task
     */
    abstract Example labelled(AssinXmlReader.Pair pair, String value) throws BadValue;

    /**
     * The attributes a prediction writes besides {@code id}.
     *
     * @param prediction the prediction
     * @return attribute name to value
     * @throws IllegalArgumentException when the prediction has no value this task can write
     */
    abstract Map<String, String> submissionAttributes(Prediction prediction);

    /**
     * The submission file's name.
     *
     * @return e.g. {@code assin2-rte.xml}
     */
    abstract String submissionFileName();

    @Override
    public final String dataFolder() {
        return DATA_FOLDER;
    }

    @Override
    public final boolean pair() {
        return true;
    }

    @Override
    public final List<Split> splits() {
        return SPLITS;
    }

    /**
     * Reads a split: one of {@link #splits()}, or another ASSIN XML file of the same layout (e.g. the blind test set,
     * unlabelled).
     */
    @Override
    public final Dataset read(Path taskDirectory, Split split) throws IOException {
        Objects.requireNonNull(taskDirectory, "taskDirectory");
        Objects.requireNonNull(split, "split");
        Path file = taskDirectory.resolve(split.fileName());
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString(), null, name() + " split '" + split.name()
                    + "' expects this file (ASSIN 2's " + split.fileName() + ")"
                    + (Files.exists(file) ? ", which is not a regular file" : ", which does not exist"));
        }
        AssinXmlReader.Corpus corpus = AssinXmlReader.read(file);
        List<Example> examples = new ArrayList<>(corpus.pairs().size());
        List<RowProblem> problems = new ArrayList<>(corpus.problems());
        for (AssinXmlReader.Pair pair : corpus.pairs()) {
            if (!split.labelled()) {
                examples.add(new Example(pair.id(), pair.t(), pair.h(), Example.NO_LABEL, Double.NaN, pair.line()));
                continue;
            }
            String value = pair.attribute(labelAttribute());
            try {
                if (value == null) {
                    throw new BadValue("missing attribute " + labelAttribute() + " (expected " + expectedValues()
                            + ")");
                }
                examples.add(labelled(pair, value));
            } catch (BadValue e) {
                problems.add(new RowProblem(file, pair.line(), labelAttribute(),
                        e.getMessage() + " [pair id " + pair.id() + "]"));
            }
        }
        problems.sort(Comparator.comparingLong(RowProblem::line));
        return new Dataset(file, split, examples, problems);
    }

    /**
     * Writes {@code assin2-rte.xml} or {@code assin2-sts.xml} in ASSIN's layout; see {@link AssinXmlWriter}.
     */
    @Override
    public final Path writeSubmission(Split split, List<Prediction> predictions, Path directory) throws IOException {
        Objects.requireNonNull(predictions, "predictions");
        Objects.requireNonNull(directory, "directory");
        return AssinXmlWriter.write(directory, submissionFileName(), predictions, this::submissionAttributes);
    }

    @Override
    public String toString() {
        return name();
    }
}
