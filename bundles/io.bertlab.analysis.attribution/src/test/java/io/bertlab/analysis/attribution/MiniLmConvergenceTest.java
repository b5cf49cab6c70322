package io.bertlab.analysis.attribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.AttributionMethod.Baseline;
import io.bertlab.api.analysis.AttributionMethod.Rule;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.OutputSelector;
import io.bertlab.api.model.TrainingSession;
import io.bertlab.api.model.TrainingSpec;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.engine.java.JavaEngine;
import io.bertlab.model.bert.ModelDirectory;
import io.bertlab.testing.models.JavaMiniLm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Integrated Gradients on all-MiniLM-L6-v2 fine-tuned for SST-2 (a few steps, {@link Sst2MiniLm}), on the pure-Java
 * engine: the completeness gap shrinks as the steps grow, and the baseline's choices hold. The measured deltas are
 * written to {@code target/ig-convergence.txt} (the table of src-docs/analysis.md).
 */
class MiniLmConvergenceTest {

    private static final String TEXT = "a gorgeous , witty , seductive movie .";

    /**
     * Below this |delta| the quadrature error is lost in float32 rounding: the engine returns float32 gradients, whose
     * weighted sum over the path and ~3,500 embedding values carries errors of a few 1e-7 on a probability change of
     * a few hundredths (2⁻²⁴ relative per value, growing with the square root of the number of terms).
     */
    private static final double FLOAT_FLOOR = 1e-6;

    private static Model model;
    private static TrainingSession session;
    private static Tokenizer tokenizer;
    private static final List<String> REPORT = new ArrayList<>();

    @BeforeAll
    static void open() throws IOException {
        Path directory = Sst2MiniLm.directory();
        model = JavaEngine.load(ModelDirectory.load(directory), 2, directory.resolve("config.json"));
        session = model.openSession(new TrainingSpec(List.of(Sst2MiniLm.HEAD), null, 0));
        tokenizer = JavaMiniLm.tokenizer();
    }

    @AfterAll
    static void close() throws IOException {
        session.close();
        model.close();
        Files.write(Path.of("target", "ig-convergence.txt"), REPORT);
    }

    private static Attribution explain(Baseline baseline, Rule rule, int steps) {
        Attribution a = new IntegratedGradients().attribute(session, tokenizer, TEXT, null,
                new OutputSelector(Sst2MiniLm.HEAD.name(), 1), baseline, rule, steps);
        REPORT.add(String.format(Locale.ROOT,
                "%-8s %-18s %4d steps: F(x) %.6f F(b) %.6f sum %.6f delta %+.3e (%.3f %%)",
                baseline == Baseline.PAD_TOKENS ? "pad" : "zero", rule, steps, a.outputAtInput(), a.outputAtBaseline(),
                a.outputAtInput() - a.outputAtBaseline() + a.convergenceDelta(), a.convergenceDelta(),
                100 * a.relativeConvergenceDelta()));
        return a;
    }

    @Test
    void theCompletenessGapShrinksAsTheStepsGrow() {
        for (Rule rule : Rule.values()) {
            double previous = Double.POSITIVE_INFINITY;
            Attribution last = null;
            for (int steps : new int[] {20, 50, 300}) {
                last = explain(Baseline.PAD_TOKENS, rule, steps);
                double delta = Math.abs(last.convergenceDelta());
                assertTrue(delta < previous || delta < FLOAT_FLOOR, rule + ": |delta| " + delta + " at " + steps
                        + " steps, was " + previous);
                previous = delta;
            }
            // at 300 points either rule accounts for the change well inside the 5 % the command warns beyond
            assertTrue(last.relativeConvergenceDelta() < 0.01, rule + ": " + last.relativeConvergenceDelta());
        }
    }

    @Test
    void thePadBaselineKeepsTheSpecialTokensSoTheyGetNothing() {
        Attribution a = explain(Baseline.PAD_TOKENS, Rule.GAUSS_LEGENDRE, 50);
        String[] tokens = a.tokens();
        float[] scores = a.scores();
        assertEquals("[CLS]", tokens[0]);
        assertEquals("[SEP]", tokens[tokens.length - 1]);
        // x - b is exactly 0 at [CLS] and [SEP]: the baseline holds their own embeddings
        assertEquals(0f, scores[0]);
        assertEquals(0f, scores[tokens.length - 1]);
        // the model was fine-tuned towards positive: the probability of "positive" rose from the baseline
        assertTrue(a.outputAtInput() > a.outputAtBaseline(), a.outputAtInput() + " vs " + a.outputAtBaseline());
        double norm = 0;
        for (float s : a.normalizedScores()) {
            norm += s * s;
        }
        assertEquals(1, norm, 1e-6, "L2-normalised over the tokens");
        assertTrue(a.converged(), "50 Gauss-Legendre points: " + a.relativeConvergenceDelta());
    }

    @Test
    void theZeroBaselineAttributesTheSpecialTokensToo() {
        Attribution a = explain(Baseline.ZERO_EMBEDDINGS, Rule.GAUSS_LEGENDRE, 50);
        assertTrue(a.scores()[0] != 0f, "[CLS] moves from zero embeddings to its own");
    }
}
