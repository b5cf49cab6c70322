package io.bertlab.tokenizer.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed tokenizer files fail with a message that names the file, the place and what was expected. */
class MalformedTokenizerFileTest {

    @TempDir
    Path dir;

    private TokenizerFormatException failure(String fileName, String content) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, content);
        return assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.load(file, Map.of(),
                new ModelRegistry()));
    }

    private static void assertMentions(TokenizerFormatException e, String... parts) {
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "message should mention '" + part + "': " + e.getMessage());
        }
    }

    @Test
    void emptyFile() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "");
        assertMentions(e, dir.resolve("tokenizer.json").toString(), "empty", "expected a JSON object");
    }

    @Test
    void binaryFileNamesLineAndByteOfTheFirstInvalidByte() throws IOException {
        Path file = dir.resolve("model.bin");
        Files.write(file, new byte[] {'{', '\n', '"', (byte) 0x8F, 0x00, 0x13});
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.load(file,
                Map.of(), new ModelRegistry()));
        assertMentions(e, file + ": line 2, byte offset 3: invalid UTF-8 (0x8F): not a text file");
    }

    @Test
    void bpeVocabularyWithoutItsMergesSaysSo() throws IOException {
        // GPT-2's vocabulary holds the token "model" itself, which must not read as a tokenizer.json's model
        TokenizerFormatException e = failure("vocab.json", "{\"<|endoftext|>\": 0, \"model\": 19849}");
        assertMentions(e, "vocab.json", "a BPE vocabulary without its merges", dir.resolve("merges.txt")
                + " does not exist");
    }

    @Test
    void badJsonNamesLineAndColumn() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "{\n  \"version\": \"1.0\",\n  \"model\": {,\n}");
        assertMentions(e, "tokenizer.json", "line 3", "not valid JSON");
    }

    @Test
    void unknownNormalizerType() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json",
                "{\"normalizer\": {\"type\": \"Sequence\", \"normalizers\": [{\"type\": \"NFC\"}, {\"type\": \"Fancy\"}]},"
                        + " \"model\": {\"type\": \"WordPiece\", \"vocab\": {}}}");
        assertMentions(e, "tokenizer.json", "normalizer.normalizers[1].type", "unknown normalizer type \"Fancy\"",
                "BertNormalizer");
    }

    @Test
    void unknownPreTokenizerType() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json",
                "{\"pre_tokenizer\": {\"type\": \"Magic\"}, \"model\": {\"vocab\": {}}}");
        assertMentions(e, "pre_tokenizer.type", "unknown pre-tokenizer type \"Magic\"");
    }

    @Test
    void unknownModelTypeNamesInstalledPlugins() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "{\"model\": {\"type\": \"Quantum\", \"vocab\": {}}}");
        assertMentions(e, "model.type", "unknown model type \"Quantum\"", "installed model plugins");
    }

    @Test
    void templateNamesSpecialTokenMissingFromSpecialTokens() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "{\"post_processor\": {\"type\": \"TemplateProcessing\","
                + " \"single\": [{\"SpecialToken\": {\"id\": \"[CLS]\", \"type_id\": 0}},"
                + " {\"Sequence\": {\"id\": \"A\", \"type_id\": 0}}], \"pair\": [], \"special_tokens\": {}},"
                + " \"model\": {\"vocab\": {}}}");
        assertMentions(e, "post_processor.single[0].SpecialToken.id", "\"[CLS]\"", "special_tokens");
    }

    @Test
    void wrongFieldTypeSaysWhatWasExpected() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json",
                "{\"normalizer\": {\"type\": \"BertNormalizer\", \"lowercase\": \"yes\"}, \"model\": {\"vocab\": {}}}");
        assertMentions(e, "normalizer.lowercase", "expected true or false", "\"yes\"");
    }

    @Test
    void charsmapThatIsNotBase64() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "{\"normalizer\": {\"type\": \"Sequence\","
                + " \"normalizers\": [{\"type\": \"Precompiled\", \"precompiled_charsmap\": \"not base64!\"}]},"
                + " \"model\": {\"vocab\": {}}}");
        assertMentions(e, "tokenizer.json", "normalizer.normalizers[0].precompiled_charsmap", "expected base64");
    }

    @Test
    void charsmapWhoseTrieDoesNotFit() throws IOException {
        TokenizerFormatException e = failure("tokenizer.json", "{\"normalizer\": {\"type\": \"Precompiled\","
                + " \"precompiled_charsmap\": \"QAAAAAAA\"}, \"model\": {\"vocab\": {}}}");
        assertMentions(e, "normalizer.precompiled_charsmap", "SentencePiece charsmap", "64 bytes");
    }

    @Test
    void vocabTxtWithoutSpecialToken() throws IOException {
        TokenizerFormatException e = failure("vocab.txt", "[PAD]\n[UNK]\n[SEP]\nhello\n");
        assertMentions(e, "vocab.txt", "[CLS]", "not in the vocabulary");
    }

    @Test
    void emptyVocabTxt() throws IOException {
        TokenizerFormatException e = failure("vocab.txt", "");
        assertMentions(e, "vocab.txt", "line 1", "empty");
    }

    @Test
    void mergesLineWithoutTwoTokens() throws IOException {
        Files.writeString(dir.resolve("merges.txt"), "#version: 0.2\na b\nabc\n");
        TokenizerFormatException e = failure("vocab.json", "{\"a\": 0, \"b\": 1, \"ab\": 2}");
        assertMentions(e, "merges.txt", "line 3", "two tokens separated by one space", "\"abc\"");
    }
}
