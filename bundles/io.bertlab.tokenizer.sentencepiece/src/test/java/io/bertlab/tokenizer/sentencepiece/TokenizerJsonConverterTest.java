package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.bpe.BpeModelFactory;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.ModelProto;
import io.bertlab.tokenizer.unigram.UnigramModelFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code tokenizer.json} tree built from a {@code .model}: component for component what HuggingFace's converter
 * wrote for the shared models, and the documented layout for the whitespace settings they do not use.
 */
class TokenizerJsonConverterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelRegistry MODELS = ModelRegistry.of(new UnigramModelFactory(), new BpeModelFactory());

    @TempDir
    Path temp;

    @Test
    void mistralIsItsTwin() throws IOException {
        ObjectNode ours = SentencePieceFiles.tokenizerJson(SharedData.require("tokenizers/mistral-7b/tokenizer.model"));
        JsonNode twin = JSON.readTree(SharedData.require("tokenizers/mistral-7b/tokenizer.json").toFile());
        assertEquals(twin.get("added_tokens"), sortedKeys(ours.get("added_tokens")));
        assertEquals(twin.get("normalizer"), ours.get("normalizer"));
        assertEquals(twin.get("pre_tokenizer"), ours.get("pre_tokenizer"));
        assertEquals(twin.get("decoder"), ours.get("decoder"));
        assertEquals(twin.get("post_processor"), ours.get("post_processor"),
                "the <s> template of LlamaTokenizer's add_bos_token, from the tokenizer_config.json beside the model");
        ObjectNode model = ours.get("model").deepCopy();
        ObjectNode twinModel = twin.get("model").deepCopy();
        // HF's file spells merges "left right"; the tree spells them as pairs, which HF reads too.
        assertEquals(twinModel.remove("merges"), mergesAsStrings((ArrayNode) model.remove("merges")),
                "the merges HF's SentencePieceExtractor derives, in the same order");
        assertEquals(twinModel, model);
    }

    @Test
    void unigramVocabularyAndCharsmapAreTheTwins() throws IOException {
        ObjectNode ours = SentencePieceFiles.tokenizerJson(SharedData.require("tokenizers/t5-small/spiece.model"));
        JsonNode twin = JSON.readTree(SharedData.require("tokenizers/t5-small/tokenizer.json").toFile());
        ArrayNode vocab = (ArrayNode) ours.get("model").get("vocab");
        ArrayNode twinVocab = (ArrayNode) twin.get("model").get("vocab");
        assertEquals(32100, vocab.size(), "the 32,000 pieces and T5Tokenizer's 100 extra ids (tokenizer_config.json)");
        assertEquals(twin.get("post_processor"), ours.get("post_processor"), "T5Tokenizer's </s> after each text");
        for (int i = 0; i < vocab.size(); i++) {
            assertEquals(twinVocab.get(i), vocab.get(i), "vocab[" + i + "]: piece and score, bit for bit");
        }
        assertEquals(twin.get("normalizer"), ours.get("normalizer"), "the same Precompiled charsmap");
        assertEquals(2, ours.get("model").get("unk_id").asInt());
        JsonNode metaspace = ours.get("pre_tokenizer").get("pretokenizers").get(1);
        assertEquals("WhitespaceSplit", ours.get("pre_tokenizer").get("pretokenizers").get(0).get("type").asText());
        assertEquals("always", metaspace.get("prepend_scheme").asText(), "the twin's add_prefix_space: true");
        assertTrue(metaspace.get("split").asBoolean());
    }

    @Test
    void xlnetDiffersFromItsTwinOnlyByTheNumberCommaScores() throws IOException {
        ObjectNode ours = SentencePieceFiles.tokenizerJson(
                SharedData.require("tokenizers/xlnet-base-cased/spiece.model"));
        JsonNode twinVocab = JSON.readTree(SharedData.require("tokenizers/xlnet-base-cased/tokenizer.json").toFile())
                .get("model").get("vocab");
        JsonNode vocab = ours.get("model").get("vocab");
        int lowered = 0;
        for (int i = 0; i < vocab.size(); i++) {
            assertEquals(twinVocab.get(i).get(0), vocab.get(i).get(0));
            double difference = vocab.get(i).get(1).asDouble() - twinVocab.get(i).get(1).asDouble();
            if (difference != 0) {
                assertEquals(100, difference, 1e-4, "vocab[" + i + "] " + vocab.get(i));
                assertTrue(vocab.get(i).get(0).asText().matches(".*\\d,"), vocab.get(i).toString());
                lowered++;
            }
        }
        assertEquals(78, lowered, "HF's XLNetConverter lowers the 78 digit+comma pieces (see tokenizers/SOURCES.md)");
    }

    @Test
    void addedTokensAreControlUnknownAndUserDefinedPieces() throws IOException {
        ObjectNode tree = TokenizerJsonConverter.convert(spec(SyntheticModels.unigram()));
        List<String> added = new ArrayList<>();
        tree.get("added_tokens").forEach(t -> added.add(t.get("id") + ":" + t.get("content").asText() + ":"
                + t.get("special") + ":" + t.get("normalized")));
        assertEquals(List.of("0:<unk>:true:false", "1:<s>:true:false", "2:</s>:true:false", "9:@:false:false"), added);
    }

    @Test
    void whitespaceSettingsChooseTheComponents() throws IOException {
        assertStages(SyntheticModels.unigram(), "null",
                "{\"type\":\"Sequence\",\"pretokenizers\":[{\"type\":\"WhitespaceSplit\"},"
                        + "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"always\","
                        + "\"split\":true}]}",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"always\",\"split\":true}");
        ModelProto.Builder keepSpaces = SyntheticModels.unigram();
        keepSpaces.getNormalizerSpecBuilder().setRemoveExtraWhitespaces(false);
        assertStages(keepSpaces, "null",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"split\":false}",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"split\":false}");
        ModelProto.Builder noPrefix = SyntheticModels.unigram();
        noPrefix.getNormalizerSpecBuilder().setAddDummyPrefix(false);
        assertStages(noPrefix,
                "{\"type\":\"Sequence\",\"normalizers\":[{\"type\":\"Strip\",\"strip_left\":true,\"strip_right\":true},"
                        + "{\"type\":\"Replace\",\"content\":\" \",\"pattern\":{\"Regex\":\" {2,}\"}}]}",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"never\",\"split\":false}",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"never\",\"split\":false}");
        ModelProto.Builder unescaped = SyntheticModels.unigram();
        unescaped.getNormalizerSpecBuilder().setEscapeWhitespaces(false).setRemoveExtraWhitespaces(false);
        assertStages(unescaped, "{\"type\":\"Prepend\",\"prepend\":\" \"}", "null",
                "{\"type\":\"Sequence\",\"decoders\":[{\"type\":\"Fuse\"},"
                        + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]}");
        assertStages(SyntheticModels.bpeWithByteFallback(), "null",
                "{\"type\":\"Metaspace\",\"replacement\":\"▁\",\"prepend_scheme\":\"first\",\"split\":false}",
                "{\"type\":\"Sequence\",\"decoders\":["
                        + "{\"type\":\"Replace\",\"content\":\" \",\"pattern\":{\"String\":\"▁\"}},"
                        + "{\"type\":\"ByteFallback\"},{\"type\":\"Fuse\"},"
                        + "{\"type\":\"Strip\",\"content\":\" \",\"start\":1,\"stop\":0}]}");
    }

    @Test
    void syntheticModelsEncodeAndDecodeAsHuggingFaceDoes() throws IOException {
        Both unigram = load(SyntheticModels.unigram());
        // Extra spaces vanish; the best path over "▁ab" is the piece itself; "@" is always its own token. The text
        // after an added token is a new word to HF's Metaspace, so "c" gets a "▁" (SentencePiece would write "c").
        assertTokens(unigram, "  ab   ab@c ", "▁ab", "▁ab", "@", "▁", "c");
        assertDecodes(unigram, "  ab   ab@c ", "ab ab@ c");

        ModelProto.Builder noPrefix = SyntheticModels.unigram();
        noPrefix.getNormalizerSpecBuilder().setAddDummyPrefix(false);
        // Spaces still collapse, but the first word has no "▁", so "ab" cannot be the piece "▁ab".
        assertTokens(load(noPrefix), "  ab   ab ", "a", "b", "▁ab");

        Both bpe = load(SyntheticModels.bpeWithByteFallback());
        // No piece for "é": its two UTF-8 bytes; the space before "ab" is kept with the word.
        assertTokens(bpe, "ab é", "▁ab", "▁", "<0xC3>", "<0xA9>");
        assertDecodes(bpe, "ab é", "ab é");
    }

    private void assertStages(ModelProto.Builder model, String normalizer, String preTokenizer, String decoder)
            throws IOException {
        ObjectNode tree = TokenizerJsonConverter.convert(spec(model));
        assertEquals(normalizer, tree.get("normalizer").toString(), "normalizer");
        assertEquals(preTokenizer, tree.get("pre_tokenizer").toString(), "pre_tokenizer");
        assertEquals(decoder, tree.get("decoder").toString(), "decoder");
        TokenizerFiles.fromJson(tree.toString(), MODELS);
    }

    /** bertlab's pipeline for the tree, and HF's for the same tree to hold it to. */
    private record Both(Tokenizer ours, Path file) {
    }

    private Both load(ModelProto.Builder model) throws IOException {
        ObjectNode tree = TokenizerJsonConverter.convert(spec(model));
        Path file = Files.createTempFile(temp, "converted", ".json");
        JSON.writeValue(file.toFile(), tree);
        return new Both(TokenizerFiles.fromJson(tree.toString(), MODELS), file);
    }

    private static void assertTokens(Both tokenizer, String text, String... tokens) {
        assertEquals(List.of(tokens), List.of(tokenizer.ours().encode(text).tokens()), text);
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(tokenizer.file(), Map.of())) {
            assertEquals(List.of(tokens), List.of(hf.encode(text, false, false).getTokens()), "HF: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertDecodes(Both tokenizer, String text, String decoded) {
        assertEquals(decoded, tokenizer.ours().decode(tokenizer.ours().encode(text).ids(), false), text);
        try (HuggingFaceTokenizer hf = HuggingFaceTokenizer.newInstance(tokenizer.file(), Map.of())) {
            assertEquals(decoded, hf.decode(hf.encode(text, false, false).getIds(), false), "HF: " + text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SentencePieceSpec spec(ModelProto.Builder model) throws IOException {
        return ModelFileReader.read(SyntheticModels.write(model, Files.createTempFile(temp, "synthetic", ".model")));
    }

    /** Added tokens with the keys in the twin's order, so that the two compare as JSON. */
    private static JsonNode sortedKeys(JsonNode addedTokens) {
        ArrayNode sorted = JSON.createArrayNode();
        for (JsonNode t : addedTokens) {
            ObjectNode o = sorted.addObject();
            for (String key : List.of("id", "content", "single_word", "lstrip", "rstrip", "normalized", "special")) {
                o.set(key, t.get(key));
            }
        }
        return sorted;
    }

    private static ArrayNode mergesAsStrings(ArrayNode pairs) {
        ArrayNode strings = JSON.createArrayNode();
        pairs.forEach(p -> strings.add(p.get(0).asText() + " " + p.get(1).asText()));
        return strings;
    }
}
