package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random short texts from the characters SentencePiece's charsmap and HuggingFace's {@code Precompiled} treat
 * specially (controls and odd spaces, combining marks, compatibility forms, full- and half-width forms, Hangul
 * jamo, Indic and Lao clusters, emoji sequences, the quotes XLNet and ALBERT replace), through the three
 * SentencePiece-derived files as they are, against HuggingFace: every column must be identical. Seeded, so a
 * failure repeats.
 */
class SentencePieceFuzzParityTest {

    private static final int TEXTS = 3000;
    private static final int MAX_LENGTH = 24;
    private static final int MAX_SHOWN = 10;

    /** Pools of code points, as inclusive ranges; a character is drawn from a pool drawn uniformly. */
    private static final int[][] POOLS = {
        {'a', 'z', 'A', 'Z', '0', '9'},
        {' ', ' ', '\t', '\r', 0x00, 0x1F, 0x7F, 0x7F, 0x85, 0x85, 0xA0, 0xA0, 0x1680, 0x1680, 0x2000, 0x200F,
            0x2028, 0x202F, 0x205F, 0x2060, 0x3000, 0x3000, 0xFEFF, 0xFEFF},
        {'.', '/', '`', '`', '\'', '\'', '"', '"', '(', ')', 0x2013, 0x2014, 0x2018, 0x201F, 0x2026, 0x2026},
        {0x300, 0x36F, 0x483, 0x489, 0x591, 0x5BD, 0x64B, 0x652, 0x93C, 0x93C, 0x94D, 0x94D, 0x20D0, 0x20F0,
            0xFE00, 0xFE0F, 0x3099, 0x309A},
        {0xC0, 0x24F, 0x370, 0x3FF, 0x400, 0x4FF},
        {0xFB00, 0xFB06, 0x2460, 0x2473, 0x2122, 0x2122, 0xBD, 0xBD, 0x2153, 0x215F, 0x2160, 0x216F, 0x2100, 0x2109,
            0x1C4, 0x1CC, 0x132, 0x133, 0x3300, 0x3357, 0x1D400, 0x1D433},
        {0xFF01, 0xFF5E, 0xFF61, 0xFF9F, 0xFFE0, 0xFFEE},
        {0x4E00, 0x4E50, 0x3041, 0x3096, 0x30A1, 0x30FC},
        {0xAC00, 0xAC50, 0x1100, 0x1112, 0x1161, 0x1175, 0x11A8, 0x11C2, 0x3131, 0x318E},
        {0x900, 0x97F, 0xE01, 0xE5B, 0xE81, 0xEDF, 0xB82, 0xBFA, 0x600, 0x6FF, 0x5D0, 0x5EA},
        {0x1F600, 0x1F64F, 0x1F3FB, 0x1F3FF, 0x200D, 0x200D, 0x2764, 0x2764, 0xFE0F, 0xFE0F, 0x1F1E6, 0x1F1FF,
            0x1F468, 0x1F469, 0x20E3, 0x20E3, '#', '#'},
        {0xE000, 0xE010, 0x378, 0x379, 0xFFFC, 0xFFFD, 0x10FFFD, 0x10FFFD},
    };

    @TestFactory
    Stream<DynamicTest> randomTextsEncodeAsHuggingFace() {
        return UnigramFiles.eachFile(SentencePieceFuzzParityTest::check);
    }

    private static void check(Path file) throws Exception {
        Tokenizer ours = TokenizerFiles.load(file, Map.of(), ModelRegistry.of(new UnigramModelFactory()));
        SplittableRandom random = new SplittableRandom(20240229);
        List<String> mismatches = new ArrayList<>();
        try (HuggingFaceReference theirs = HuggingFaceReference.load(file)) {
            for (int t = 0; t < TEXTS; t++) {
                String text = randomText(random);
                String difference = EncodingDifference.of(ours.encode(text), theirs.encode(text));
                if (difference != null) {
                    mismatches.add(text.codePoints().mapToObj(c -> String.format("U+%04X", c)).toList() + "\n  "
                            + difference);
                }
            }
        }
        System.out.printf("%-18s fuzz: %d random texts compared, %d mismatches%n", file.getParent().getFileName(),
                TEXTS, mismatches.size());
        assertEquals(List.of(), mismatches.subList(0, Math.min(MAX_SHOWN, mismatches.size())),
                mismatches.size() + " random texts differ from HuggingFace");
    }

    private static String randomText(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(MAX_LENGTH);
        for (int i = 0; i < length; i++) {
            int[] pool = POOLS[random.nextInt(POOLS.length)];
            int range = random.nextInt(pool.length / 2);
            text.appendCodePoint(random.nextInt(pool[2 * range], pool[2 * range + 1] + 1));
        }
        return text.toString();
    }
}
