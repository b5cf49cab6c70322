package io.bertlab.tokenizer.core.text;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the extended grapheme clusters of a {@link NormalizedText} (what Rust's
 * {@code unicode-segmentation graphemes(true)} yields), in code point indices. Two ASCII characters are always
 * apart (except CR LF), so ASCII text never reaches the regular expression; other clusters are Java's {@code \X}.
 *
 * <p>Java 17's {@code \X} follows Unicode 13, HuggingFace's {@code unicode-segmentation} 1.12 Unicode 16: clusters
 * differ only for marks assigned since 13 and for the Indic conjunct rule of 15.1 (consonant, virama, consonant),
 * whose clusters are of characters of three UTF-8 bytes each.
 */
public final class Graphemes {

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    private final NormalizedText text;
    private String string;
    private Matcher matcher;
    private int index;
    private int charIndex;

    /**
     * A walk from the start of a text.
     *
     * @param text the text
     */
    public Graphemes(NormalizedText text) {
        this.text = text;
    }

    /**
     * Moves past the next cluster.
     *
     * @return the end (exclusive) of the cluster that starts where the previous one ended, or -1 at the end
     */
    public int next() {
        int n = text.length();
        if (index >= n) {
            return -1;
        }
        int c = text.codePointAt(index);
        if (c < 0x80) {
            int d = index + 1 < n ? text.codePointAt(index + 1) : -1;
            if (d < 0x80 && !(c == '\r' && d == '\n')) {
                index++;
                charIndex++;
                return index;
            }
        }
        if (matcher == null) {
            string = text.toString();
            matcher = CLUSTER.matcher(string);
        }
        matcher.region(charIndex, string.length());
        int end = matcher.lookingAt() ? matcher.end() : charIndex + Character.charCount(c);
        while (charIndex < end) {
            charIndex += Character.charCount(text.codePointAt(index));
            index++;
        }
        return index;
    }
}
