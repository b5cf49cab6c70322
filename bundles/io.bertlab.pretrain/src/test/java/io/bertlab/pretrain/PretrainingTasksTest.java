package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.Corpus;
import io.bertlab.api.pretrain.PretrainingContext;
import io.bertlab.api.pretrain.PretrainingInstance;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.pretrain.mlm.MaskedLmTask;
import io.bertlab.pretrain.nsp.NextSentenceTask;
import io.bertlab.pretrain.sop.SentenceOrderTask;
import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PretrainingTask services chained as a pre-training run chains them (NSP at the text stage, then encoding,
 * then MLM at the token stage) over WikiText-2, one sentence per line: more than 100,000 masked positions.
 */
class PretrainingTasksTest {

    record Context(Corpus corpus, Tokenizer tokenizer, Random random, int maxLength) implements PretrainingContext {
    }

    @Test
    void nspAndMlmOverRealText(@TempDir Path folder) throws Exception {
        TextCorpus corpus = TextCorpus.read(List.of(wikiSentences(folder)));
        Tokenizer tokenizer = BertBaseUncased.tokenizer();
        Context context = new Context(corpus, tokenizer, new Random(12345), 128);
        PretrainingTask nsp = new NextSentenceTask();
        PretrainingTask mlm = new MaskedLmTask();
        assertEquals(PretrainingTask.Stage.TEXT, nsp.stage());
        assertEquals(PretrainingTask.Stage.TOKENS, mlm.stage());
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(128), null);
        int mask = tokenizer.tokenToId("[MASK]").getAsInt();
        String nspHead = HeadSpec.NextSentence.of().name();
        String mlmHead = HeadSpec.MaskedLm.of().name();

        long masked = 0;
        long replacedByMask = 0;
        long kept = 0;
        long withContinuation = 0;
        long notNextWithContinuation = 0;
        for (int d = 0; d < corpus.documentCount(); d++) {
            List<String> document = corpus.document(d);
            for (int s = 0; s < document.size(); s++) {
                PretrainingInstance instance = nsp.apply(PretrainingInstance.start(d, s, document.get(s)), context);
                int label = ((HeadTarget.ClassLabels) instance.targets().get(nspHead)).labels()[0];
                if (s + 1 < document.size()) {
                    withContinuation++;
                    if (label == NextSentenceTask.NOT_NEXT) {
                        notNextWithContinuation++;
                    } else {
                        // B runs on from A's next sentence, as many sentences as fit
                        assertTrue(instance.textB().orElseThrow().startsWith(document.get(s + 1)),
                                instance.textB().get());
                    }
                } else {
                    assertEquals(NextSentenceTask.NOT_NEXT, label, "a last sentence has no continuation");
                }
                Encoding encoding = tokenizer.encodePair(instance.textA(), instance.textB().orElseThrow(), options);
                instance = mlm.apply(instance.withEncoding(encoding), context);
                int[] labels = ((HeadTarget.TokenLabels) instance.targets().get(mlmHead)).labels()[0];
                int[] inputs = instance.inputIds();
                int count = 0;
                for (int i = 0; i < labels.length; i++) {
                    if (labels[i] == HeadTarget.TokenLabels.IGNORE) {
                        assertEquals(encoding.ids()[i], inputs[i], "unmasked position changed");
                        continue;
                    }
                    assertEquals(0, encoding.specialTokensMask()[i], "special token masked");
                    assertEquals(encoding.ids()[i], labels[i]);
                    count++;
                    if (inputs[i] == mask) {
                        replacedByMask++;
                    } else if (inputs[i] == labels[i]) {
                        kept++;
                    }
                }
                assertEquals(MaskedLmTask.predictionCount(encoding.length(), 0.15, 20), count);
                masked += count;
            }
        }
        System.out.printf("tasks: %d masked positions, %d sentences with a continuation%n", masked,
                withContinuation);
        assertTrue(masked >= 100_000, "masked " + masked);
        assertEquals(0.5, (double) notNextWithContinuation / withContinuation, 0.01, "NotNext share");
        assertEquals(0.8, (double) replacedByMask / masked, 0.01, "[MASK] share");
        assertEquals(0.1, (double) kept / masked, 0.01, "kept share");
        assertEquals(0.1, (double) (masked - replacedByMask - kept) / masked, 0.01, "random share");
    }

    @Test
    void sentenceOrderKeepsTheDocumentsOrderOrSwapsIt(@TempDir Path folder) throws Exception {
        TextCorpus corpus = TextCorpus.read(List.of(wikiSentences(folder)));
        Tokenizer tokenizer = BertBaseUncased.tokenizer();
        Context context = new Context(corpus, tokenizer, new Random(7), 128);
        PretrainingTask sop = new SentenceOrderTask();
        assertEquals(PretrainingTask.Stage.TEXT, sop.stage());
        String head = sop.head().name();
        long instances = 0;
        long swapped = 0;
        for (int d = 0; d < corpus.documentCount(); d++) {
            List<String> document = corpus.document(d);
            String whole = String.join(" ", document);
            for (int s = 0; s < document.size(); s++) {
                PretrainingInstance instance = sop.apply(PretrainingInstance.start(d, s, document.get(s)), context);
                int label = ((HeadTarget.ClassLabels) instance.targets().get(head)).labels()[0];
                String a = instance.textA();
                String b = instance.textB().orElseThrow();
                // both segments come from this document, next to each other: in order, or B's text before A's
                String inOrder = label == SentenceOrderTask.SWAPPED ? b + " " + a : a + " " + b;
                assertTrue(whole.contains(inOrder), "not consecutive in document " + d + ": " + inOrder);
                instances++;
                swapped += label == SentenceOrderTask.SWAPPED ? 1 : 0;
            }
        }
        System.out.printf("sop: %d instances, %d swapped%n", instances, swapped);
        assertTrue(instances >= 10_000, "instances " + instances);
        assertEquals(0.5, (double) swapped / instances, 0.01, "swapped share");
    }

    @Test
    void taskInstancesCarryEachTasksTargetsIntoTheFile(@TempDir Path folder) throws Exception {
        TextCorpus corpus = TextCorpus.read(List.of(wikiSentences(folder)));
        Tokenizer tokenizer = BertBaseUncased.tokenizer();
        Map<String, PretrainingTask> tasks = new LinkedHashMap<>();
        tasks.put("mlm", new MaskedLmTask());
        tasks.put("sop", new SentenceOrderTask());
        List<TrainingInstance> made = new ArrayList<>();
        TaskInstances generator = new TaskInstances(tasks, tokenizer, 64, 11);
        Path file = folder.resolve("sop.jsonl");
        try (InstanceFiles.InstanceWriter writer = InstanceFiles.writer(file, Vocabulary.of(tokenizer))) {
            generator.generate(corpus, 1, instance -> {
                made.add(instance);
                writer.write(instance);
            }, (pass, count) -> { });
        }
        List<TrainingInstance> read;
        try (var stream = InstanceFiles.read(file)) {
            read = stream.toList();
        }
        assertEquals(made, read, "the file holds what was made");
        long swapped = 0;
        for (TrainingInstance instance : read) {
            assertTrue(instance.length() <= 64, "length " + instance.length());
            assertEquals(Set.of("sop"), instance.labels().keySet(), "only sop's label: no is_random_next");
            swapped += instance.labels().get("sop");
            assertEquals(MaskedLmTask.predictionCount(instance.length(), 0.15, 20), instance.maskedPositions().length);
        }
        assertTrue(Files.readAllLines(file).get(0).matches(".*\"labels\":\\{\"sop\":[01]\\}\\}$"),
                Files.readAllLines(file).get(0));
        assertTrue(read.size() > 1000, "instances " + read.size());
        assertEquals(0.5, (double) swapped / read.size(), 0.03, "swapped share over " + read.size());

        List<TrainingInstance> again = new ArrayList<>();
        new TaskInstances(tasks, tokenizer, 64, 11).generate(corpus, 1, again::add, (pass, count) -> { });
        assertEquals(made, again, "the same seed makes the same instances");
    }

    @Test
    void tasksWhoseTargetsAFileCannotHoldAreRefused() throws Exception {
        Tokenizer tokenizer = BertBaseUncased.tokenizer();
        Map<String, PretrainingTask> twoMaskers = new LinkedHashMap<>();
        twoMaskers.put("mlm", new MaskedLmTask());
        twoMaskers.put("mlm-again", new MaskedLmTask());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TaskInstances(twoMaskers, tokenizer, 128, 1));
        assertEquals("tasks 'mlm' and 'mlm-again' both predict masked tokens, and an instance file holds one set of"
                + " masked positions", e.getMessage());
    }

    /** WikiText-2 test and validation, one sentence per line, each paragraph a document. */
    private static Path wikiSentences(Path folder) throws Exception {
        List<String> lines = new ArrayList<>();
        for (String name : List.of("wiki.test.tokens", "wiki.valid.tokens")) {
            for (String line : Files.readAllLines(SharedData.require("text/wikitext-2/" + name))) {
                lines.addAll(List.of(line.split("(?<= \\.) ")));
            }
        }
        return Files.write(folder.resolve("sentences.txt"), lines);
    }
}
