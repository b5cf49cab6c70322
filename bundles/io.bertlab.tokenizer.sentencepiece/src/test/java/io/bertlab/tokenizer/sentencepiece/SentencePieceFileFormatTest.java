package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.bpe.BpeModelFactory;
import io.bertlab.tokenizer.core.BertlabTokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.unigram.UnigramModelFactory;
import io.bertlab.tokenizer.wordpiece.WordPieceModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format in bertlab's loader: {@code .model} files are converted, every other file is read as before. */
class SentencePieceFileFormatTest {

    /** bertlab's loader outside OSGi, with the plugins and this format. */
    private static final TokenizerLoader LOADER = new BertlabTokenizerLoader(
            ModelRegistry.of(new UnigramModelFactory(), new BpeModelFactory(), new WordPieceModelFactory()),
            List.of(new SentencePieceFileFormat()));

    @TempDir
    Path temp;

    @Test
    void modelFilesEncodeAsSentencePiece() throws IOException {
        for (String model : List.of("t5-small/spiece.model", "mistral-7b/tokenizer.model")) {
            Path file = SharedData.require("tokenizers/" + model);
            Tokenizer tokenizer = LOADER.load(file);
            SentencePieceReferences.Line line = SentencePieceReferences.of(model.substring(0, model.indexOf('/')))
                    .stream().filter(l -> l.source().startsWith("text/botchan_en.txt")).findFirst().orElseThrow();
            // SentencePiece's ids have no special tokens; the post-processor comes from tokenizer_config.json.
            assertArrayEquals(line.ids(), tokenizer.encode(line.text(), EncodeOptions.plain().withSpecialTokens(false))
                    .ids(), model + ": " + line.source());
        }
    }

    @Test
    void otherFilesAreNotItsToRead() throws IOException {
        SentencePieceFileFormat format = new SentencePieceFileFormat();
        Path vocab = SharedData.require("tokenizers/bert-base-cased/vocab.txt");
        assertFalse(format.reads(vocab));
        assertFalse(format.reads(SharedData.require("tokenizers/t5-small/tokenizer.json")));
        assertTrue(format.reads(SharedData.require("tokenizers/t5-small/spiece.model")));
        assertEquals(List.of("[CLS]", "Que", "##ro", "[SEP]"),
                List.of(LOADER.load(vocab, Map.of("lowercase", "false")).encode("Quero").tokens()));
    }

    @Test
    void modelFilesTakeNoOptions() {
        Path model = SharedData.require("tokenizers/t5-small/spiece.model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LOADER.load(model, Map.of("lowercase", "true")));
        assertTrue(e.getMessage().contains("take no loader options"), e.getMessage());
    }

    @Test
    void errorsNameTheModelFile() throws IOException {
        Path broken = Files.write(temp.resolve("spiece.model"), new byte[] {0x0A, 0x7F, 0x01});
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> LOADER.load(broken));
        assertEquals(broken.toString(), e.file());

        // A loader without the BPE plugin: the error names the .model and the missing model type.
        TokenizerLoader unigramOnly = new BertlabTokenizerLoader(ModelRegistry.of(new UnigramModelFactory()),
                List.of(new SentencePieceFileFormat()));
        Path bpe = SyntheticModels.write(SyntheticModels.bpeWithByteFallback(), temp.resolve("tokenizer.model"));
        e = assertThrows(TokenizerFormatException.class, () -> unigramOnly.load(bpe));
        assertEquals(bpe.toString(), e.file());
        assertTrue(e.location().startsWith("model"), e.getMessage());
        assertTrue(e.getMessage().contains("BPE"), e.getMessage());
    }
}
