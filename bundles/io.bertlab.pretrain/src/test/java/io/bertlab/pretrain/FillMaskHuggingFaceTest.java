package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.model.bert.Weight;
import io.bertlab.testing.CapturingContext;
import io.bertlab.testing.SharedData;
import io.bertlab.testing.models.TinyBert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fill-mask} against HuggingFace transformers' {@code BertForMaskedLM} (eval mode) on a small random
 * checkpoint with an MLM head. The checkpoint is rebuilt here, deterministically (seeded uniform weights), and
 * written to {@code target/fill-mask-huggingface}; {@code testdata/references/fill-mask/make_reference.py} read that
 * same folder with transformers and wrote {@code reference.json} (its README says how). The SHA-256 of the weights
 * and configuration are part of the reference, so a change of the generator fails here rather than comparing two
 * different models.
 *
 * <p>Checked, for every text of the reference: the input ids and token types (bertlab's WordPiece against
 * transformers' {@code BertTokenizer}); through the command itself ({@code --format jsonl --top-k 10}) each mask's
 * position, its 10 most probable ids, their probabilities and token strings; and, from a session on the same model,
 * the logits at each mask (the top 10, every 31st id of the vocabulary, the maximum, the sum and the log-sum-exp
 * of the whole row). A text pair (token types 1 in the second segment), which the command cannot take, goes through
 * {@link FillMask#predict} directly, as the command calls it.
 */
class FillMaskHuggingFaceTest {

    /** The weights' seed: {@link TinyBert#randomEncoder} for the encoder, the same scheme for the head. */
    static final long SEED = 20_240_611L;
    /**
     * The uniform draws' half-width, five times {@link TinyBert#save}'s 0.05: the logits at a mask spread (a
     * standard deviation of about 0.8, from -2.6 to 3.1; top probabilities of 4e-4 to 5e-4, 12 to 16 times
     * 1/30522) and the attention and the GELU work away from their linear regions.
     */
    static final double SCALE = 0.25;
    static final int MAX_POSITIONS = 64;
    static final Path CHECKPOINT = Path.of("target", "fill-mask-huggingface");
    static final String TOKENIZER = "tokenizers/bert-base-uncased/tokenizer.json";

    /**
     * |logit - HF's logit|, 10 times tighter than the bound of 1e-4. Both sides compute in float32 with
     * different summation orders (bertlab's blocked Vector API GEMM, torch's BLAS): each dot product over the hidden
     * size (32) or the intermediate size (64) is exact to about sqrt(n) * 2^-24 (worst case n * 2^-24, 2e-6 to 4e-6)
     * of the sum of |terms|, which are O(1) to O(10) here; the embeddings' sum, two layers with their attention
     * softmax, six LayerNorms (each dividing by a standard deviation of order 1) and the head carry these to the
     * logits, of magnitude up to about 3: a few 1e-7, at most a few 1e-6 (measured: 9.5e-7). 1e-5 keeps a margin of
     * 10 for other CPUs' vector widths and thread splits, and still fails what the reference's model does not do:
     * on these texts the tanh approximation of GELU moves the logits by 5.6e-4, LayerNorm's eps 1e-5 instead of
     * 1e-12 by 7.7e-5, token types 0 in the pair by 1.3, a missing {@code cls.predictions.bias} by 0.25.
     */
    static final double LOGIT_TOLERANCE = 1e-5;
    /**
     * Probabilities relative to HF's. Against the pipeline's, a float32 softmax: d ln p_i = d l_i - sum_j p_j d l_j
     * is at most twice the largest logit difference, plus the rounding of HF's float32 sum of 30522 exponentials
     * (measured against a float64 softmax of the same logits: 1.6e-6 relative); 1e-5 for the latter.
     */
    static final double PROBABILITY_RELATIVE_TOLERANCE = 2 * LOGIT_TOLERANCE + 1e-5;
    /**
     * Probabilities relative to {@code exp(logit - logsumexp)} of HF's logits in double precision (bertlab's own
     * softmax): twice the logit tolerance, plus the 9 significant digits the reference keeps of each logit.
     */
    static final double SOFTMAX_RELATIVE_TOLERANCE = 2 * LOGIT_TOLERANCE + 1e-7;

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode reference;
    static LoadedModels models;
    static Path directory;

    @BeforeAll
    static void writeCheckpoint() throws Exception {
        // written before the reference is read, so that make_reference.py can be run on it when there is none yet
        directory = write(CHECKPOINT.toAbsolutePath());
        reference = JSON.readTree(SharedData.reference("fill-mask/reference.json").toFile());
        models = new LoadedModels();
    }

    @AfterAll
    static void close() {
        if (models != null) {
            models.close();
        }
    }

    /** BERT's uncased vocabulary, width 32, 2 layers, 4 heads, FFN 64, exact-erf GELU, LayerNorm eps 1e-12. */
    static ModelConfig config() {
        return new ModelConfig(30522, 32, 2, 4, 64, "gelu", 0.1, 0.1, MAX_POSITIONS, 2, 0.02, 1e-12);
    }

    /**
     * The checkpoint in HF's {@code BertForMaskedLM} layout: the encoder under {@code bert.} (no pooler), the MLM
     * head's {@code cls.predictions.transform.*} and {@code cls.predictions.bias} at the top, the decoder tied to the
     * word embeddings (not stored). The head is drawn like the encoder (uniform in +-SCALE, LayerNorm gains around
     * 1) from a second generator, seeded {@code SEED + 1}, in the order listed.
     */
    static BertWeights weights() {
        ModelConfig config = config();
        int h = config.hiddenSize();
        BertWeights weights = new BertWeights();
        for (Weight w : TinyBert.randomEncoder(config, SCALE, SEED).all()) {
            weights.put(new Weight(BertParameterNames.TASK_MODEL_PREFIX + w.name(), w.shape(), w.values()));
        }
        Map<String, int[]> head = new LinkedHashMap<>();
        head.put("cls.predictions.transform.dense.weight", new int[] {h, h});
        head.put("cls.predictions.transform.dense.bias", new int[] {h});
        head.put("cls.predictions.transform.LayerNorm.weight", new int[] {h});
        head.put("cls.predictions.transform.LayerNorm.bias", new int[] {h});
        head.put("cls.predictions.bias", new int[] {config.vocabSize()});
        assertEquals(List.copyOf(head.keySet()), FillMask.HEAD_PARAMETERS);
        SplittableRandom random = new SplittableRandom(SEED + 1);
        for (Map.Entry<String, int[]> e : head.entrySet()) {
            float[] values = new float[(int) Weight.elementCount(e.getValue())];
            boolean gain = e.getKey().endsWith("LayerNorm.weight");
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) ((gain ? 1 : 0) + SCALE * (2 * random.nextDouble() - 1));
            }
            weights.put(new Weight(e.getKey(), e.getValue(), values));
        }
        return weights;
    }

    /** Writes the model directory (config.json, model.safetensors, tokenizer.json), replacing an older one. */
    static Path write(Path folder) throws IOException {
        if (Files.exists(folder)) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        ModelDirectory.save(folder, new ModelDirectory.Checkpoint(config(), weights()));
        Files.copy(SharedData.require(TOKENIZER), folder.resolve(ModelProperties.TOKENIZER_FILE));
        return folder;
    }

    @Test
    void theCheckpointIsTheOneTheReferenceWasMadeFrom() throws Exception {
        JsonNode files = reference.get("checkpoint");
        for (String file : List.of(ModelProperties.WEIGHTS_FILE, ModelProperties.CONFIG_FILE,
                ModelProperties.TOKENIZER_FILE)) {
            assertEquals(files.get(file).asText(), sha256(directory.resolve(file)), file + " differs from the one"
                    + " make_reference.py read: regenerate testdata/references/fill-mask (README.md there)");
        }
        // what the reference covers: one mask, two masks, a literal [SEP], accents, a mask first, a pair
        assertTrue(reference.get("texts").size() >= 6, reference.get("texts").toString());
    }

    @Test
    void inputIdsAreTransformersBertTokenizers() throws Exception {
        Tokenizer tokenizer = tokenizer();
        for (JsonNode text : reference.get("texts")) {
            Encoding encoding = encode(tokenizer, text);
            String what = text.get("text").asText() + (text.get("pair").isNull() ? "" : " | "
                    + text.get("pair").asText());
            assertArrayEquals(ints(text.get("input_ids")), encoding.ids(), what + ": " + Arrays.toString(
                    encoding.tokens()));
            assertArrayEquals(ints(text.get("token_type_ids")), encoding.typeIds(), what);
        }
    }

    /**
     * The command's own output: for each mask of each single text, the position, the 10 ids in HF's order, their
     * probabilities and token strings.
     */
    @Test
    void theCommandsTopTenAndProbabilitiesAreTransformers() throws Exception {
        List<JsonNode> singles = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of("--model", directory.toString(), "--format", "jsonl",
                "--top-k", "10"));
        for (JsonNode text : reference.get("texts")) {
            if (text.get("pair").isNull()) {
                singles.add(text);
                arguments.add(text.get("text").asText());
            }
        }
        CapturingContext context = new CapturingContext(Path.of(""), arguments.toArray(String[]::new));
        assertEquals(0, new FillMaskCommand(models).run(context));
        List<JsonNode> lines = FillMaskBertBaseTest.lines(context.outText());
        Differences differences = new Differences();
        int line = 0;
        for (int t = 0; t < singles.size(); t++) {
            JsonNode masks = singles.get(t).get("masks");
            for (int m = 0; m < masks.size(); m++) {
                JsonNode got = lines.get(line++);
                JsonNode want = masks.get(m);
                String where = "text " + t + " mask " + m;
                assertEquals(t, got.get("index").asInt(), where);
                assertEquals(m, got.get("mask").asInt(), where);
                assertEquals(want.get("position").asInt(), got.get("position").asInt(), where);
                JsonNode predictions = got.get("predictions");
                List<Integer> ids = new ArrayList<>();
                double[] probabilities = new double[predictions.size()];
                for (int r = 0; r < predictions.size(); r++) {
                    ids.add(predictions.get(r).get("id").asInt());
                    probabilities[r] = predictions.get(r).get("probability").asDouble();
                }
                differences.compareTop(where, want, ids, probabilities);
                for (int r = 0; r < predictions.size(); r++) {
                    if (ids.get(r) == want.get("top").get(r).get("id").asInt()) {
                        assertEquals(want.get("top").get(r).get("token").asText(),
                                predictions.get(r).get("token").asText(), where + " rank " + (r + 1));
                    }
                }
            }
        }
        assertEquals(line, lines.size(), "one line per mask");
        System.out.printf("fill-mask vs transformers BertForMaskedLM, the command's top 10 of %d masks:"
                + " max |p - HF| = %.3g, max |p - HF| / p = %.3g (against HF's float32 pipeline softmax), %.3g"
                + " (against exp(logit - logsumexp) of HF's logits)%n", line, differences.probability,
                differences.relativeProbability, differences.relativeSoftmax);
        differences.assertProbabilities();
    }

    /**
     * The MLM head's logits at each mask, from a session as the command opens it, and the pair through
     * {@link FillMask#predict}.
     */
    @Test
    void logitsAtEachMaskAreTransformers() throws Exception {
        Tokenizer tokenizer = tokenizer();
        Model model = models.model(directory);
        int stride = reference.get("logit_stride").asInt();
        Differences differences = new Differences();
        int count = 0;
        try (TrainingSession session = model.openSession(new TrainingSpec(List.of(FillMask.HEAD), null, 0))) {
            for (int t = 0; t < reference.get("texts").size(); t++) {
                JsonNode text = reference.get("texts").get(t);
                Encoding encoding = encode(tokenizer, text);
                int[] attended = new int[encoding.length()];
                Arrays.fill(attended, 1);
                var logits = session.evaluate(new Batch(new int[][] {encoding.ids()},
                        new int[][] {encoding.typeIds()}, new int[][] {attended}), null).logits()
                        .get(FillMask.HEAD.name());
                JsonNode masks = text.get("masks");
                for (int m = 0; m < masks.size(); m++) {
                    JsonNode want = masks.get(m);
                    String where = "text " + t + " mask " + m;
                    float[] row = logits.vector(0, want.get("position").asInt());
                    assertEquals(model.config().vocabSize(), row.length);
                    JsonNode sampled = want.get("sampled_logits");
                    assertEquals((row.length + stride - 1) / stride, sampled.size(), where);
                    for (int i = 0; i < sampled.size(); i++) {
                        differences.logit(where + " id " + i * stride, row[i * stride], sampled.get(i).asDouble());
                    }
                    for (JsonNode top : want.get("top")) {
                        differences.logit(where + " id " + top.get("id").asInt(), row[top.get("id").asInt()],
                                top.get("logit").asDouble());
                    }
                    double max = Double.NEGATIVE_INFINITY;
                    double sum = 0;
                    for (float l : row) {
                        max = Math.max(max, l);
                        sum += l;
                    }
                    double sumOfExp = 0;
                    for (float l : row) {
                        sumOfExp += Math.exp(l - max);
                    }
                    differences.logit(where + " max", max, want.get("max_logit").asDouble());
                    differences.logit(where + " log-sum-exp", max + Math.log(sumOfExp),
                            want.get("logsumexp").asDouble());
                    // the sum of 30522 differences, each within the tolerance: its mean must be
                    differences.logit(where + " mean", sum / row.length, want.get("logit_sum").asDouble()
                            / row.length);
                    count++;
                }
                if (!text.get("pair").isNull()) {
                    // the pair, which the command cannot take, through the command's own prediction code
                    List<FillMask.Prediction> predictions = FillMask.predict(session, tokenizer, t,
                            text.get("text").asText(), encoding, MaskToken.of(tokenizer).id(), 10);
                    assertEquals(masks.size(), predictions.size());
                    for (int m = 0; m < masks.size(); m++) {
                        FillMask.Prediction prediction = predictions.get(m);
                        assertEquals(masks.get(m).get("position").asInt(), prediction.position());
                        differences.compareTop("pair mask " + m, masks.get(m), prediction.candidates()
                                .stream().map(FillMask.Candidate::id).toList(), prediction.candidates().stream()
                                .mapToDouble(FillMask.Candidate::probability).toArray());
                    }
                }
            }
        }
        System.out.printf("fill-mask vs transformers BertForMaskedLM, logits at %d masks: max |logit - HF| = %.3g"
                + " (%s); pair top 10: max |p - HF| / p = %.3g (pipeline), %.3g (double softmax)%n", count,
                differences.logit, differences.worstLogit, differences.relativeProbability,
                differences.relativeSoftmax);
        assertTrue(differences.logit <= LOGIT_TOLERANCE, "logits differ from HF's by " + differences.logit + " at "
                + differences.worstLogit);
        differences.assertProbabilities();
    }

    /** The largest differences met, for the report and the assertions. */
    private static final class Differences {
        double logit;
        String worstLogit = "-";
        double probability;
        double relativeProbability;
        double relativeSoftmax;

        void logit(String where, double got, double want) {
            double d = Math.abs(got - want);
            if (!(d <= logit)) { // NaN too
                logit = d;
                worstLogit = where;
            }
        }

        /**
         * The ids must be HF's in HF's order, except that two candidates whose HF logits are within the tolerance
         * of each other may come in either order (a near tie that rounding may break either way); probabilities
         * are compared id by id, with HF's pipeline's (float32) and with the double softmax of HF's logits.
         */
        void compareTop(String where, JsonNode mask, List<Integer> ids, double[] probabilities) {
            JsonNode top = mask.get("top");
            double logSumExp = mask.get("logsumexp").asDouble();
            assertEquals(top.size(), ids.size(), where);
            Map<Integer, JsonNode> byId = new LinkedHashMap<>();
            top.forEach(candidate -> byId.put(candidate.get("id").asInt(), candidate));
            for (int r = 0; r < ids.size(); r++) {
                int wantId = top.get(r).get("id").asInt();
                int gotId = ids.get(r);
                if (gotId != wantId) {
                    JsonNode swapped = byId.get(gotId);
                    assertTrue(swapped != null && Math.abs(swapped.get("logit").asDouble()
                            - top.get(r).get("logit").asDouble()) <= LOGIT_TOLERANCE, where + " rank " + (r + 1)
                            + ": id " + gotId + ", HF's is " + wantId + " (HF's top 10: " + byId.keySet() + ")");
                }
                JsonNode want = byId.get(gotId);
                double pipeline = want.get("probability").asDouble();
                double d = Math.abs(probabilities[r] - pipeline);
                probability = Math.max(probability, d);
                relativeProbability = Math.max(relativeProbability, Double.isNaN(d) ? Double.NaN : d / pipeline);
                double exact = Math.exp(want.get("logit").asDouble() - logSumExp);
                double e = Math.abs(probabilities[r] - exact) / exact;
                relativeSoftmax = Math.max(relativeSoftmax, Double.isNaN(e) ? Double.NaN : e);
            }
        }

        /** Fails when the probabilities are off, naming the largest differences. */
        void assertProbabilities() {
            assertTrue(relativeProbability <= PROBABILITY_RELATIVE_TOLERANCE, "probabilities differ from HF's"
                    + " pipeline (float32 softmax) by " + relativeProbability + " (relative)");
            assertTrue(relativeSoftmax <= SOFTMAX_RELATIVE_TOLERANCE, "probabilities differ from exp(logit -"
                    + " logsumexp) of HF's logits by " + relativeSoftmax + " (relative)");
        }
    }

    private static Tokenizer tokenizer() throws IOException {
        return models.open(directory.toString(), directory, "java", "cpu").tokenizer();
    }

    /** As the command encodes a text (special tokens, no truncation); a pair as BERT encodes one. */
    private static Encoding encode(Tokenizer tokenizer, JsonNode text) {
        EncodeOptions options = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(), null, null);
        return text.get("pair").isNull() ? tokenizer.encode(text.get("text").asText(), options)
                : tokenizer.encodePair(text.get("text").asText(), text.get("pair").asText(), options);
    }

    private static int[] ints(JsonNode array) {
        int[] values = new int[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asInt();
        }
        return values;
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }
}
