package io.bertlab.tokenizer.core.pretokenizer;

import io.bertlab.tokenizer.core.text.NormalizedText;
import io.bertlab.tokenizer.core.text.UnicodeClasses;

/**
 * GPT-2's word pattern, {@code 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+}, as a
 * hand-written scanner: the same matches as the regular expression (alternatives tried in order, each greedy),
 * without a regex engine or a string per piece. The matches cover the text, so each word ends where the next
 * starts.
 */
final class Gpt2WordScanner {

    private static final int LETTER = 0;
    private static final int NUMBER = 1;
    private static final int SPACE = 2;
    private static final int OTHER = 3;

    private Gpt2WordScanner() {
    }

    /**
     * The end of the word that starts at {@code i}: the pattern's match there.
     *
     * @param text the text
     * @param i where the word starts, below the text's length
     * @return the index after the word's last code point
     */
    static int wordEnd(NormalizedText text, int i) {
        int n = text.length();
        int c = text.codePointAt(i);
        if (c == '\'') {
            int contraction = contraction(text, i, n);
            if (contraction > 0) {
                return i + contraction;
            }
        }
        int start = i;
        if (c == ' ' && i + 1 < n && kind(text.codePointAt(i + 1)) != SPACE) {
            start = i + 1;
        }
        int k = kind(text.codePointAt(start));
        if (k != SPACE) {
            int j = start + 1;
            while (j < n && kind(text.codePointAt(j)) == k) {
                j++;
            }
            return j;
        }
        int j = i + 1;
        while (j < n && UnicodeClasses.isWhitespace(text.codePointAt(j))) {
            j++;
        }
        // \s+(?!\S): a run followed by a non-space gives back its last space, unless that leaves nothing.
        return j < n && j - i >= 2 ? j - 1 : j;
    }

    /** The length of 's 't 're 've 'm 'll 'd at {@code i}, or 0. */
    private static int contraction(NormalizedText text, int i, int n) {
        if (i + 1 >= n) {
            return 0;
        }
        int a = text.codePointAt(i + 1);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') {
            return 2;
        }
        if (i + 2 < n) {
            int b = text.codePointAt(i + 2);
            if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) {
                return 3;
            }
        }
        return 0;
    }

    private static int kind(int c) {
        if (UnicodeClasses.isWhitespace(c)) {
            return SPACE;
        }
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                return LETTER;
            }
            return c >= '0' && c <= '9' ? NUMBER : OTHER;
        }
        if (Character.isLetter(c)) {
            return LETTER;
        }
        return UnicodeClasses.isNumeric(c) ? NUMBER : OTHER;
    }
}
