package io.bertlab.pretrain.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.CommandException;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.pretrain.PretrainingDataCommand;
import io.bertlab.testing.CapturingContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third objective, sentence-order prediction, built only against the API: its instances made by the task services
 * through {@code pretraining-data --tasks}, then trained together with masked LM by {@code pretrain --tasks}, its head
 * saved beside the MLM head; and a run refused when its instances lack a task's labels.
 */
class ThirdObjectiveTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void sentenceOrderTrainsFromTheInstancesItsTaskMade(@TempDir Path dir) throws Exception {
        Path corpus = Fixtures.corpus(dir.resolve("wiki.txt"), 0, 30);
        Path instances = dir.resolve("sop.jsonl");
        CapturingContext make = Fixtures.call(dir, "--tasks", "mlm,sop", "--tokenizer", Fixtures.TOKENIZER.toString(),
                "--input", corpus.toString(), "--output", instances.toString(), "--max-seq-length",
                String.valueOf(Fixtures.MAX_SEQ_LENGTH), "--dupe-factor", "2", "--seed", "3");
        assertEquals(0, new PretrainingDataCommand(Fixtures.loader(), Fixtures.tasks()).run(make), make.errText());
        assertTrue(make.errText().contains("sop labels 0: "), make.errText());
        try (var files = Files.list(dir)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().endsWith(".partial")), "the partial file is gone");
        }
        String first = Files.readAllLines(instances).get(0);
        assertFalse(first.contains("is_random_next"), first);

        Path output = dir.resolve("run");
        CapturingContext train = Fixtures.call(dir, Fixtures.arguments(Fixtures.scratch(), "--instances",
                instances.toString(), "--output", output.toString(), "--tasks", "mlm,sop", "--steps", "3",
                "--batch-size", "8", "--log-steps", "1"));
        assertEquals(0, Fixtures.command().run(train), train.errText());
        List<String> records = Files.readAllLines(output.resolve("metrics.jsonl"));
        JsonNode last = JSON.readTree(records.get(records.size() - 1));
        assertTrue(last.get("sop_loss").isNumber(), last.toString());
        assertTrue(last.get("sop_accuracy").isNumber(), last.toString());
        // two classes from a random start: the loss is near ln 2
        assertEquals(Math.log(2), last.get("sop_loss").asDouble(), 0.3, last.toString());
        BertWeights saved = ModelDirectory.load(output.resolve(PretrainingRun.LAST)).weights();
        assertEquals(2 * 32, saved.require("cls.sentence_order.weight").values().length, "2 labels x hidden 32");
        assertFalse(saved.contains("cls.seq_relationship.weight"), "no NSP head was trained");

        CapturingContext nsp = Fixtures.call(dir, Fixtures.arguments(Fixtures.scratch(), "--instances",
                instances.toString(), "--output", dir.resolve("nsp").toString(), "--tasks", "mlm,nsp", "--steps",
                "1"));
        CommandException refused = assertThrows(CommandException.class, () -> Fixtures.command().run(nsp));
        assertTrue(refused.getMessage().contains("instances have no label for task 'nsp': make them with pretraining-data"
                + " --tasks naming it"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("nsp")), "nothing written");
    }
}
