package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
        List<String> lines = new ArrayList<>();
        for (String name : List.of("wiki.test.tokens", "wiki.valid.tokens")) {
            for (String line : Files.readAllLines(SharedData.require("text/wikitext-2/" + name))) {
                lines.addAll(List.of(line.split("(?<= \\.) ")));
            }
        }
        Path file = Files.write(folder.resolve("sentences.txt"), lines);
        TextCorpus corpus = TextCorpus.read(List.of(file));
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
                        assertEquals(document.get(s + 1), instance.textB().orElseThrow());
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
                assertEquals(Masking.googleCount(encoding.length(), 0.15, 20), count);
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
}
