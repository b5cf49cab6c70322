package io.bertlab.tokenizer.unigram;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The model against the expectations of HuggingFace's own Unigram tests ({@code models/unigram/model.rs}) and
 * against probabilities computed by hand for n-best and sampling.
 */
class UnigramModelTest {

    /** HuggingFace's {@code test_encode2} vocabulary; "abcdabcd" is a high-scoring user-defined piece. */
    private static final UnigramModel HF_TEST_MODEL = model(0, false, "<unk>", 0.0, "ab", 0.0, "cd", -0.1,
            "abc", -0.2, "a", -0.3, "b", -0.4, "c", -0.5, "ABC", -0.5, "abcdabcd", 20.0, "q", 20.5, "r", 20.5,
            "qr", -0.5);

    @Test
    void segmentsAsHuggingFaceTestsExpect() {
        assertEquals(List.of("abc"), pieces(HF_TEST_MODEL, "abc"));
        assertEquals(List.of("AB"), pieces(HF_TEST_MODEL, "AB"));
        assertEquals(List.of("ab", "cd"), pieces(HF_TEST_MODEL, "abcd"));
        assertEquals(List.of("abc", "c"), pieces(HF_TEST_MODEL, "abcc"));
        assertEquals(List.of("x", "abc", "ab", "a", "ab", "cd", "d"), pieces(HF_TEST_MODEL, "xabcabaabcdd"));
        assertEquals(List.of("xyz東京"), pieces(HF_TEST_MODEL, "xyz東京"));
        assertEquals(List.of("ab", "ABC", "cd"), pieces(HF_TEST_MODEL, "abABCcd"));
        assertEquals(List.of("ab", "abcdabcd", "cd"), pieces(HF_TEST_MODEL, "ababcdabcdcd"));
        assertEquals(List.of("ab", "q", "r", "cd"), pieces(HF_TEST_MODEL, "abqrcd"));
    }

    @Test
    void fusedUnknownRunIsOneUnknownToken() {
        List<int[]> tokens = tokens(HF_TEST_MODEL, "xyz東京");
        assertEquals(1, tokens.size());
        assertEquals(List.of(0, 0, 5), List.of(tokens.get(0)[0], tokens.get(0)[1], tokens.get(0)[2]));
    }

    /** HuggingFace's {@code test_unigram_bytefallback}; a duplicated piece keeps its last id, as there. */
    @Test
    void byteFallbackSpellsUnknownPiecesInBytesAsHuggingFaceTestsExpect() {
        UnigramModel model = model(0, true, "<unk>", 0.0, "<0xE2>", -0.01, "<0x85>", -0.02, "<0xE2>", -0.03,
                "<0x90>", -0.04, "<0x91>", -0.05, "<0x9B>", -0.06, "Hello", -0.1, "how", -0.2, "are", -0.3,
                " ", -0.4);
        List<String> expected = List.of("7:0-5", "3:5-6", "2:5-6", "4:5-6", "8:6-9", "10:9-10", "9:10-13",
                "3:13-15", "2:13-15", "5:13-15", "3:13-15", "2:13-15", "5:13-15");
        assertEquals(expected, describe(tokens(model, "Hello⅐how are⅑⅑")));
        // one byte without a piece: the whole fused run is the unknown piece
        assertEquals(List.of("10:0-1", "0:1-9"), describe(tokens(model, " unknown‰")));
    }

    /**
     * Through the pipeline an unknown piece is named by its text, as HuggingFace names it; known ones by the
     * vocabulary.
     */
    @Test
    void unknownTokensAreNamedByTheirText() throws Exception {
        String json = "{\"pre_tokenizer\": {\"type\": \"WhitespaceSplit\"}, \"model\": {\"type\": \"Unigram\","
                + " \"unk_id\": 0, \"vocab\": [[\"<unk>\", 0.0], [\"ab\", -1.0], [\"c\", -2.0]]}}";
        Encoding encoding = TokenizerFiles.fromJson(json, ModelRegistry.of(new UnigramModelFactory()))
                .encode("abxy| c");
        assertEquals(List.of("ab", "xy|", "c"), List.of(encoding.tokens()));
        assertEquals(List.of(1, 0, 2), Arrays.stream(encoding.ids()).boxed().toList());
    }

    @Test
    void unknownCharacterWithoutUnkIdFailsNamingTheCause() {
        UnigramModel model = model(null, false, "a", -1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> tokens(model, "ab"));
        assertTrue(e.getMessage().contains("unk_id"), e.getMessage());
    }

    @Test
    void nbestListsEverySegmentationBestFirst() {
        UnigramModel model = model(0, false, "<unk>", 0.0, "a", -1.0, "b", -1.5, "c", -2.0, "ab", -2.0,
                "bc", -3.0, "abc", -4.2);
        // a b c = -4.5, ab c = -4.0, a bc = -4.0, abc = -4.2: ties keep the order HuggingFace's search finds
        List<List<String>> best = model.nbest("abc", 10);
        assertEquals(4, best.size());
        assertEquals(pieces(model, "abc"), best.get(0));
        assertEquals(List.of("abc"), best.get(2));
        assertEquals(List.of("a", "b", "c"), best.get(3));
        assertEquals(List.of(best.get(0)), model.nbest("abc", 1));
    }

    @Test
    void samplingFollowsTheLikelihoodRaisedToAlpha() {
        UnigramModel model = model(0, false, "<unk>", 0.0, "a", -1.0, "b", -1.0, "ab", -1.5);
        SplittableRandom random = new SplittableRandom(42);
        for (double alpha : new double[] {0.0, 0.5, 1.0, 4.0}) {
            // P(ab) = exp(alpha * -1.5) / (exp(alpha * -1.5) + exp(alpha * -2.0))
            double expected = 1 / (1 + Math.exp(alpha * -0.5));
            int draws = 20_000;
            int whole = 0;
            for (int i = 0; i < draws; i++) {
                whole += model.sample("ab", alpha, random).size() == 1 ? 1 : 0;
            }
            assertEquals(expected, whole / (double) draws, 0.015, "alpha " + alpha);
        }
    }

    @Test
    void readsAndWritesTokenizerJsonModel() throws Exception {
        String json = "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 0,"
                + " \"vocab\": [[\"<unk>\", 0.0], [\"▁a\", -1.5],"
                + " [\"b\", -2.25]], \"byte_fallback\": false}}";
        ModelRegistry models = ModelRegistry.of(new UnigramModelFactory());
        PipelineTokenizer tokenizer = (PipelineTokenizer) TokenizerFiles.fromJson(json, models);
        UnigramModel model = (UnigramModel) tokenizer.pipeline().model();
        assertEquals(List.of(new ScoredPiece("<unk>", 0.0), new ScoredPiece("▁a", -1.5), new ScoredPiece("b", -2.25)),
                model.pieces());
        assertEquals(Map.of("type", "Unigram", "unk_id", 0, "byte_fallback", false,
                "vocab", List.of(List.of("<unk>", 0.0), List.of("▁a", -1.5), List.of("b", -2.25))), model.toJson());
    }

    /**
     * t5-small's pieces for runs of "-": segmentations of equal real score, told apart by the last bit of the scores
     * as HuggingFace's JSON parser reads them. Expected: HuggingFace through DJL on t5-small's tokenizer.json.
     */
    @Test
    void tiesFollowScoresAsHuggingFaceReadsThem() throws Exception {
        String json = "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 0, \"vocab\": [[\"<unk>\", 0.0],"
                + " [\"▁\", -2.0122928619384766], [\"-\", -5.129043102264404], [\"▁--\", -9.931743621826172],"
                + " [\"---\", -12.130167007446289]]}}";
        UnigramModel model = (UnigramModel) ((PipelineTokenizer) TokenizerFiles.fromJson(json,
                ModelRegistry.of(new UnigramModelFactory()))).pipeline().model();
        assertEquals(List.of("▁", "-", "---"), pieces(model, "▁" + "-".repeat(4)));
        assertEquals(List.of("▁", "---", "---", "-"), pieces(model, "▁" + "-".repeat(7)));
        assertEquals(List.of("▁", "---", "---", "-", "---"), pieces(model, "▁" + "-".repeat(10)));
        assertEquals(List.of("▁--", "---", "---"), pieces(model, "▁" + "-".repeat(8)));
    }

    @Test
    void malformedVocabularyNamesTheField() {
        ModelRegistry models = ModelRegistry.of(new UnigramModelFactory());
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 0, \"vocab\": [[\"<unk>\", 0.0], [\"a\"]]}}", models));
        assertTrue(e.getMessage().contains("model.vocab[1]"), e.getMessage());
        e = assertThrows(TokenizerFormatException.class, () -> TokenizerFiles.fromJson(
                "{\"model\": {\"type\": \"Unigram\", \"unk_id\": 5, \"vocab\": [[\"<unk>\", 0.0]]}}", models));
        assertTrue(e.getMessage().contains("model.unk_id"), e.getMessage());
    }

    private static UnigramModel model(Integer unkId, boolean byteFallback, Object... pieceScorePairs) {
        List<ScoredPiece> pieces = new ArrayList<>();
        for (int i = 0; i < pieceScorePairs.length; i += 2) {
            pieces.add(new ScoredPiece((String) pieceScorePairs[i], (Double) pieceScorePairs[i + 1]));
        }
        return new UnigramModel(pieces, unkId, byteFallback);
    }

    private static List<int[]> tokens(UnigramModel model, String word) {
        int[] codePoints = word.codePoints().toArray();
        List<int[]> tokens = new ArrayList<>();
        model.tokenize(codePoints, 0, codePoints.length, (id, start, end) -> tokens.add(new int[] {id, start, end}));
        return tokens;
    }

    private static List<String> pieces(UnigramModel model, String word) {
        int[] codePoints = word.codePoints().toArray();
        List<String> pieces = new ArrayList<>();
        for (int[] t : tokens(model, word)) {
            pieces.add(new String(codePoints, t[1], t[2] - t[1]));
        }
        return pieces;
    }

    private static List<String> describe(List<int[]> tokens) {
        return tokens.stream().map(t -> t[0] + ":" + t[1] + "-" + t[2]).toList();
    }
}
