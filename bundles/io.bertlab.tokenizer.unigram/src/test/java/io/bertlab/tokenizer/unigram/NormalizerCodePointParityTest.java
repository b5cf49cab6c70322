package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The normalizers of the SentencePiece-derived files (Precompiled, NFKD, StripAccents, Lowercase; NFD beside) against
 * HuggingFace's over every Unicode scalar value, each as {@code x<c>y} between spaces, 512 to a text; the model
 * knows only {@code <unk>}, so each word's token is its normalized text. This is where the Unicode versions show:
 * Java 17 knows Unicode 13, HuggingFace's tables are of Unicode 9 (marks), 11 (decompositions) and 16 (case).
 */
class NormalizerCodePointParityTest {

    private static final int PER_TEXT = 512;
    private static final int MAX_SHOWN = 10;

    @TestFactory
    Stream<DynamicTest> everyCodePointNormalizesAsHuggingFace() throws Exception {
        String precompiled = new ObjectMapper().readTree(
                SharedData.require("tokenizers/t5-small/tokenizer.json").toFile()).get("normalizer").toString();
        return Stream.of("{\"type\": \"NFKD\"}", "{\"type\": \"NFD\"}", "{\"type\": \"StripAccents\"}",
                "{\"type\": \"Lowercase\"}", precompiled)
                .map(normalizer -> DynamicTest.dynamicTest(normalizer.substring(0, normalizer.indexOf('"', 10) + 1),
                        () -> check(normalizer)));
    }

    private static void check(String normalizer) throws Exception {
        String json = MinimalTokenizerJson.with("{\"type\": \"WhitespaceSplit\"}", null)
                .replace("\"normalizer\":null", "\"normalizer\":" + normalizer);
        Tokenizer ours = TokenizerFiles.fromJson(json, ModelRegistry.of(new UnigramModelFactory()));
        List<String> mismatches = new ArrayList<>();
        int texts = 0;
        try (HuggingFaceReference theirs = HuggingFaceReference.fromJson(json)) {
            StringBuilder text = new StringBuilder();
            int first = 0;
            for (int c = 0; c <= Character.MAX_CODE_POINT + 1; c++) {
                boolean end = c > Character.MAX_CODE_POINT;
                if (!end && Character.isSurrogate((char) Math.min(c, 0xFFFF)) && c <= 0xFFFF) {
                    continue;
                }
                if (!end) {
                    text.append(text.length() == 0 ? "x" : " x").appendCodePoint(c).append('y');
                }
                if (end || (c + 1) % PER_TEXT == 0) {
                    texts++;
                    String difference = EncodingDifference.of(ours.encode(text.toString()),
                            theirs.encode(text.toString()));
                    if (difference != null) {
                        mismatches.add(String.format("code points U+%04X..U+%04X: %s", first, c - (end ? 1 : 0),
                                difference));
                    }
                    text.setLength(0);
                    first = c + 1;
                }
            }
        }
        System.out.printf("%-30s %d texts covering every code point, %d mismatches%n",
                normalizer.substring(0, Math.min(30, normalizer.length())), texts, mismatches.size());
        assertEquals(List.of(), mismatches.subList(0, Math.min(MAX_SHOWN, mismatches.size())),
                mismatches.size() + " texts differ from HuggingFace");
    }
}
