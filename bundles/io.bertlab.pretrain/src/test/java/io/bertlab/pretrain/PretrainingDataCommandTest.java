package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bertlab pretraining-data} end to end: files in, JSON lines out, and its errors. */
class PretrainingDataCommandTest {

    private static final ModelRegistry MODELS = ModelRegistry.discover(PretrainingDataCommandTest.class
            .getClassLoader());
    private static final TokenizerLoader LOADER = (file, options) -> TokenizerFiles.load(file, options, MODELS);

    @TempDir
    Path folder;

    private CapturingContext call(String... arguments) {
        return new CapturingContext(folder, arguments);
    }

    private static String vocab() {
        return SharedData.require("tokenizers/bert-base-uncased/vocab.txt").toString();
    }

    private static String reference(String name) {
        return SharedData.reference("pretraining/" + name).toString();
    }

    @Test
    void writesTheScriptsInstancesAsJsonLines() throws Exception {
        Path output = folder.resolve("instances.jsonl");
        CapturingContext call = call("--vocab", vocab(), "--input",
                reference("input/wikitext2-test-1-300.txt") + "," + reference("input/botchan-150-450.txt"),
                "--output", output.toString(), "--dupe-factor", "2", "--seed", "7", "--whole-word-mask");
        assertEquals(0, new PretrainingDataCommand(LOADER).run(call));
        List<String> written = Files.readAllLines(output);
        List<JsonNode> expected = GoogleReferenceTest.readLines(SharedData.reference(
                "pretraining/seed7-dupe2-wwm.jsonl"));
        assertEquals(expected.size(), written.size());
        List<JsonNode> actual = GoogleReferenceTest.readLines(output);
        for (int i = 0; i < expected.size(); i++) {
            for (String field : List.of("tokens", "segment_ids", "is_random_next", "masked_lm_positions",
                    "masked_lm_labels")) {
                assertEquals(expected.get(i).get(field), actual.get(i).get(field), "instance " + i + " " + field);
            }
        }
        // the ids read back are the tokens written
        Vocabulary vocabulary = Vocabulary.of(LOADER.load(Path.of(vocab())));
        try (Stream<TrainingInstance> read = InstanceFiles.read(output)) {
            List<TrainingInstance> instances = read.collect(Collectors.toList());
            assertEquals(expected.size(), instances.size());
            for (int i = 0; i < instances.size(); i++) {
                assertEquals(GoogleReferenceTest.strings(expected.get(i).get("tokens")),
                        GoogleReferenceTest.tokens(instances.get(i).tokens(), vocabulary));
                assertEquals(GoogleReferenceTest.strings(expected.get(i).get("masked_lm_labels")),
                        GoogleReferenceTest.tokens(instances.get(i).maskedLabels(), vocabulary));
            }
        }
        String progress = call.errText();
        assertTrue(progress.contains("pass 2/2"), progress);
        assertTrue(progress.contains("wrote " + expected.size() + " instances"), progress);
    }

    @Test
    void namedTokenizerAndDynamicMasking() throws Exception {
        // a resolver knowing one named tokenizer, as the tokenizer service bundle's would
        PretrainingDataCommand command = new PretrainingDataCommand(LOADER, (name, file) -> {
            assertEquals("uncased", name);
            return BertBaseUncased.tokenizer();
        });
        Path output = folder.resolve("hf.jsonl");
        CapturingContext call = call("--tokenizer", "uncased", "--input", reference("input/wikitext2-test-1-300.txt"),
                "--output", output.toString(), "--compat", "hf", "--dupe-factor", "3", "--max-seq-length", "64");
        assertEquals(0, command.run(call));
        Vocabulary vocabulary = Vocabulary.of(BertBaseUncased.tokenizer());
        long candidates = 0;
        long masked = 0;
        try (Stream<TrainingInstance> read = InstanceFiles.read(output)) {
            for (TrainingInstance instance : (Iterable<TrainingInstance>) read::iterator) {
                assertTrue(instance.length() <= 64);
                candidates += instance.length() - 3;
                masked += instance.maskedPositions().length;
                for (int label : instance.maskedLabels()) {
                    assertTrue(label != vocabulary.cls() && label != vocabulary.sep());
                }
            }
        }
        assertEquals(0.15, (double) masked / candidates, 0.01, "masked share over " + candidates + " tokens");
        // a tokenizer.json file works as --tokenizer too
        CapturingContext file = call("--tokenizer", SharedData.require("tokenizers/bert-base-uncased/tokenizer.json")
                .toString(), "--input", reference("input/wikitext2-test-1-300.txt"), "--output", "file.jsonl",
                "--dupe-factor", "1", "--seed", "0");
        assertEquals(0, new PretrainingDataCommand(LOADER).run(file));
        assertEquals(GoogleReferenceTest.readLines(SharedData.reference("pretraining/seed0-dupe1-wiki.jsonl")).size(),
                Files.readAllLines(folder.resolve("file.jsonl")).size());
    }

    @Test
    void helpNamesEveryOption() {
        String help = new PretrainingDataCommand(LOADER).help();
        for (String option : List.of("--vocab", "--tokenizer", "--input", "--output", "--max-seq-length",
                "--dupe-factor", "--short-seq-prob", "--masked-lm-prob", "--max-predictions", "--whole-word-mask",
                "--seed", "--compat")) {
            assertTrue(help.contains(option), option);
        }
    }

    @Test
    void emptyCorpusIsAnError() throws Exception {
        Path empty = Files.writeString(folder.resolve("empty.txt"), "\n  \n\n");
        CommandException e = assertThrows(CommandException.class, () -> new PretrainingDataCommand(LOADER)
                .run(call("--vocab", vocab(), "--input", empty.toString(), "--output", "out.jsonl")));
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("no text"), e.getMessage());
        assertTrue(Files.notExists(folder.resolve("out.jsonl")));
    }

    @Test
    void corpusWithoutDocumentBreaksIsAnErrorUnlessAllowed() throws Exception {
        String botchan = reference("input/botchan-150-450.txt");
        CommandException e = assertThrows(CommandException.class, () -> new PretrainingDataCommand(LOADER)
                .run(call("--vocab", vocab(), "--input", botchan, "--output", "out.jsonl")));
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("no negatives from other documents"), e.getMessage());

        CapturingContext allowed = call("--vocab", vocab(), "--input", botchan, "--output", "out.jsonl", "--dupe-factor",
                "1", "--allow-single-document");
        assertEquals(0, new PretrainingDataCommand(LOADER).run(allowed));
        assertTrue(allowed.errText().contains("warning: "), allowed.errText());
        assertTrue(Files.size(folder.resolve("out.jsonl")) > 0);
    }

    /** Bytes that are not UTF-8 are dropped, as Google's script drops them, and the file, line and offset said. */
    @Test
    void invalidUtf8IsDroppedWithAWarningNamingTheFirstPlace() throws Exception {
        Path corpus = folder.resolve("corpus.txt");
        byte[] good = "The cat sat on the mat.\nIt was warm.\n\nA second document starts here.\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bad = {'Q', 'u', 'e', 'r', 'o', ' ', (byte) 0xC3, ' ', 'u', 'm', '\n', (byte) 0xFF, 'x', '\n'};
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(corpus, all);
        CapturingContext call = call("--vocab", vocab(), "--input", corpus.toString(), "--output", "out.jsonl",
                "--dupe-factor", "1");
        assertEquals(0, new PretrainingDataCommand(LOADER).run(call));
        // line 5 starts at byte good.length; its 0xC3 (a lead byte followed by a space) is 6 bytes in
        assertTrue(call.errText().contains("warning: " + corpus + ": 2 lines held bytes that are not UTF-8 (the first"
                + " at line 5, byte offset " + (good.length + 6) + "); they were dropped"), call.errText());
    }

    @Test
    void vocabularyWithoutMaskIsAnError() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(vocab()));
        assertTrue(lines.remove("[MASK]"));
        Path noMask = Files.write(folder.resolve("vocab.txt"), lines);
        CommandException e = assertThrows(CommandException.class, () -> new PretrainingDataCommand(LOADER)
                .run(call("--vocab", noMask.toString(), "--input", reference("input/wikitext2-test-1-300.txt"),
                        "--output", "out.jsonl")));
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("[MASK]"), e.getMessage());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThrows(UsageException.class, () -> new PretrainingDataCommand(LOADER)
                .run(call("--input", "x.txt", "--output", "o.jsonl")));
        assertThrows(UsageException.class, () -> new PretrainingDataCommand(LOADER)
                .run(call("--vocab", vocab(), "--input", reference("input/wikitext2-test-1-300.txt"), "--output",
                        "o.jsonl", "--compat", "torch")));
    }
}
