package io.bertlab.tokenizer.trainer;

import io.bertlab.api.tokenizer.TrainingResult;
import java.util.List;
import java.util.Map;

/**
 * A trained BPE vocabulary.
 *
 * @param vocabulary token to id, in id order
 * @param merges the merges in the order learned
 */
record BpeVocabulary(Map<String, Integer> vocabulary, List<TrainingResult.Merge> merges) {
}
