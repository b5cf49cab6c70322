package io.bertlab.tokenizer.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import org.junit.jupiter.api.Test;

/** Reading BPE models: malformed merges are named; merges apply by rank. */
class BpeModelFactoryTest {

    private static final ModelRegistry MODELS = ModelRegistry.of(new BpeModelFactory());

    @Test
    void mergeOfUnknownTokenNamesTheMerge() {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, \"b\": 1, \"ab\": 2},"
                        + " \"merges\": [\"a b\", \"ab c\"]}}", MODELS));
        assertTrue(e.getMessage().contains("model.merges[1]") && e.getMessage().contains("\"c\""), e::getMessage);
    }

    @Test
    void malformedMergeEntry() {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0}, \"merges\": [\"a\"]}}", MODELS));
        assertTrue(e.getMessage().contains("model.merges[0]") && e.getMessage().contains("\"left right\""),
                e::getMessage);
    }

    @Test
    void unknownTokenMissingFromVocabulary() {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"BPE\", \"unk_token\": \"<unk>\", \"vocab\": {\"a\": 0}, \"merges\": []}}",
                MODELS));
        assertTrue(e.getMessage().contains("model.unk_token"), e::getMessage);
    }

    @Test
    void lowerRankMergesFirst() throws TokenizerFormatException {
        // "abc": merge "b c" (rank 0) wins over "a b" (rank 1), then "a bc" (rank 2).
        var tokenizer = TokenizerFiles.fromJson("{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, \"b\": 1,"
                + " \"c\": 2, \"ab\": 3, \"bc\": 4, \"abc\": 5}, \"merges\": [\"b c\", \"a b\", \"a bc\"]}}", MODELS);
        assertArrayEquals(new int[] {5}, tokenizer.encode("abc", EncodeOptions.plain()).ids());
        assertArrayEquals(new int[] {3}, tokenizer.encode("ab", EncodeOptions.plain()).ids());
    }
}
