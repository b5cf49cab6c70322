package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.fail;

import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import io.bertlab.testing.SharedData;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * bertlab against HuggingFace {@code tokenizers} on real files and real text: every WordPiece and BPE tokenizer
 * file × the lines of {@code text/} and the sentences of {@code glue/}, as single texts and pairs, plain and with
 * truncation (with stride: overflowing parts compared too) and padding. Compares tokens, ids, type ids, attention
 * mask, special-tokens mask, word ids and offsets; an input where HuggingFace fails must fail in bertlab too.
 *
 * <p>To stay within CI time, every {@code bertlab.parity.stride}-th input of each data file is used (default 50,
 * deterministic); {@code -Dbertlab.parity.stride=1} compares everything.
 */
class TokenizerParityTest {

    private static final int STRIDE = Integer.getInteger("bertlab.parity.stride", 50);
    private static final int SHOWN_MISMATCHES = 5;

    private static ParityInputs inputs;

    /** One way of calling the tokenizer. */
    private record Mode(String name, boolean pair, EncodeOptions options) {
    }

    private static final List<Mode> MODES = List.of(
            new Mode("single", false, EncodeOptions.plain()),
            new Mode("single, no special tokens", false, EncodeOptions.plain().withSpecialTokens(false)),
            new Mode("pair", true, EncodeOptions.plain()),
            new Mode("single, longest_first 16 stride 4, padded to 24 (multiple of 8)", false, EncodeOptions.of(true,
                    new Truncation(TruncationStrategy.LONGEST_FIRST, 16, 4, Direction.RIGHT),
                    new Padding(PaddingStrategy.FIXED, 20, 8, Direction.RIGHT, 0, 0, "[PAD]"))),
            new Mode("pair, longest_first 24, padded to 32", true, EncodeOptions.of(true,
                    Truncation.longestFirst(24), Padding.fixed(32))),
            // No stride for pairs: HuggingFace aborts the process (a Rust panic) when a stride reaches the length
            // left to a truncated sequence, which pairs of uneven length easily provoke.
            new Mode("pair, only_second 20", true, EncodeOptions.of(true,
                    new Truncation(TruncationStrategy.ONLY_SECOND, 20, 0, Direction.RIGHT), null)));

    @BeforeAll
    static void loadInputs() {
        inputs = ParityInputs.load(SharedData.require("text"), SharedData.require("glue"), STRIDE);
        System.out.printf("parity inputs (every %d-th of each file): %d texts, %d pairs%n", STRIDE,
                inputs.singles.size(), inputs.pairs.size());
    }

    @TestFactory
    Stream<DynamicTest> parityWithHuggingFace() {
        List<TokenizerSources.Source> sources = TokenizerSources.find(SharedData.require("tokenizers"));
        return sources.stream().map(source -> DynamicTest.dynamicTest(source.name(), () -> check(source)));
    }

    private static void check(TokenizerSources.Source source) {
        Tokenizer ours = source.load();
        List<String> mismatches = new ArrayList<>();
        long compared = 0;
        long start = System.nanoTime();
        try (HuggingFaceOracle oracle = HuggingFaceOracle.fromJson(source.oracleJson(ours))) {
            for (Mode mode : MODES) {
                oracle.configure(mode.options());
                int count = mode.pair() ? inputs.pairs.size() : inputs.singles.size();
                // Both tokenizers are thread-safe; comparing on every core keeps the suite within CI time.
                String[] problems = new String[count];
                IntStream.range(0, count).parallel().forEach(i -> {
                    String[] input = mode.pair() ? inputs.pairs.get(i) : new String[] {inputs.singles.get(i)};
                    String problem = compare(ours, oracle, mode, input);
                    if (problem != null) {
                        problems[i] = mode.name() + " " + quote(input) + "\n  " + problem;
                    }
                });
                compared += count;
                Arrays.stream(problems).filter(Objects::nonNull).forEach(mismatches::add);
            }
        }
        System.out.printf("%-50s %7d inputs compared, %d mismatches (%.1f s)%n", source.name(), compared,
                mismatches.size(), (System.nanoTime() - start) / 1e9);
        if (!mismatches.isEmpty()) {
            fail(source.name() + ": " + mismatches.size() + " of " + compared + " inputs differ from HuggingFace; first "
                    + Math.min(SHOWN_MISMATCHES, mismatches.size()) + ":\n"
                    + String.join("\n", mismatches.subList(0, Math.min(SHOWN_MISMATCHES, mismatches.size()))));
        }
    }

    private static String compare(Tokenizer ours, HuggingFaceOracle oracle, Mode mode, String[] input) {
        boolean special = mode.options().addSpecialTokens();
        HuggingFaceOracle.OracleEncoding theirs;
        try {
            theirs = mode.pair() ? oracle.encodePair(input[0], input[1], special) : oracle.encode(input[0], special);
        } catch (RuntimeException hfFailure) {
            try {
                encode(ours, mode, input);
                return "HF failed (" + hfFailure.getMessage() + ") but bertlab did not";
            } catch (IllegalArgumentException expected) {
                return null;
            }
        }
        Encoding encoding;
        try {
            encoding = encode(ours, mode, input);
        } catch (RuntimeException e) {
            return "bertlab failed: " + e + " but HF did not";
        }
        return EncodingComparison.difference(encoding, theirs);
    }

    private static Encoding encode(Tokenizer ours, Mode mode, String[] input) {
        return mode.pair() ? ours.encodePair(input[0], input[1], mode.options()) : ours.encode(input[0], mode.options());
    }

    private static String quote(String[] input) {
        StringBuilder sb = new StringBuilder();
        for (String s : input) {
            String shown = s.length() > 120 ? s.substring(0, 120) + "..." : s;
            sb.append(sb.length() == 0 ? "" : " | ").append('"').append(shown).append('"');
        }
        return sb.toString();
    }
}
