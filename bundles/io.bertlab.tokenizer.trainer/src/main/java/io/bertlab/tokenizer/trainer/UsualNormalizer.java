package io.bertlab.tokenizer.trainer;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TrainerSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The normalizer of a model family's usual pipeline, set from {@link TrainerSettings#lowercase()} and
 * {@link TrainerSettings#stripAccents()} as HuggingFace's tokenizer implementations set theirs. Maps keep
 * HuggingFace's key order ({@code type} first) so that the written file does not vary from run to run.
 */
enum UsualNormalizer {

    /**
     * BERT's normalizer with the settings' {@code lowercase} (default true) and {@code strip_accents} (default null:
     * BERT then strips accents exactly when it lower-cases), as BertWordPieceTokenizer sets it.
     */
    BERT {
        @Override
        Map<String, Object> normalizer(Boolean lowercase, Boolean stripAccents) {
            Map<String, Object> bert = new LinkedHashMap<>();
            bert.put("type", "BertNormalizer");
            bert.put("clean_text", true);
            bert.put("handle_chinese_chars", true);
            bert.put("strip_accents", stripAccents);
            bert.put("lowercase", lowercase == null || lowercase);
            return bert;
        }
    },

    /** NFD and StripAccents, then Lowercase, each as asked; none when neither is (the BPE and Unigram families). */
    SEQUENCE {
        @Override
        Map<String, Object> normalizer(Boolean lowercase, Boolean stripAccents) {
            List<Object> steps = new ArrayList<>();
            if (Boolean.TRUE.equals(stripAccents)) {
                steps.add(Map.of("type", "NFD"));
                steps.add(Map.of("type", "StripAccents"));
            }
            if (Boolean.TRUE.equals(lowercase)) {
                steps.add(Map.of("type", "Lowercase"));
            }
            if (steps.isEmpty()) {
                return null;
            }
            Map<String, Object> sequence = new LinkedHashMap<>();
            sequence.put("type", "Sequence");
            sequence.put("normalizers", steps);
            return sequence;
        }
    };

    /**
     * The normalizer object of {@code tokenizer.json}.
     *
     * @param lowercase lower-case the text (null: the family's usual)
     * @param stripAccents decompose characters and drop accents (null: the family's usual)
     * @return the normalizer, or null to keep the usual pipeline's own
     */
    abstract Map<String, Object> normalizer(Boolean lowercase, Boolean stripAccents);

    /**
     * The template's pipeline as it is, or the usual one with this normalizer as the settings ask.
     *
     * @param template a tokenizer whose pipeline to reuse, or null
     * @param usualPipeline the model family's usual {@code tokenizer.json} parts
     * @param settings the trainer settings
     * @return the pipeline to train with
     */
    PipelineJson pipeline(Tokenizer template, String usualPipeline, TrainerSettings settings) {
        if (template != null) {
            return PipelineJson.of(template, usualPipeline);
        }
        PipelineJson usual = PipelineJson.parse(usualPipeline);
        Map<String, Object> normalizer = normalizer(settings.lowercase(), settings.stripAccents());
        return normalizer == null ? usual : usual.withNormalizer(normalizer);
    }
}
