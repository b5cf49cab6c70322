package io.bertlab.tokenizer.wordpiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import org.junit.jupiter.api.Test;

/** Reading WordPiece models, and the greedy longest-match rule on a hand-made vocabulary. */
class WordPieceModelFactoryTest {

    private static final ModelRegistry MODELS = ModelRegistry.of(new WordPieceModelFactory());

    @Test
    void unknownTokenMissingFromVocabularyIsNamed() {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"WordPiece\", \"unk_token\": \"[UNK]\", \"vocab\": {\"a\": 0}}}", MODELS));
        assertTrue(e.getMessage().contains("model.unk_token") && e.getMessage().contains("\"[UNK]\""), e::getMessage);
    }

    @Test
    void negativeIdIsNamed() {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"WordPiece\", \"vocab\": {\"[UNK]\": 0, \"a\": -4}}}", MODELS));
        assertTrue(e.getMessage().contains("model.vocab.a") && e.getMessage().contains("non-negative"),
                e::getMessage);
    }

    @Test
    void oldFilesWithoutTypeAreRecognized() throws TokenizerFormatException {
        var tokenizer = TokenizerFiles.fromJson("{\"model\": {\"unk_token\": \"[UNK]\", \"continuing_subword_prefix\":"
                + " \"##\", \"max_input_chars_per_word\": 100, \"vocab\": {\"[UNK]\": 0, \"un\": 1, \"##aff\": 2,"
                + " \"##able\": 3}}}", MODELS);
        // The example of Song et al. (2021) and of BERT's WordPiece: "unaffable" -> un ##aff ##able.
        assertArrayEquals(new int[] {1, 2, 3}, tokenizer.encode("unaffable", EncodeOptions.plain()).ids());
        // A word that cannot be covered is one unknown token, whatever its prefix matched.
        assertArrayEquals(new int[] {0}, tokenizer.encode("unaffablex", EncodeOptions.plain()).ids());
    }
}
