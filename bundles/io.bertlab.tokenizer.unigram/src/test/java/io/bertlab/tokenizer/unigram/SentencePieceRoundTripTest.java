package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The SentencePiece-derived files read, written and read again: the second writing is identical to the first, the
 * normalizer keeps its charsmap byte for byte, and HuggingFace loads the written file and encodes as the original.
 */
class SentencePieceRoundTripTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE = "``Ｆｕｌｌ-width ½ ﬁne'' — e\u0301té, ໝ່ 東京 \u001E™ 👍🏽";

    @TestFactory
    Stream<DynamicTest> writtenFilesReadBackIdentically() {
        return UnigramFiles.eachFile(SentencePieceRoundTripTest::check);
    }

    private static void check(Path file) throws Exception {
        ModelRegistry models = ModelRegistry.of(new UnigramModelFactory());
        Tokenizer original = TokenizerFiles.load(file, Map.of(), models);
        String written = TokenizerFiles.toJson(original);
        Tokenizer reread = TokenizerFiles.fromJson(written, models);
        assertEquals(written, TokenizerFiles.toJson(reread));
        assertEquals(charsmap(JSON.readTree(file.toFile()).get("normalizer")),
                charsmap(JSON.readTree(written).get("normalizer")));
        try (HuggingFaceReference theirs = HuggingFaceReference.fromJson(written)) {
            assertEquals(null, EncodingDifference.of(reread.encode(SAMPLE), theirs.encode(SAMPLE)));
        }
    }

    private static String charsmap(JsonNode normalizer) {
        if (normalizer.has("precompiled_charsmap")) {
            return normalizer.get("precompiled_charsmap").asText();
        }
        for (JsonNode n : normalizer.get("normalizers")) {
            if (n.has("precompiled_charsmap")) {
                return n.get("precompiled_charsmap").asText();
            }
        }
        return null;
    }
}
