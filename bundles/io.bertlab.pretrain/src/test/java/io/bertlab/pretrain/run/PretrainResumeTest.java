package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.command.CommandException;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.CapturingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pre-training run interrupted between checkpoints and resumed with {@code --resume} takes exactly the steps of the
 * uninterrupted run with the same settings: the same loss at every step, the same final weights bit for bit, the same
 * metrics records (timings aside). Real instances from WikiText-2, bert-base-uncased's vocabulary, a tiny random BERT
 * (L=2, H=32) from scratch with dropout on (so the dropout masks must continue too), the java engine; the run crosses
 * two epoch boundaries, so the batch order of a later epoch must be the same too.
 */
class PretrainResumeTest {

    private static final int INTERRUPTED_AT = 10;

    @TempDir
    static Path dir;

    private static Path instances;
    private static Path heldOut;
    private static int count;

    @BeforeAll
    static void prepare() throws IOException {
        instances = dir.resolve("train.jsonl");
        heldOut = dir.resolve("held-out.jsonl");
        count = Fixtures.instances(instances, 0, 6, 11).size();
        Fixtures.instances(heldOut, 40, 2, 12);
    }

    private static String[] run(Path output) {
        return Fixtures.arguments(Fixtures.scratch(), "--instances", instances.toString(), "--eval-instances",
                heldOut.toString(), "--output", output.toString(), "--steps", "12", "--batch-size", "8",
                "--save-steps", "4", "--log-steps", "3", "--eval-steps", "6", "--lr", "1e-3", "--warmup", "0.2",
                "--seed", "7");
    }

    @Test
    void resumedRunTakesTheStepsOfTheUninterruptedRun() throws Exception {
        assertTrue(count >= 24 && count <= 56, "a few dozen instances, " + count + " (8 per batch: the run of 12"
                + " steps crosses epochs)");

        Path whole = dir.resolve("whole");
        List<Double> expected = new ArrayList<>();
        CapturingContext wholeCall = Fixtures.call(dir, run(whole));
        assertEquals(0, Fixtures.command().onStep((step, result) -> expected.add(result.loss())).run(wholeCall),
                wholeCall.errText());
        assertEquals(12, expected.size());

        Path broken = dir.resolve("broken");
        List<Double> before = new ArrayList<>();
        CommandException stop = assertThrows(CommandException.class, () -> Fixtures.command().onStep((step, r) -> {
            before.add(r.loss());
            if (step == INTERRUPTED_AT) {
                throw new IOException("interrupted at step " + step);
            }
        }).run(Fixtures.call(dir, run(broken))));
        assertTrue(stop.getMessage().contains("interrupted at step 10"), stop.getMessage());
        RunState saved = RunState.read(broken.resolve(PretrainingRun.LAST));
        assertEquals(8, saved.step(), "the checkpoint of step 8 is the last before the interruption");
        assertTrue(new MetricsLog(broken).read().stream().anyMatch(r -> r.path("step").asLong() == 9),
                "the interrupted run logged step 9 after its checkpoint");

        List<Double> after = new ArrayList<>();
        CapturingContext resumeCall = Fixtures.call(dir, "--output", broken.toString(), "--resume");
        assertEquals(0, Fixtures.command().onStep((step, r) -> after.add(r.loss())).run(resumeCall),
                resumeCall.errText());
        assertTrue(resumeCall.errText().contains("resuming after step 8"), resumeCall.errText());
        assertEquals(4, after.size(), "steps 9 to 12");

        List<Double> combined = new ArrayList<>(before.subList(0, 8));
        combined.addAll(after);
        assertEquals(expected, combined, "every step's loss");
        assertEquals(before.subList(8, 10), after.subList(0, 2), "steps 9 and 10 taken again, identically");

        assertSameWeights(whole.resolve(PretrainingRun.LAST), broken.resolve(PretrainingRun.LAST));
        assertEquals(records(whole), records(broken), "the metrics records, timings aside");
        assertEquals(12, RunState.read(broken.resolve(PretrainingRun.LAST)).step());

        JsonNode summary = RunState.JSON.readTree(resumeCall.outText());
        assertEquals(12, summary.path("steps").asInt());
        assertTrue(summary.path("eval").path("mlm_accuracy").isNumber(), summary.toString());

        // a finished run resumed again does nothing more
        CapturingContext again = Fixtures.call(dir, "--output", broken.toString(), "--resume");
        assertEquals(0, Fixtures.command().run(again));
        assertTrue(again.errText().contains("is complete"), again.errText());
    }

    private static List<JsonNode> records(Path output) throws IOException {
        List<JsonNode> records = new ArrayList<>();
        for (JsonNode record : new MetricsLog(output).read()) {
            ObjectNode copy = record.deepCopy();
            copy.remove(Set.of("tokens_per_second", "elapsed_seconds", "eval_seconds"));
            records.add(copy);
        }
        assertTrue(records.size() >= 6, "4 train and 2 eval records at least: " + records.size());
        return records;
    }

    static void assertSameWeights(Path expected, Path actual) throws IOException {
        BertWeights a = ModelDirectory.load(expected).weights();
        BertWeights b = ModelDirectory.load(actual).weights();
        assertEquals(a.names(), b.names());
        for (Weight weight : a.all()) {
            assertArrayEquals(weight.values(), b.get(weight.name()).values(), weight.name() + " in " + actual);
        }
        assertTrue(Files.isRegularFile(actual.resolve("tokenizer.json")));
    }
}
