package io.bertlab.tokenizer.wordpiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.tokenizer.wordpiece.GreedyReference.Piece;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The corners of WordPiece on small hand-made vocabularies: each expected split is spelled out, and checked
 * against the plain greedy reference as well.
 */
class WordPieceCornerCaseTest {

    @Test
    void songEtAlExample() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "un", "##aff", "##able");
        v.assertSplit("unaffable", "un[0,2) ##aff[2,5) ##able[5,9)");
        // Covered up to the last code point, then stuck: the whole word is one unknown token.
        v.assertSplit("unaffablex", "[UNK][0,10)");
        v.assertSplit("unaff", "un[0,2) ##aff[2,5)");
        v.assertSplit("unaf", "[UNK][0,4)");
    }

    @Test
    void prefixEntryStartsAWordButIsNeverAnEmptyContinuation() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "##", "###", "a", "##b", "#");
        v.assertSplit("##", "##[0,2)");
        v.assertSplit("a##", "a[0,1) ###[1,2) ###[2,3)");
        // A word that starts with the prefix matches whole entries: "##b" is looked up as written.
        v.assertSplit("##b", "##b[0,3)");
        v.assertSplit("##bb", "##b[0,3) ##b[3,4)");
        v.assertSplit("#", "#[0,1)");
    }

    @Test
    void withoutThePrefixEntry() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "#", "a", "##a", "##b");
        v.assertSplit("##", "[UNK][0,2)");
        v.assertSplit("##b", "##b[0,3)");
        v.assertSplit("##ab", "##a[0,3) ##b[3,4)");
        v.assertSplit("#a", "#[0,1) ##a[1,2)");
        v.assertSplit("a#", "[UNK][0,2)");
    }

    @Test
    void piecesThatArePrefixesOfOthers() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "a", "ab", "abc", "##b", "##c", "##d", "##bcd", "##bcde");
        v.assertSplit("abcd", "abc[0,3) ##d[3,4)");
        v.assertSplit("abd", "ab[0,2) ##d[2,3)");
        v.assertSplit("abbcd", "ab[0,2) ##bcd[2,5)");
        v.assertSplit("abbcdd", "ab[0,2) ##bcd[2,5) ##d[5,6)");
        // Greedy does not backtrack: "a ##b ##c ##e" would not help, since ##e is missing anyway; and
        // "abc" + "##e" fails although "ab" + "##c" + ... was never tried.
        v.assertSplit("abce", "[UNK][0,4)");
        v.assertSplit("abbcde", "ab[0,2) ##bcde[2,6)");
    }

    @Test
    void greedyFirstPieceCanStrandTheRest() {
        // "abc" is taken first, then "##d" alone is missing, although "ab" + "##cd" would cover the word.
        Vocabulary v = new Vocabulary("##", "[UNK]", "ab", "abc", "##cd");
        v.assertSplit("abcd", "[UNK][0,4)");
        v.assertSplit("abcdcd", "[UNK][0,6)");
    }

    @Test
    void prefixInsideATokenIsAnOrdinaryCharacter() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "a##b", "a", "b", "##a##b", "##b", "##a", "###");
        v.assertSplit("a##b", "a##b[0,4)");
        v.assertSplit("ba##b", "b[0,1) ##a##b[1,5)");
        v.assertSplit("a##", "a[0,1) ###[1,2) ###[2,3)");
        v.assertSplit("a#b", "a[0,1) ###[1,2) ##b[2,3)");
    }

    @Test
    void codePointsBeyondTheBmpCountOnce() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "😀", "##😀", "𝔘", "##𝔘𝔘", "a");
        v.assertSplit("😀😀", "😀[0,1) ##😀[1,2)");
        v.assertSplit("😀𝔘𝔘", "😀[0,1) ##𝔘𝔘[1,3)");
        v.assertSplit("𝔘", "𝔘[0,1)");
        v.assertSplit("😀a", "[UNK][0,2)");
    }

    @Test
    void oneCodePointWords() {
        Vocabulary v = new Vocabulary("##", "[UNK]", "a", "##a");
        v.assertSplit("a", "a[0,1)");
        v.assertSplit("z", "[UNK][0,1)");
        v.assertSplit("aa", "a[0,1) ##a[1,2)");
        v.assertSplit("aaaa", "a[0,1) ##a[1,2) ##a[2,3) ##a[3,4)");
    }

    @Test
    void wordsLongerThanTheLimitAreUnknownEvenWhenCoverable() {
        Vocabulary v = new Vocabulary("##", 5, "[UNK]", "a", "##a");
        v.assertSplit("aaaaa", "a[0,1) ##a[1,2) ##a[2,3) ##a[3,4) ##a[4,5)");
        v.assertSplit("aaaaaa", "[UNK][0,6)");
        v.assertSplit("😀😀😀😀😀😀", "[UNK][0,6)");
    }

    @Test
    void otherContinuationPrefixes() {
        Vocabulary at = new Vocabulary("@@", "[UNK]", "un", "@@aff", "@@able", "##aff");
        at.assertSplit("unaffable", "un[0,2) @@aff[2,5) @@able[5,9)");
        // With an empty prefix every entry can continue a word.
        Vocabulary empty = new Vocabulary("", "[UNK]", "a", "ab", "b");
        empty.assertSplit("aab", "a[0,1) ab[1,3)");
        empty.assertSplit("bab", "b[0,1) ab[1,3)");
        // A prefix beyond the BMP.
        Vocabulary emoji = new Vocabulary("🔗", "[UNK]", "un", "🔗aff", "🔗able");
        emoji.assertSplit("unaffable", "un[0,2) 🔗aff[2,5) 🔗able[5,9)");
    }

    @Test
    void failureChainsThatPopSeveralPieces() {
        // At "abcd" + "x" the automaton pops ab, ##c and lands on the continuation "d" in one failure transition.
        Vocabulary v = new Vocabulary("##", "[UNK]", "ab", "abcdy", "##c", "##dx", "##d");
        v.assertSplit("abcdx", "ab[0,2) ##c[2,3) ##dx[3,5)");
        v.assertSplit("abcdy", "abcdy[0,5)");
        v.assertSplit("abcd", "ab[0,2) ##c[2,3) ##d[3,4)");
        v.assertSplit("abcdz", "[UNK][0,5)");
        // Linking "abcde" walks three failure links: "cd" (no "##cde"), then "d" (no "##de"), then the empty
        // continuation, which has "e"; a word stuck there pops ab, ##c and ##d at once.
        Vocabulary chain = new Vocabulary("##", "[UNK]", "ab", "abcdey", "##cdq", "##c", "##d", "##e", "##ex");
        chain.assertSplit("abcdex", "ab[0,2) ##c[2,3) ##d[3,4) ##ex[4,6)");
        chain.assertSplit("abcde", "ab[0,2) ##c[2,3) ##d[3,4) ##e[4,5)");
        chain.assertSplit("abcdey", "abcdey[0,6)");
    }

    @Test
    void missingUnknownTokenIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WordPieceModel(Map.of("a", 0, "##a", 1), "[UNK]", "##", 100));
        assertTrue(e.getMessage().contains("[UNK]"), e::getMessage);
    }

    /** A vocabulary with ids in the order given, its model and its reference. */
    private static final class Vocabulary {

        private final WordPieceModel model;
        /** The same model splitting by look-ups only, as every model does for its first words. */
        private final WordPieceModel greedyModel;
        private final GreedyReference reference;

        Vocabulary(String prefix, String... tokens) {
            this(prefix, 100, tokens);
        }

        Vocabulary(String prefix, int maxInputCharsPerWord, String... tokens) {
            Map<String, Integer> vocab = new LinkedHashMap<>();
            for (String token : tokens) {
                vocab.put(token, vocab.size());
            }
            model = new WordPieceModel(vocab, "[UNK]", prefix, maxInputCharsPerWord, 0);
            greedyModel = new WordPieceModel(vocab, "[UNK]", prefix, maxInputCharsPerWord, Long.MAX_VALUE);
            reference = new GreedyReference(vocab, "[UNK]", prefix, maxInputCharsPerWord);
        }

        void assertSplit(String word, String expected) {
            List<Piece> pieces = Splits.of(model, word);
            assertEquals(expected, describe(pieces), word);
            assertEquals(reference.split(word), pieces, () -> "reference for " + word);
            assertEquals(pieces, Splits.of(greedyModel, word), () -> "look-ups for " + word);
        }

        private String describe(List<Piece> pieces) {
            return pieces.stream().map(p -> model.idToToken(p.id()) + "[" + p.start() + "," + p.end() + ")")
                    .collect(Collectors.joining(" "));
        }
    }
}
