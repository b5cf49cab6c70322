package io.bertlab.tokenizer.trainer;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The 256 characters that stand for bytes in byte-level BPE (GPT-2's mapping: printable Latin-1 bytes stand for
 * themselves, the others for U+0100 onwards), which a byte-level vocabulary always holds.
 */
final class ByteLevelAlphabet {

    private ByteLevelAlphabet() {
    }

    static Set<Integer> codePoints() {
        Set<Integer> alphabet = new LinkedHashSet<>();
        int shifted = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            alphabet.add(printable ? b : 256 + shifted++);
        }
        return alphabet;
    }
}
