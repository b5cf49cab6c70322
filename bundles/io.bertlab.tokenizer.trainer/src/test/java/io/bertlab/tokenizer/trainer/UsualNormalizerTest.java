package io.bertlab.tokenizer.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link TrainerSettings#lowercase()} and {@link TrainerSettings#stripAccents()} give the same {@code tokenizer.json}
 * as the usual pipeline with the normalizer written out, as {@code train-tokenizer --lowercase --strip-accents} set
 * it before the settings had them; a template's normalizer is used as it is.
 */
class UsualNormalizerTest {

    private static final List<String> CORPUS = List.of("Ação e Coração", "CAFÉ com Pão", "ação café pão",
            "Über Straße", "coração");
    /** Room for GPT-2's 256 byte characters; the BPE family stops when no pair is left. */
    private static final TrainerSettings SETTINGS = new TrainerSettings(300, 0, List.of("[UNK]", "<unk>"), 0,
            List.of(), "", "", Map.of());

    @ParameterizedTest
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void bpeFamilyNormalizesAsTheSettingsAsk(boolean lowercase, boolean stripAccents) throws Exception {
        Map<String, Object> sequence = sequence(lowercase, stripAccents);
        assertTrainsAs(BpeTokenizerTrainer.TRAINING, new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER),
                sequence, lowercase, stripAccents);
        assertTrainsAs(ByteLevelBpeTokenizerTrainer.TRAINING,
                new ByteLevelBpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER), sequence, lowercase, stripAccents);
        // WordPiece keeps BERT's normalizer; strip_accents null strips exactly when it lower-cases
        Map<String, Object> bert = parse("{\"type\": \"BertNormalizer\", \"clean_text\": true,"
                + " \"handle_chinese_chars\": true, \"strip_accents\": " + (stripAccents ? "true" : "null")
                + ", \"lowercase\": " + lowercase + "}");
        assertTrainsAs(WordPieceTokenizerTrainer.TRAINING,
                new WordPieceTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER), bert, lowercase, stripAccents);
    }

    @ParameterizedTest
    @CsvSource({"false, false", "true, false", "false, true", "true, true"})
    void unigramNormalizesAsTheSettingsAsk(boolean lowercase, boolean stripAccents) throws Exception {
        UnigramTokenizerTrainer trainer = new UnigramTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER);
        TrainerSettings settings = new TrainerSettings(40, 0, SETTINGS.specialTokens(), 0, List.of(), "", "",
                Map.of());
        PipelineJson written = withNormalizer(PipelineJson.parse(UnigramTokenizerTrainer.USUAL_PIPELINE),
                sequence(lowercase, stripAccents));
        String before = trainer.trainWith(CORPUS, settings, written, ProgressListener.NONE).json();
        assertEquals(before, json(trainer.train(CORPUS, settings.withNormalization(lowercase, asked(stripAccents)),
                null)));
    }

    @Test
    void lowercaseAndStripAccentsReachTheEncoding() throws Exception {
        TrainingResult trained = new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS,
                SETTINGS.withNormalization(true, true), null);
        assertEquals("acaocafe", String.join("", trained.tokenizer().encode("AÇÃO Café").tokens()));
    }

    @Test
    void aTemplatesNormalizerIsUsedAsItIs() throws Exception {
        String normalizer = "{\"type\": \"Lowercase\"}";
        TrainingResult plain = new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS, SETTINGS,
                BpeFamilyTrainerParityTest.template(normalizer, "{\"type\": \"Whitespace\"}", "null"));
        TrainingResult asked = new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS,
                SETTINGS.withNormalization(false, true),
                BpeFamilyTrainerParityTest.template(normalizer, "{\"type\": \"Whitespace\"}", "null"));
        assertEquals(json(plain), json(asked));
        assertEquals(parse(normalizer), new ObjectMapper().readValue(json(asked), Map.class).get("normalizer"));
    }

    /** Trained from the settings equals trained with the usual pipeline and that normalizer written out. */
    private static void assertTrainsAs(BpeFamilyTraining training, TokenizerTrainer trainer,
            Map<String, Object> normalizer, boolean lowercase, boolean stripAccents) throws Exception {
        PipelineJson written = withNormalizer(PipelineJson.parse(training.usualPipeline()), normalizer);
        String before = training.train(CORPUS, SETTINGS, written, BpeFamilyTrainerParityTest.LOADER,
                ProgressListener.NONE).json();
        assertEquals(before, json(trainer.train(CORPUS, SETTINGS.withNormalization(lowercase, asked(stripAccents)),
                null)));
    }

    /** As {@code train-tokenizer} passes {@code --strip-accents}: true when given, else BERT's own choice (null). */
    private static Boolean asked(boolean stripAccents) {
        return stripAccents ? Boolean.TRUE : null;
    }

    /** Settings that leave normalization unset keep each family's usual pipeline: WordPiece lower-cases, as HF's. */
    @Test
    void unsetNormalizationKeepsTheFamilysUsualPipeline() throws Exception {
        TrainingResult wordPiece = new WordPieceTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS,
                SETTINGS, null);
        assertEquals(json(new WordPieceTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS,
                SETTINGS.withNormalization(true, null), null)), json(wordPiece));
        assertEquals(String.join("", wordPiece.tokenizer().encode("CAFÉ").tokens()).replace("##", ""), "cafe");
        TrainingResult bpe = new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS, SETTINGS, null);
        assertEquals(json(new BpeTokenizerTrainer(BpeFamilyTrainerParityTest.LOADER).train(CORPUS,
                SETTINGS.withNormalization(false, false), null)), json(bpe));
    }

    private static PipelineJson withNormalizer(PipelineJson pipeline, Map<String, Object> normalizer) {
        return normalizer == null ? pipeline : pipeline.withNormalizer(normalizer);
    }

    /** NFD + StripAccents, then Lowercase, as HuggingFace writes the Sequence; null when neither is asked. */
    private static Map<String, Object> sequence(boolean lowercase, boolean stripAccents) throws Exception {
        List<String> steps = new ArrayList<>();
        if (stripAccents) {
            steps.add("{\"type\": \"NFD\"}");
            steps.add("{\"type\": \"StripAccents\"}");
        }
        if (lowercase) {
            steps.add("{\"type\": \"Lowercase\"}");
        }
        return steps.isEmpty() ? null : parse("{\"type\": \"Sequence\", \"normalizers\": [" + String.join(", ", steps)
                + "]}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text) throws Exception {
        return new ObjectMapper().readValue(text, Map.class);
    }

    private static String json(TrainingResult result) {
        return BpeFamilyTrainerParityTest.json(result);
    }
}
