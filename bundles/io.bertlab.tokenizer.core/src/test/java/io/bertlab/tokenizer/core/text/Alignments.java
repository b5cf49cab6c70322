package io.bertlab.tokenizer.core.text;

import java.util.ArrayList;
import java.util.List;

/** Test helper: a normalized text as {@code char(start,end)} per code point, for assertions on alignments. */
public final class Alignments {

    private Alignments() {
    }

    /**
     * Describes each code point with its original span.
     *
     * @param text the text
     * @return e.g. {@code ["T(0,1)", "M(1,2)"]}
     */
    public static List<String> of(NormalizedText text) {
        List<String> out = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.add(new String(Character.toChars(text.codePointAt(i))) + "(" + text.originalStart(i) + ","
                    + text.originalEnd(i) + ")");
        }
        return out;
    }
}
