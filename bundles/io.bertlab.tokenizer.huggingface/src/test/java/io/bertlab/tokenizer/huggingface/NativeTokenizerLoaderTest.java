package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The HuggingFace implementation of the contract gives the same encodings as bertlab's for the same file. */
class NativeTokenizerLoaderTest {

    private static final List<String> TEXTS = List.of("Quero um cartão adicional.", "The sailors rode the breeze "
            + "clear of the rocks.", "吾輩は猫である。名前はまだ無い。", "Ünïcödé — and emoji 😀👍🏽!");

    @Test
    void sameEncodingsAsBertlab() throws Exception {
        for (String name : List.of("bert-base-uncased", "roberta-base", "gpt2")) {
            Path file = SharedData.require("tokenizers/" + name + "/tokenizer.json");
            Tokenizer hf = new NativeTokenizerLoader().load(file);
            Tokenizer ours = new TokenizerSources.Source(name, file, java.util.Map.of()).load();
            EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(12), Padding.fixed(16));
            for (String text : TEXTS) {
                assertEquals(ours.encode(text, EncodeOptions.plain()), hf.encode(text, EncodeOptions.plain()),
                        name + ": " + text);
                assertEquals(ours.encodePair(text, TEXTS.get(0), options), hf.encodePair(text, TEXTS.get(0), options),
                        name + " pair: " + text);
            }
            assertEquals(ours.encodeBatch(TEXTS, EncodeOptions.plain().with(Padding.longest())),
                    hf.encodeBatch(TEXTS, EncodeOptions.plain().with(Padding.longest())), name + " batch");
            int[] ids = ours.encode(TEXTS.get(1)).ids();
            assertEquals(ours.decode(ids, true), hf.decode(ids, true), name + " decode");
            assertEquals(ours.tokenToId("the"), hf.tokenToId("the"));
            assertEquals(ours.vocabularySize(), hf.vocabularySize());
        }
    }

    @Test
    void vocabularyFilesAreLeftToBertlab(@TempDir Path dir) throws Exception {
        Path vocab = Files.writeString(dir.resolve("vocab.txt"), "[UNK]\n");
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class,
                () -> new NativeTokenizerLoader().load(vocab));
        assertTrue(e.getMessage().contains("vocab.txt") && e.getMessage().contains("tokenizer.json"), e::getMessage);
    }
}
