package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.fail;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.testing.SharedData;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Random Unicode through every WordPiece/BPE {@code tokenizer.json}: control characters, combining marks, emoji
 * (with joiners and modifiers), zero-width and unusual spaces, CJK, right-to-left scripts, code points unassigned
 * in Unicode, private use, characters assigned after Unicode 8.0 (HuggingFace's category tables), the code points
 * next to the surrogates, unpaired surrogates, and one 1 MB line. No exception may escape; offsets must lie within the input and never go backwards; where
 * HuggingFace can take the same input, the results must be identical. Inputs with unpaired surrogates are not
 * compared: they have no UTF-8 form, so HuggingFace receives different text (U+FFFD replacements) through JNI.
 */
class TokenizerFuzzTest {

    private static final int INPUTS = Integer.getInteger("bertlab.fuzz.inputs", 300);
    private static final long SEED = 20261126L;

    /** Code point ranges drawn from (gaps of unassigned code points included). */
    private static final int[][] POOLS = {
        {'a', 'z'}, {'A', 'Z'}, {'0', '9'}, {' ', '/'}, {':', '@'}, {0x00, 0x1F}, {0x7F, 0x9F}, {0xC0, 0x17F},
        {0x300, 0x36F}, {0x391, 0x3C9}, {0x410, 0x44F}, {0x5D0, 0x5EA}, {0x627, 0x64A}, {0x900, 0x939},
        {0xE01, 0xE3A}, {0x3041, 0x3096}, {0x4E00, 0x4FFF}, {0xAC00, 0xAD00}, {0x2000, 0x200F}, {0x2028, 0x202F},
        {0x1F300, 0x1F5FF}, {0x1F600, 0x1F64F}, {0x1F3FB, 0x1F3FF}, {0xFE00, 0xFE0F}, {0xFF01, 0xFF5E},
        {0xD800, 0xDFFF}, // last: only for inputs that may hold unpaired surrogates
    };
    /**
     * Unassigned code points, characters assigned after Unicode 8.0 and private use, for the tokenizers without a
     * ByteLevel pre-tokenizer: HuggingFace's GPT-2 pattern knows the letters of a Unicode newer than Java 17's 13,
     * so ByteLevel splits words differently around letters assigned since (U+0870.., Unicode 14).
     */
    private static final int[][] UNICODE_VERSION_POOLS = {
        {0x0378, 0x037F}, {0x0860, 0x08FF}, {0x2E40, 0x2E7F}, {0x2FE0, 0x2FEF}, {0xFFF0, 0xFFFF}, {0x110C0, 0x110CF},
        {0x1BC9C, 0x1BCA3}, {0x2B800, 0x2B92F}, {0x50000, 0x500FF}, {0xE0000, 0xE007F}, // unassigned, newer, tags
        {0xE000, 0xE0FF}, {0xF8F0, 0xF8FF}, {0xF0000, 0xF00FF}, {0x10FF00, 0x10FFFF}, // private use and around it
        {0xD700, 0xD7FF}, // just below the surrogates (Hangul Jamo Extended-B and unassigned code points)
    };
    private static final int[] SPECIALS = {0x200B, 0x200C, 0x200D, 0xFEFF, 0xA0, 0x3000, 0x1680, 0x85, 0xFFFD, '\t',
        '\n', '\r', 0x2060, 0xAD};

    @TestFactory
    Stream<DynamicTest> randomUnicode() {
        List<TokenizerSources.Source> sources = TokenizerSources.find(SharedData.require("tokenizers")).stream()
                .filter(s -> s.file().getFileName().toString().equals("tokenizer.json")).toList();
        return sources.stream().map(source -> DynamicTest.dynamicTest(source.name(), () -> fuzz(source)));
    }

    private static void fuzz(TokenizerSources.Source source) {
        Tokenizer ours = source.load();
        SplittableRandom random = new SplittableRandom(SEED);
        boolean unicodeVersions = !source.oracleJson(ours).contains("\"ByteLevel\"");
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < INPUTS; i++) {
            inputs.add(randomText(random, 1 + random.nextInt(80), random.nextInt(5) == 0, unicodeVersions));
        }
        inputs.add(randomText(random, 1 << 20, false, unicodeVersions));
        List<String> problems = new ArrayList<>();
        int compared = 0;
        try (HuggingFaceOracle oracle = HuggingFaceOracle.fromJson(source.oracleJson(ours))) {
            oracle.configure(EncodeOptions.plain());
            for (String input : inputs) {
                Encoding encoding;
                try {
                    encoding = ours.encode(input, EncodeOptions.plain());
                } catch (RuntimeException e) {
                    problems.add("exception " + e + " for " + describe(input));
                    continue;
                }
                String invalid = invalidOffsets(encoding, input.codePointCount(0, input.length()));
                if (invalid != null) {
                    problems.add(invalid + " for " + describe(input));
                }
                if (hasUnpairedSurrogate(input)) {
                    continue;
                }
                HuggingFaceOracle.OracleEncoding theirs;
                try {
                    theirs = oracle.encode(input, true);
                } catch (RuntimeException hfFailure) {
                    continue;
                }
                compared++;
                String difference = EncodingComparison.difference(encoding, theirs);
                if (difference != null) {
                    problems.add(difference + "\n  for " + describe(input));
                }
            }
        }
        System.out.printf("fuzz %-40s %d inputs, %d compared with HF, %d problems%n", source.name(), inputs.size(),
                compared, problems.size());
        if (!problems.isEmpty()) {
            fail(source.name() + ": " + problems.size() + " problems; first:\n"
                    + String.join("\n", problems.subList(0, Math.min(5, problems.size()))));
        }
    }

    private static String randomText(SplittableRandom random, int length, boolean withSurrogates,
            boolean withUnicodeVersionPools) {
        StringBuilder sb = new StringBuilder(length + 2);
        while (sb.length() < length) {
            if (random.nextInt(6) == 0) {
                sb.appendCodePoint(SPECIALS[random.nextInt(SPECIALS.length)]);
                continue;
            }
            int[] pool = withUnicodeVersionPools && random.nextInt(4) == 0
                    ? UNICODE_VERSION_POOLS[random.nextInt(UNICODE_VERSION_POOLS.length)]
                    : POOLS[random.nextInt(withSurrogates ? POOLS.length : POOLS.length - 1)];
            int c = pool[0] + random.nextInt(pool[1] - pool[0] + 1);
            if (c >= 0xD800 && c <= 0xDFFF) {
                sb.append((char) c);
            } else {
                sb.appendCodePoint(c);
            }
        }
        return sb.toString();
    }

    private static String invalidOffsets(Encoding encoding, int length) {
        int[] starts = encoding.offsetStarts();
        int[] ends = encoding.offsetEnds();
        int[] sequences = encoding.sequenceIds();
        int previous = 0;
        for (int i = 0; i < starts.length; i++) {
            if (sequences[i] < 0) {
                continue;
            }
            if (starts[i] < 0 || starts[i] > ends[i] || ends[i] > length) {
                return "offsets[" + i + "] (" + starts[i] + "," + ends[i] + ") outside [0," + length + "]";
            }
            if (starts[i] < previous) {
                return "offsets[" + i + "] start " + starts[i] + " before the previous token's " + previous;
            }
            previous = starts[i];
        }
        return null;
    }

    private static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static String describe(String input) {
        StringBuilder sb = new StringBuilder("input of " + input.length() + " chars: ");
        input.codePoints().limit(40).forEach(c -> sb.append(String.format("U+%04X ", c)));
        return sb.toString();
    }
}
