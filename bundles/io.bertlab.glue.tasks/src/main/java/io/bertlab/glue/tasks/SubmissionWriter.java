package io.bertlab.glue.tasks;

import io.bertlab.api.glue.Prediction;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a test split's predictions as the GLUE leaderboard takes them: a header {@code index\tprediction}, then one
 * line per example with its id and its prediction (a label name, a label index, or for STS-B a score with three
 * decimals clipped to [0, 5]).
 *
 * <p>The leaderboard rejects a whole submission for one bad file, and a half-written file from a crash looks
 * complete, so everything is checked before anything is written, and the file appears only once complete (written
 * to a temporary file beside it, then moved over it).
 */
final class SubmissionWriter {

    private final String task;
    private final List<String> labels;
    private final LabelFormat format;

    /**
     * A writer for one task.
     *
     * @param task the task's name, for messages
     * @param labels the task's labels in index order (empty for regression)
     * @param format {@link LabelFormat#NAME}, {@link LabelFormat#INDEX} or {@link LabelFormat#SCORE}
     */
    SubmissionWriter(String task, List<String> labels, LabelFormat format) {
        this.task = task;
        this.labels = List.copyOf(labels);
        this.format = format;
    }

    /**
     * Writes one test split's predictions.
     *
     * @param split the split's layout, which names the file and the number of rows the leaderboard expects
     * @param predictions one per test example, in the file's order
     * @param directory the submission folder, created when missing
     * @return the file written
     * @throws IllegalArgumentException when the split is not submitted, or the predictions are not one valid
     *         prediction per official test example
     * @throws IOException when the file cannot be written
     */
    Path write(SplitLayout split, List<Prediction> predictions, Path directory) throws IOException {
        if (split.submissionFile() == null) {
            throw new IllegalArgumentException(task + ": split " + split.split().name()
                    + " is not submitted to the leaderboard; only test splits are");
        }
        if (predictions.size() != split.leaderboardRows()) {
            throw new IllegalArgumentException(task + " " + split.split().name() + ": " + predictions.size()
                    + " predictions, but the leaderboard expects one for each of the " + split.leaderboardRows()
                    + " test examples");
        }
        List<String> lines = new ArrayList<>(predictions.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < predictions.size(); i++) {
            Prediction prediction = predictions.get(i);
            String id = checkedId(prediction, i);
            if (!ids.add(id)) {
                throw new IllegalArgumentException(task + ": prediction " + i + " repeats id " + id);
            }
            lines.add(id + "\t" + value(prediction, i));
        }
        Files.createDirectories(directory);
        Path target = directory.resolve(split.submissionFile());
        Path temporary = Files.createTempFile(directory, "." + split.submissionFile() + ".", ".tmp");
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write("index\tprediction\n");
                for (String line : lines) {
                    out.write(line);
                    out.write('\n');
                }
            }
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    /** Ids go into a TSV line, so one holding a tab or a line break would shift or split the row. */
    private String checkedId(Prediction prediction, int i) {
        if (prediction == null || prediction.id() == null || prediction.id().isBlank()) {
            throw new IllegalArgumentException(task + ": prediction " + i + " has no id");
        }
        String id = prediction.id();
        if (id.indexOf('\t') >= 0 || id.indexOf('\n') >= 0 || id.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(task + ": prediction " + i + " has an id with a tab or line break");
        }
        return id;
    }

    private String value(Prediction prediction, int i) {
        if (format == LabelFormat.SCORE) {
            double score = prediction.score();
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException(task + ": prediction " + i + " (id " + prediction.id()
                        + ") has score " + score);
            }
            // Models overshoot the scale; the leaderboard's scale is [0, 5].
            double clipped = Math.max(RowParser.MIN_SCORE, Math.min(RowParser.MAX_SCORE, score));
            return String.format(Locale.ROOT, "%.3f", clipped);
        }
        int label = prediction.label();
        if (label < 0 || label >= labels.size()) {
            throw new IllegalArgumentException(task + ": prediction " + i + " (id " + prediction.id()
                    + ") has label " + label + ", expected 0.." + (labels.size() - 1) + " " + labels);
        }
        return format == LabelFormat.NAME ? labels.get(label) : Integer.toString(label);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // Same folder, so this only happens on unusual file systems; a plain replace is the best left.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
