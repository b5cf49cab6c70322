package io.bertlab.tokenizer.unigram;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Unigram {@code vocab}: an array of {@code [piece, score]} pairs, scores as HuggingFace reads them. The
 * core's {@link ModelConfig} (SPI 1.0.0) has accessors for objects of ids and for merges but none for such pairs, so
 * until it offers one this class
 * reaches the JSON tree behind the core's implementation; it is the only place that does, and fails with a message
 * naming the missing accessor if that implementation changes.
 */
final class ScoredVocabularyReader {

    private ScoredVocabularyReader() {
    }

    static List<ScoredPiece> read(ModelConfig config, String field) throws TokenizerFormatException {
        JsonNode vocab = jsonTree(config).get(field);
        if (vocab == null || !vocab.isArray()) {
            throw config.error(field, "expected an array of [piece, score] pairs, found "
                    + (vocab == null ? "nothing" : vocab.getNodeType().toString().toLowerCase()));
        }
        List<ScoredPiece> pieces = new ArrayList<>(vocab.size());
        for (int i = 0; i < vocab.size(); i++) {
            JsonNode pair = vocab.get(i);
            if (!pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isNumber()) {
                throw config.error(field + "[" + i + "]", "expected [piece, score] (a string and a number), found "
                        + abbreviate(pair.toString()));
            }
            pieces.add(new ScoredPiece(pair.get(0).textValue(),
                    HuggingFaceScores.asReadByHuggingFace(pair.get(1).doubleValue())));
        }
        return pieces;
    }

    private static JsonNode jsonTree(ModelConfig config) throws TokenizerFormatException {
        try {
            Field node = config.getClass().getDeclaredField("node");
            node.setAccessible(true);
            return (JsonNode) node.get(config);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw config.error("vocab", "cannot read the Unigram vocabulary: the tokenizer core's ModelConfig ("
                    + config.getClass().getName() + ") offers no accessor for arrays of [piece, score] pairs (" + e
                    + ")");
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
