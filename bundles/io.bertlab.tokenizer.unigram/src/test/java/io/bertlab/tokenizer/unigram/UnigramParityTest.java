package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.fail;

import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.testing.SharedCorpus;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Strict parity with HuggingFace {@code tokenizers} (Rust, through DJL's JNI) for the SentencePiece-derived
 * {@code tokenizer.json} files, each as it is (Precompiled normalizer, Metaspace, Unigram, template): over the
 * shared text lines and GLUE sentences, singly and in pairs of consecutive inputs, tokens, ids, type ids, attention
 * mask, special tokens mask, word ids, sequence ids and offsets must all be identical. Every mismatch fails the
 * test; the counts are printed.
 *
 * <p>To stay within the build's time every {@code bertlab.parity.stride}-th input is used (default 6,
 * deterministic); {@code -Dbertlab.parity.stride=1} compares all of them.
 */
class UnigramParityTest {

    private static final int SHOWN_MISMATCHES = 10;
    private static final int STRIDE = Integer.getInteger("bertlab.parity.stride", 6);

    private static List<String> texts;

    @BeforeAll
    static void loadTexts() {
        List<String> all = SharedCorpus.texts();
        texts = SharedCorpus.everyNth(all, STRIDE);
        System.out.printf("Unigram parity inputs: %d of %d text lines and GLUE sentences (every %d-th), and %d pairs"
                + " of consecutive ones%n", texts.size(), all.size(), STRIDE, texts.size() / 2);
    }

    @TestFactory
    Stream<DynamicTest> sentencePieceFilesEncodeAsHuggingFace() {
        return UnigramFiles.eachFile(UnigramParityTest::check);
    }

    private static void check(Path file) throws IOException {
        String name = file.getParent().getFileName().toString();
        Tokenizer ours = TokenizerFiles.load(file, Map.of(), ModelRegistry.of(new UnigramModelFactory()));
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        long start = System.nanoTime();
        try (HuggingFaceReference theirs = HuggingFaceReference.load(file)) {
            for (String text : texts) {
                compared++;
                record(mismatches, describe(text), EncodingDifference.of(ours.encode(text), theirs.encode(text)));
            }
            for (int i = 0; i + 1 < texts.size(); i += 2) {
                String first = texts.get(i);
                String second = texts.get(i + 1);
                compared++;
                Encoding our = ours.encodePair(first, second, ours.defaults());
                record(mismatches, "pair " + describe(first) + " + " + describe(second),
                        EncodingDifference.of(our, theirs.encodePair(first, second)));
            }
        }
        System.out.printf("%-18s %7d inputs compared, %d mismatches (%.1f s)%n", name, compared, mismatches.size(),
                (System.nanoTime() - start) / 1e9);
        mismatches.stream().limit(SHOWN_MISMATCHES).forEach(m -> System.out.println("  " + name + ": " + m));
        if (!mismatches.isEmpty()) {
            fail(name + ": " + mismatches.size() + " of " + compared + " inputs differ from HuggingFace; first:\n"
                    + String.join("\n", mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size()))));
        }
    }

    private static void record(List<String> mismatches, String input, String difference) {
        if (difference != null) {
            mismatches.add(input + "\n  " + difference);
        }
    }

    /** The input quoted, shortened, with code points outside printable ASCII escaped so that output is exact. */
    private static String describe(String text) {
        String shown = text.length() > 160 ? text.substring(0, 157) + "..." : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> {
            if (c >= 0x20 && c < 0x7F) {
                out.appendCodePoint(c);
            } else {
                out.append(String.format("\\u{%X}", c));
            }
        });
        return out.append('"').toString();
    }
}
