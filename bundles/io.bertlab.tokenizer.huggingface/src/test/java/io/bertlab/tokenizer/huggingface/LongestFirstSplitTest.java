package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.testing.SharedData;
import io.bertlab.api.tokenizer.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code longest_first} shares the length between the two texts of a pair, against the rule of HF's
 * {@code truncate_encodings} (tokenizers/src/utils/truncation.rs, the same in 0.21.4, which DJL bundles, 0.23.1 and
 * the main branch): the shorter text keeps all its tokens when the longer one can make room; when both are too
 * long the shorter gets half the budget rounded down and the longer the rest, so an odd budget's extra token goes
 * to the longer text, and to the second when both are equally long. Checked for every pair of lengths up to 14
 * and budgets 4 to 13, with HF (DJL) and with the rule computed from the lengths.
 */
class LongestFirstSplitTest {

    private static final Path FILE = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");

    @Test
    void theBudgetIsSharedAsHuggingFaceSharesIt() throws Exception {
        Tokenizer ours = new TokenizerSources.Source("bert-base-uncased", FILE, Map.of()).load();
        int checked = 0;
        try (HuggingFaceOracle oracle = HuggingFaceOracle.fromJson(Files.readString(FILE))) {
            for (int maxLength = 7; maxLength <= 16; maxLength++) {
                EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(maxLength), null);
                oracle.configure(options);
                int budget = maxLength - 3; // [CLS] A [SEP] B [SEP]
                for (int n1 = 1; n1 <= 14; n1++) {
                    for (int n2 = 1; n2 <= 14; n2++) {
                        String first = words(n1);
                        String second = words(n2);
                        Encoding encoding = ours.encodePair(first, second, options);
                        assertNull(EncodingComparison.difference(encoding,
                                oracle.encodePair(first, second, true)), n1 + "+" + n2 + " in " + maxLength);
                        int[] expected = split(n1, n2, budget);
                        assertEquals(expected[0], count(encoding, 0), "first of " + n1 + "+" + n2 + " in " + budget);
                        assertEquals(expected[1], count(encoding, 1), "second of " + n1 + "+" + n2 + " in " + budget);
                        checked++;
                    }
                }
            }
        }
        System.out.println("longest_first: " + checked + " pairs of lengths and budgets as HF and its rule");
    }

    /** The rule of truncation.rs, from the lengths alone. */
    private static int[] split(int n1, int n2, int budget) {
        if (n1 + n2 <= budget) {
            return new int[] {n1, n2};
        }
        int shorter = Math.min(n1, n2);
        int longer = Math.max(n1, n2);
        if (shorter <= budget - shorter) {
            longer = budget - shorter;
        } else {
            shorter = budget / 2;
            longer = shorter + budget % 2;
        }
        return n1 > n2 ? new int[] {longer, shorter} : new int[] {shorter, longer};
    }

    private static String words(int n) {
        return "a ".repeat(n).trim();
    }

    private static int count(Encoding encoding, int typeId) {
        int n = 0;
        for (int i = 0; i < encoding.ids().length; i++) {
            if (encoding.specialTokensMask()[i] == 0 && encoding.typeIds()[i] == typeId) {
                n++;
            }
        }
        return n;
    }
}
