package io.bertlab.tokenizer.core.normalizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.text.Alignments;
import io.bertlab.tokenizer.core.text.NormalizedText;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SentencePiece's nmt_nfkc charsmap (from the ALBERT file) applied as HuggingFace's {@code precompiled.rs} does.
 * Expectations follow that source's rules; {@code SentencePieceFuzzParityTest} in the Unigram bundle checks the same
 * inputs against HuggingFace itself.
 */
class PrecompiledTest {

    private static Precompiled nmtNfkc;

    @BeforeAll
    static void loadCharsmap() throws IOException {
        JsonNode root = new ObjectMapper().readTree(
                SharedData.reference("tokenizers/albert-base-v2/tokenizer.json").toFile());
        for (JsonNode n : root.get("normalizer").get("normalizers")) {
            if (n.get("type").asText().equals("Precompiled")) {
                nmtNfkc = new Precompiled(Base64.getDecoder().decode(n.get("precompiled_charsmap").asText()));
            }
        }
    }

    private static List<String> normalize(String text) {
        return Alignments.of(nmtNfkc.normalize(NormalizedText.of(text)));
    }

    @Test
    void textWithoutRulesIsLeftAsItIs() {
        NormalizedText text = NormalizedText.of("Quero um cartão adicional");
        assertSame(text, nmtNfkc.normalize(text));
    }

    @Test
    void eachCharacterIsReplacedByItsRule() {
        assertEquals(List.of("A(0,1)", "B(1,2)"), normalize("ＡＢ"));
        assertEquals(List.of("a(0,1)", " (1,2)", "b(2,3)"), normalize("a\u00A0b"));
        assertEquals(List.of(" (0,1)"), normalize("\t"));
    }

    @Test
    void longerReplacementsInsertCharactersAlignedWithTheReplacedOne() {
        assertEquals(List.of("f(0,1)", "i(0,1)"), normalize("ﬁ"));
        assertEquals(List.of("1(0,1)", "⁄(0,1)", "2(0,1)"), normalize("½"));
    }

    /** A cluster below 6 bytes is replaced whole: "e" + U+0301 becomes "é", aligned with the "e" alone. */
    @Test
    void shortClustersAreReplacedWhole() {
        assertEquals(List.of("é(0,1)", "x(2,3)"), normalize("e\u0301x"));
    }

    /** The whole-cluster look-up takes the shortest prefix with a rule: CR LF becomes the space of CR. */
    @Test
    void wholeClusterTakesTheRuleOfItsShortestPrefix() {
        assertEquals(List.of(" (0,1)", "x(2,3)"), normalize("\r\nx"));
    }

    /** From HuggingFace's {@code expansion_followed_by_removal}: "™" → "TM", then U+001E → "". */
    @Test
    void aRemovalIsChargedToTheLastCharacterWritten() {
        assertEquals(List.of("T(0,1)", "M(1,2)", "g(2,3)"), normalize("™\u001Eg"));
    }

    /** Nothing written yet to charge the removal to: HuggingFace loses it and the spans after it shift. */
    @Test
    void aRemovalAtTheStartShiftsTheSpansAsHuggingFaceDoes() {
        assertEquals(List.of("a(0,1)", "b(1,2)"), normalize("\u001Eab"));
    }

    @Test
    void aNulCharacterEndsTheLookUp() {
        assertEquals(List.of("a(0,1)", "\u0000(1,2)", "b(2,3)"), normalize("a\u0000b"));
    }

    /** Clusters of 6 bytes or more are replaced character by character. */
    @Test
    void longClustersAreReplacedPerCharacter() {
        assertEquals(List.of("カ(0,1)", "\u3099(1,2)"), normalize("ｶﾞ"));
    }

    @Test
    void writesTheCharsmapBack() {
        byte[] bytes = Base64.getDecoder().decode((String) nmtNfkc.toJson().get("precompiled_charsmap"));
        assertEquals(nmtNfkc.toJson(), new Precompiled(bytes).toJson());
        assertEquals(List.of("type", "precompiled_charsmap"), List.copyOf(nmtNfkc.toJson().keySet()));
        assertEquals("Precompiled", nmtNfkc.toJson().get("type"));
    }

    @Test
    void malformedCharsmapsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> new Precompiled(new byte[] {1, 0}));
        assertThrows(IllegalArgumentException.class, () -> new Precompiled(new byte[] {8, 0, 0, 0, 1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> new Precompiled(new byte[] {4, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF}));
    }
}
