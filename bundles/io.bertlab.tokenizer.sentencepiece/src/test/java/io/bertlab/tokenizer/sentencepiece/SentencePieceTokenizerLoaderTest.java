package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.bpe.BpeModelFactory;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.unigram.UnigramModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loader service: {@code .model} files are converted, everything else goes to the core's loader unchanged. */
class SentencePieceTokenizerLoaderTest {

    /** The core's loader outside OSGi, with the Unigram and BPE plugins. */
    private static final TokenizerLoader CORE = (file, options) -> TokenizerFiles.load(file, options,
            ModelRegistry.of(new UnigramModelFactory(), new BpeModelFactory()));

    @TempDir
    Path temp;

    @Test
    void modelFilesEncodeAsSentencePieceAndLeaveNoTemporaryFile() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        long before = convertedFiles(tmp);
        for (String model : List.of("t5-small/spiece.model", "mistral-7b/tokenizer.model")) {
            Path file = SharedData.require("tokenizers/" + model);
            Tokenizer tokenizer = new SentencePieceTokenizerLoader(CORE).load(file);
            SentencePieceReferences.Line line = SentencePieceReferences.of(model.substring(0, model.indexOf('/')))
                    .stream().filter(l -> l.source().startsWith("text/botchan_en.txt")).findFirst().orElseThrow();
            assertArrayEquals(line.ids(), tokenizer.encode(line.text()).ids(), model + ": " + line.source());
        }
        assertEquals(before, convertedFiles(tmp), "the converted tokenizer.json files are deleted");
    }

    @Test
    void otherFilesGoToTheCoreUnchanged() throws IOException {
        List<Path> seen = new ArrayList<>();
        Path small = SyntheticModels.write(SyntheticModels.unigram(), temp.resolve("spiece.model"));
        Tokenizer sentinel = new SentencePieceTokenizerLoader(CORE).load(small);
        TokenizerLoader core = (file, options) -> {
            seen.add(file);
            assertEquals(Map.of("lowercase", "false"), options);
            return sentinel;
        };
        Path vocab = SharedData.require("tokenizers/bert-base-cased/vocab.txt");
        assertSame(sentinel, new SentencePieceTokenizerLoader(core).load(vocab, Map.of("lowercase", "false")));
        assertEquals(List.of(vocab), seen);
    }

    @Test
    void modelFilesTakeNoOptions() {
        Path model = SharedData.require("tokenizers/t5-small/spiece.model");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SentencePieceTokenizerLoader(CORE).load(model, Map.of("lowercase", "true")));
        assertTrue(e.getMessage().contains("take no loader options"), e.getMessage());
    }

    @Test
    void errorsNameTheModelFile() throws IOException {
        Path broken = Files.write(temp.resolve("spiece.model"), new byte[] {0x0A, 0x7F, 0x01});
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class,
                () -> new SentencePieceTokenizerLoader(CORE).load(broken));
        assertEquals(broken.toString(), e.file());

        // A core without the BPE plugin: the error names the .model and the missing model type, not a temporary file.
        TokenizerLoader unigramOnly = (file, options) -> TokenizerFiles.load(file, options,
                ModelRegistry.of(new UnigramModelFactory()));
        Path bpe = SyntheticModels.write(SyntheticModels.bpeWithByteFallback(), temp.resolve("tokenizer.model"));
        e = assertThrows(TokenizerFormatException.class, () -> new SentencePieceTokenizerLoader(unigramOnly).load(bpe));
        assertEquals(bpe.toString(), e.file());
        assertTrue(e.location().startsWith("converted tokenizer.json, model"), e.getMessage());
        assertTrue(e.getMessage().contains("BPE"), e.getMessage());
    }

    private static long convertedFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("bertlab-sentencepiece-")).count();
        }
    }
}
