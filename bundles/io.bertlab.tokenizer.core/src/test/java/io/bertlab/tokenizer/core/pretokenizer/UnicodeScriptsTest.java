package io.bertlab.tokenizer.core.pretokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.bertlab.tokenizer.core.text.NormalizedText;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HuggingFace's own {@code unicode_scripts} tests and the rules of its source; the exhaustive comparison with
 * HuggingFace over every code point is {@code UnicodeScriptsParityTest} in the Unigram bundle.
 */
class UnicodeScriptsTest {

    private static List<String> split(String text) {
        List<NormalizedText> words = new ArrayList<>();
        new UnicodeScripts().split(NormalizedText.of(text), words);
        List<String> out = new ArrayList<>();
        for (NormalizedText w : words) {
            out.add(w + "(" + w.originalStart(0) + "," + w.originalEnd(w.length() - 1) + ")");
        }
        return out;
    }

    @Test
    void splitsWhereTheScriptChangesAsHuggingFaceTestsExpect() {
        assertEquals(List.of("どこで生れ(0,5)", "。(5,6)", "Yes(6,9)"), split("どこで生れ。Yes"));
        assertEquals(List.of("Apples are (0,11)", "りんご 林檎(11,17)"), split("Apples are りんご 林檎"));
    }

    @Test
    void kanaAndTheProlongedSoundMarkCountAsHan() {
        int han = SentencePieceScripts.of('京');
        for (int c : new int[] {'太', 'い', 'グ', 'ー'}) {
            assertEquals(han, SentencePieceScripts.of(c), Character.getName(c));
        }
        assertEquals(SentencePieceScripts.of('0'), SentencePieceScripts.of('$'));
        assertNotEquals(SentencePieceScripts.of('a'), SentencePieceScripts.of('0'));
        assertEquals(SentencePieceScripts.ANY, SentencePieceScripts.of(' '));
    }

    /** Common (punctuation) is a script of its own; the space belongs to no script and stays with the word before. */
    @Test
    void punctuationSplitsFromLettersAndSpacesJoinTheWordBefore() {
        assertEquals(List.of("Hello(0,5)", ", (5,7)", "world(7,12)"), split("Hello, world"));
    }

    @Test
    void charactersWithoutScriptBeforeTheFirstWordAreDropped() {
        assertEquals(List.of("abc(2,5)"), split("  abc"));
        assertEquals(List.of(), split("   "));
    }

    /** Characters assigned after Unicode 9.0 have no script in HuggingFace's table (U+1F97A is of Unicode 11). */
    @Test
    void charactersNewerThanUnicode9HaveNoScript() {
        assertEquals(SentencePieceScripts.ANY, SentencePieceScripts.of(0x1F97A));
        assertEquals(List.of("a\uD83E\uDD7Ab(0,3)"), split("a\uD83E\uDD7Ab"));
    }
}
