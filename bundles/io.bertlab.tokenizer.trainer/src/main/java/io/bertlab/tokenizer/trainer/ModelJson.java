package io.bertlab.tokenizer.trainer;

import io.bertlab.api.tokenizer.TrainingResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code model} objects of {@code tokenizer.json} that trainers write, in HuggingFace's key order. */
final class ModelJson {

    /** WordPiece's usual limit on word length, as HuggingFace's {@code WordPiece::from_bpe} sets it. */
    private static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private ModelJson() {
    }

    static Map<String, Object> bpe(BpeVocabulary vocabulary, BpeFamilyTraining.ModelSettings settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", settings.unkToken());
        model.put("continuing_subword_prefix", settings.continuingSubwordPrefix());
        model.put("end_of_word_suffix", settings.endOfWordSuffix());
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("ignore_merges", false);
        model.put("vocab", vocabulary.vocabulary());
        List<Object> merges = new ArrayList<>();
        for (TrainingResult.Merge merge : vocabulary.merges()) {
            merges.add(List.of(merge.left(), merge.right()));
        }
        model.put("merges", merges);
        return model;
    }

    static Map<String, Object> wordPiece(BpeVocabulary vocabulary, BpeFamilyTraining.ModelSettings settings) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordPiece");
        model.put("unk_token", settings.unkToken());
        model.put("continuing_subword_prefix", settings.continuingSubwordPrefix());
        model.put("max_input_chars_per_word", MAX_INPUT_CHARS_PER_WORD);
        model.put("vocab", vocabulary.vocabulary());
        return model;
    }
}
