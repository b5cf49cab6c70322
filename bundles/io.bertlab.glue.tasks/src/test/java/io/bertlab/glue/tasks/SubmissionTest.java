package io.bertlab.glue.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Leaderboard files: names, header, label spelling, STS-B's format, and what is refused. */
class SubmissionTest {

    @TempDir
    Path dir;

    /** Each test split: its submission file, the official test size, and the first lines for labels 0, 1, 2, ... */
    static Stream<Arguments> testSplits() {
        return Stream.of(
                Arguments.of(new ColaTask(), "test", "CoLA.tsv", 1063, List.of("0", "1")),
                Arguments.of(new Sst2Task(), "test", "SST-2.tsv", 1821, List.of("0", "1")),
                Arguments.of(new MrpcTask(), "test", "MRPC.tsv", 1725, List.of("0", "1")),
                Arguments.of(new QqpTask(), "test", "QQP.tsv", 390965, List.of("0", "1")),
                Arguments.of(new MnliTask(), "test_matched", "MNLI-m.tsv", 9796,
                        List.of("entailment", "neutral", "contradiction")),
                Arguments.of(new MnliTask(), "test_mismatched", "MNLI-mm.tsv", 9847,
                        List.of("entailment", "neutral", "contradiction")),
                Arguments.of(new QnliTask(), "test", "QNLI.tsv", 5463, List.of("entailment", "not_entailment")),
                Arguments.of(new RteTask(), "test", "RTE.tsv", 3000, List.of("entailment", "not_entailment")),
                Arguments.of(new WnliTask(), "test", "WNLI.tsv", 146, List.of("0", "1")),
                Arguments.of(new AxTask(), "test", "AX.tsv", 1104, List.of("entailment", "neutral", "contradiction")));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("testSplits")
    void writesTheLeaderboardFile(GlueTask task, String splitName, String fileName, int rows, List<String> spelled)
            throws IOException {
        int labels = task.labels().size();
        List<Prediction> predictions = predictions(rows, i -> new Prediction(Integer.toString(i), i % labels,
                Double.NaN));
        Path written = task.writeSubmission(split(task, splitName), predictions, dir);
        assertEquals(dir.resolve(fileName), written);
        List<String> lines = Files.readAllLines(written, StandardCharsets.UTF_8);
        assertEquals(rows + 1, lines.size());
        assertEquals("index\tprediction", lines.get(0));
        for (int i = 0; i < spelled.size(); i++) {
            assertEquals(i + "\t" + spelled.get(i), lines.get(i + 1));
        }
        assertEquals((rows - 1) + "\t" + spelled.get((rows - 1) % labels), lines.get(rows));
        assertTrue(Files.readString(written).endsWith("\n"));
        assertEquals(List.of(written), listing());
    }

    @Test
    void stsbWritesThreeDecimalsClippedToTheScale() throws IOException {
        double[] scores = {3.14159, -0.7, 5.0004, 7.0, 0.0005, 2.5, -0.0, 4.9996};
        List<Prediction> predictions = predictions(1379,
                i -> new Prediction(Integer.toString(i), Example.NO_LABEL, i < scores.length ? scores[i] : 1.0));
        Path written = new StsbTask().writeSubmission(split(new StsbTask(), "test"), predictions, dir);
        assertEquals(dir.resolve("STS-B.tsv"), written);
        List<String> lines = Files.readAllLines(written);
        assertEquals(List.of("index\tprediction", "0\t3.142", "1\t0.000", "2\t5.000", "3\t5.000", "4\t0.001",
                "5\t2.500", "6\t0.000", "7\t5.000", "8\t1.000"), lines.subList(0, 10));
        assertEquals(1380, lines.size());
    }

    @Test
    void stsbRefusesAScoreThatIsNotANumber() {
        List<Prediction> predictions = predictions(1379, i -> new Prediction(Integer.toString(i), Example.NO_LABEL,
                i == 7 ? Double.NaN : 1.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new StsbTask().writeSubmission(split(new StsbTask(), "test"), predictions, dir));
        assertTrue(e.getMessage().contains("prediction 7"), e.getMessage());
    }

    @Test
    void refusesAPredictionCountOtherThanTheTestSets() {
        List<Prediction> predictions = predictions(2999, i -> new Prediction(Integer.toString(i), 0, Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RteTask().writeSubmission(split(new RteTask(), "test"), predictions, dir));
        assertTrue(e.getMessage().contains("2999 predictions"), e.getMessage());
        assertTrue(e.getMessage().contains("3000"), e.getMessage());
        assertEquals(List.of(), listing());
    }

    @Test
    void refusesMissingOrRepeatedIdsAndLabelsOutOfRange() {
        Split test = split(new WnliTask(), "test");
        List<Prediction> nullId = predictions(146, i -> new Prediction(i == 5 ? null : Integer.toString(i), 0,
                Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WnliTask().writeSubmission(test, nullId, dir));
        assertTrue(e.getMessage().contains("prediction 5 has no id"), e.getMessage());

        List<Prediction> nullPrediction = new ArrayList<>(predictions(146, i -> new Prediction("" + i, 0, 0)));
        nullPrediction.set(9, null);
        assertThrows(IllegalArgumentException.class, () -> new WnliTask().writeSubmission(test, nullPrediction, dir));

        List<Prediction> repeated = predictions(146, i -> new Prediction(Integer.toString(i == 3 ? 2 : i), 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> new WnliTask().writeSubmission(test, repeated, dir));
        assertTrue(e.getMessage().contains("repeats id 2"), e.getMessage());

        List<Prediction> outOfRange = predictions(146, i -> new Prediction(Integer.toString(i), i == 4 ? 2 : 0, 0));
        e = assertThrows(IllegalArgumentException.class, () -> new WnliTask().writeSubmission(test, outOfRange, dir));
        assertTrue(e.getMessage().contains("label 2"), e.getMessage());

        List<Prediction> tab = predictions(146, i -> new Prediction(i == 1 ? "1\t2" : Integer.toString(i), 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new WnliTask().writeSubmission(test, tab, dir));
        assertEquals(List.of(), listing());
    }

    @Test
    void refusesSplitsThatAreNotSubmitted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RteTask().writeSubmission(split(new RteTask(), "dev"), List.of(), dir));
        assertTrue(e.getMessage().contains("dev"), e.getMessage());
    }

    @Test
    void replacesAnEarlierFileAtomicallyAndLeavesNoTemporaryFile() throws IOException {
        Path nested = dir.resolve("submission/run-1");
        Split test = split(new RteTask(), "test");
        new RteTask().writeSubmission(test, predictions(3000, i -> new Prediction("" + i, 0, 0)), nested);
        Path written = new RteTask().writeSubmission(test, predictions(3000, i -> new Prediction("" + i, 1, 0)),
                nested);
        List<String> lines = Files.readAllLines(written);
        assertEquals("0\tnot_entailment", lines.get(1));
        try (Stream<Path> files = Files.list(nested)) {
            assertEquals(List.of(written), files.toList());
        }
        assertFalse(Files.exists(dir.resolve("RTE.tsv")));
    }

    @Test
    void predictionsOfARealTestFileRoundTrip() throws Exception {
        // The ids written are the ids read: WNLI's test file, predicted "entailment" throughout.
        GlueTask wnli = new WnliTask();
        Path folder = io.bertlab.testing.SharedData.require("glue/WNLI");
        List<Example> examples = wnli.read(folder, split(wnli, "test")).examples();
        List<Prediction> predictions = examples.stream().map(e -> new Prediction(e.id(), 1, Double.NaN)).toList();
        List<String> lines = Files.readAllLines(wnli.writeSubmission(split(wnli, "test"), predictions, dir));
        assertEquals("145\t1", lines.get(146));
    }

    private List<Path> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Prediction> predictions(int count, IntFunction<Prediction> prediction) {
        return IntStream.range(0, count).mapToObj(prediction).toList();
    }

    private static Split split(GlueTask task, String name) {
        return task.splits().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
}
