package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {

    @TempDir
    Path dir;

    private static final TrainingSettings SETTINGS = new TrainingSettings(4, 3e-5, 16, 96, 1234567890123L, 0.06,
            0.0, 25, HeadSpec.Pooling.MEAN, HeadKind.DENSE);

    /** Dev metrics in the task's order (the first is the main one), deliberately not alphabetical. */
    private static Map<String, Double> dev(double f1, double accuracy) {
        Map<String, Double> dev = new LinkedHashMap<>();
        dev.put("f1", f1);
        dev.put("accuracy", accuracy);
        return dev;
    }

    private static RunState midRun() {
        RunState state = RunState.start("MRPC", "minilm", "java", SETTINGS, 920);
        state = state.afterBatch(0.6931471805599453, 1234, 0.1);
        state = state.afterEpoch(new RunState.EpochRecord(1, 0.5123456789012345, dev(0.8123456789, 0.7), 61.25,
                2013.7), 0.8123456789, 1);
        state = state.afterEpoch(new RunState.EpochRecord(2, 0.31, dev(0.80, 0.71), 60.5, 1999.25), 0.8123456789, 1);
        for (int i = 0; i < 17; i++) {
            state = state.afterBatch(0.25 + i / 1000.0, 3000 + i, 0.3333333333333333);
        }
        return state;
    }

    @Test
    void aRunStateReadsBackEqualToWhatWasWritten() throws IOException {
        RunState state = midRun();
        state.write(dir);
        RunState read = RunState.read(dir);
        assertEquals(state, read);
        assertEquals(SETTINGS, read.settings());
        assertEquals(1234567890123L, read.settings().seed());
        // the main metric stays first: reports and the best checkpoint rely on it
        assertEquals(List.of("f1", "accuracy"), new ArrayList<>(read.history().get(0).dev().keySet()));
        assertEquals(List.of(RunState.FILE), listing());
    }

    @Test
    void aFreshRunWithNoBestReadsBack() throws IOException {
        RunState state = RunState.start("STS-B", "/models/bert base", "pytorch", TrainingSettings.DEFAULTS, 540);
        state.write(dir);
        RunState read = RunState.read(dir);
        assertEquals(state, read);
        assertNull(read.best());
        assertEquals(List.of(), read.history());
    }

    @Test
    void undefinedMetricsAndLossesReadBack() throws IOException {
        // STS-B's Pearson correlation is NaN for a constant prediction; a diverged run's loss is NaN or infinite
        Map<String, Double> dev = new LinkedHashMap<>();
        dev.put("pearson", Double.NaN);
        dev.put("spearman", Double.NaN);
        RunState state = RunState.start("STS-B", "minilm", "java", TrainingSettings.DEFAULTS, 540)
                .afterEpoch(new RunState.EpochRecord(1, Double.POSITIVE_INFINITY, dev, 1.5, 10), null, 0)
                .afterBatch(Double.NaN, 10, 0.5);
        state.write(dir);
        RunState read = RunState.read(dir);
        assertEquals(state, read);
        assertTrue(Double.isNaN(read.history().get(0).dev().get("pearson")));
    }

    @Test
    void rewritingReplacesTheFile() throws IOException {
        RunState.start("RTE", "minilm", "java", TrainingSettings.DEFAULTS, 234).write(dir);
        RunState later = midRun();
        later.write(dir);
        assertEquals(later, RunState.read(dir));
        assertEquals(List.of(RunState.FILE), listing());
    }

    @Test
    void batchesAndEpochsAdvanceTheState() {
        RunState state = RunState.start("RTE", "minilm", "java", TrainingSettings.DEFAULTS, 234);
        assertEquals(0, state.epoch());
        assertEquals(0, state.batch());
        state = state.afterBatch(0.5, 100, 1.0).afterBatch(0.25, 50, 2.0);
        assertEquals(2, state.batch());
        assertEquals(0.75, state.epochLossSum());
        assertEquals(150, state.epochTokens());
        assertEquals(3.0, state.epochSeconds());
        RunState.EpochRecord record = new RunState.EpochRecord(1, 0.375, Map.of("accuracy", 0.6), 3.0, 50);
        state = state.afterEpoch(record, 0.6, 1);
        assertEquals(1, state.epoch());
        assertEquals(0, state.batch());
        assertEquals(0.0, state.epochLossSum());
        assertEquals(0, state.epochTokens());
        assertEquals(0.0, state.epochSeconds());
        assertEquals(0.6, state.best());
        assertEquals(1, state.bestEpoch());
        assertEquals(List.of(record), state.history());
        List<RunState.EpochRecord> history = state.history();
        assertThrows(UnsupportedOperationException.class, () -> history.add(record));
    }

    @Test
    void aMissingOrCorruptFileIsNamed() throws IOException {
        IOException missing = assertThrows(IOException.class, () -> RunState.read(dir));
        assertTrue(missing.getMessage().contains(dir.resolve(RunState.FILE).toString()), missing.getMessage());
        assertTrue(missing.getMessage().contains("not a readable run state"), missing.getMessage());

        Files.writeString(dir.resolve(RunState.FILE), "{\"task\": \"RTE\", \"epoch\": ");
        IOException corrupt = assertThrows(IOException.class, () -> RunState.read(dir));
        assertTrue(corrupt.getMessage().startsWith(dir.resolve(RunState.FILE) + ": not a readable run state"),
                corrupt.getMessage());
    }

    @Test
    void writeJsonLeavesNoPartialFile() throws IOException {
        RunState.writeJson(Map.of("a", 1), dir.resolve("x.json"));
        assertEquals("{\n  \"a\" : 1\n}", Files.readString(dir.resolve("x.json")).strip().replace("\r\n", "\n"));
        assertFalse(Files.exists(dir.resolve("x.json.partial")));
    }

    private List<String> listing() throws IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
