package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.bpe.BpeModelFactory;
import io.bertlab.tokenizer.core.BertlabTokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.unigram.UnigramModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code .model} with the {@code tokenizer_config.json} beside it encodes as the {@code tokenizer.json} HF
 * converted for the model family (the twin, itself compared with HuggingFace by {@link SentencePieceParityTest});
 * the class's flags change what they change in HF's converters; a wrong setting names the file and the field.
 */
class TokenizerClassTest {

    private static final TokenizerLoader LOADER = new BertlabTokenizerLoader(
            ModelRegistry.of(new UnigramModelFactory(), new BpeModelFactory()), List.of(new SentencePieceFileFormat()));
    private static final String TEXT = "Quero um cartão adicional, ``já'' -- Ação 1, 2, 3.";

    @TempDir
    Path temp;

    private Path modelWithConfig(String model, String config) throws IOException {
        Path dir = Files.createTempDirectory(temp, "model");
        Path source = SharedData.require("tokenizers/" + model);
        Path copy = Files.copy(source, dir.resolve(source.getFileName()));
        if (config != null) {
            Files.writeString(dir.resolve(TokenizerClass.CONFIG_FILE), config);
        }
        return copy;
    }

    @Test
    void xlnetWithItsClassStripsAccentsAsItsTwin() throws IOException {
        Path model = modelWithConfig("xlnet-base-cased/spiece.model", "{\"tokenizer_class\": \"XLNetTokenizerFast\"}");
        Encoding ours = LOADER.load(model).encode(TEXT);
        Encoding twin = LOADER.load(oracle("xlnet-base-cased", model)).encode(TEXT);
        assertArrayEquals(twin.ids(), ours.ids());
        assertArrayEquals(twin.tokens(), ours.tokens());
        assertTrue(List.of(ours.tokens()).contains("ao"), "cartão as cart+ao: " + List.of(ours.tokens()));
        assertEquals(List.of("<sep>", "<cls>"), List.of(ours.tokens()).subList(ours.tokens().length - 2,
                ours.tokens().length));
        Tokenizer bareModel = LOADER.load(modelWithConfig("xlnet-base-cased/spiece.model", null));
        int unknown = bareModel.tokenToId("<unk>").orElseThrow();
        assertTrue(Arrays.stream(bareModel.encode(TEXT).ids()).anyMatch(id -> id == unknown),
                "the bare model has no piece for ã");
    }

    @Test
    void albertWithItsClassIsItsTwin() throws IOException {
        Path model = modelWithConfig("albert-base-v2/spiece.model", "{\"tokenizer_class\": \"AlbertTokenizer\"}");
        Encoding ours = LOADER.load(model).encodePair(TEXT, "SEGUNDA via", EncodeOptions.plain());
        Encoding twin = LOADER.load(oracle("albert-base-v2", model)).encodePair(TEXT, "SEGUNDA via", EncodeOptions.plain());
        assertArrayEquals(twin.ids(), ours.ids());
        assertArrayEquals(twin.typeIds(), ours.typeIds());
        assertArrayEquals(twin.specialTokensMask(), ours.specialTokensMask());
        assertEquals("[CLS]", ours.tokens()[0]);
    }

    @Test
    void flagsChooseTheNormalizers() throws IOException {
        assertEquals(List.of("Replace", "Replace", "NFKD", "StripAccents", "Lowercase", "Precompiled"),
                normalizerTypes("albert-base-v2/spiece.model", "{\"tokenizer_class\": \"AlbertTokenizer\"}"));
        assertEquals(List.of("Replace", "Replace", "Precompiled"), normalizerTypes("albert-base-v2/spiece.model",
                "{\"tokenizer_class\": \"AlbertTokenizer\", \"keep_accents\": true, \"do_lower_case\": false}"));
        assertEquals(List.of("Replace", "Replace", "NFKD", "StripAccents", "Lowercase", "Precompiled"),
                normalizerTypes("xlnet-base-cased/spiece.model",
                        "{\"tokenizer_class\": \"XLNetTokenizer\", \"do_lower_case\": true}"));
        assertEquals(List.of("Precompiled"), normalizerTypes("xlnet-base-cased/spiece.model",
                "{\"tokenizer_class\": \"PreTrainedTokenizerFast\"}"));
    }

    @Test
    void llamaFlagsChooseTheSpecialTokens() throws IOException {
        Path model = modelWithConfig("mistral-7b/tokenizer.model",
                "{\"tokenizer_class\": \"LlamaTokenizer\", \"add_bos_token\": false, \"add_eos_token\": true,"
                        + " \"eos_token\": {\"content\": \"</s>\"}}");
        Encoding encoding = LOADER.load(model).encodePair("Olá", "mundo", EncodeOptions.plain());
        List<String> tokens = List.of(encoding.tokens());
        assertFalse(tokens.contains("<s>"));
        assertEquals(2, tokens.stream().filter("</s>"::equals).count(), tokens.toString());
        assertEquals("</s>", tokens.get(tokens.size() - 1));
    }

    @Test
    void wrongSettingsNameTheFileAndTheField() throws IOException {
        Path badFlag = modelWithConfig("albert-base-v2/spiece.model",
                "{\"tokenizer_class\": \"AlbertTokenizer\", \"do_lower_case\": \"yes\"}");
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> LOADER.load(badFlag));
        assertTrue(e.getMessage().contains(TokenizerClass.CONFIG_FILE) && e.getMessage().contains("do_lower_case"),
                e.getMessage());
        Path badJson = modelWithConfig("t5-small/spiece.model", "{\"tokenizer_class\": \"T5Tokenizer\",\n\"extra_ids\"");
        e = assertThrows(TokenizerFormatException.class, () -> LOADER.load(badJson));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        Path missingToken = modelWithConfig("mistral-7b/tokenizer.model",
                "{\"tokenizer_class\": \"LlamaTokenizer\", \"bos_token\": \"<bos>\"}");
        e = assertThrows(TokenizerFormatException.class, () -> LOADER.load(missingToken));
        assertTrue(e.getMessage().contains("<bos>"), e.getMessage());
    }

    /** The twin, brought to today's converter as the parity test takes it (USER_DEFINED pieces as added tokens). */
    private Path oracle(String name, Path model) throws IOException {
        ModelTwins.Twin twin = ModelTwins.all().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
        return TwinOracle.writeWithClass(twin.twin(), model, Files.createTempDirectory(temp, "oracle")
                .resolve("tokenizer.json"));
    }

    private List<String> normalizerTypes(String model, String config) throws IOException {
        JsonNode normalizer = SentencePieceFiles.tokenizerJson(modelWithConfig(model, config)).get("normalizer");
        List<String> types = new ArrayList<>();
        if (normalizer.path("type").asText().equals("Sequence")) {
            normalizer.get("normalizers").forEach(n -> types.add(n.get("type").asText()));
        } else {
            types.add(normalizer.get("type").asText());
        }
        return types;
    }
}
