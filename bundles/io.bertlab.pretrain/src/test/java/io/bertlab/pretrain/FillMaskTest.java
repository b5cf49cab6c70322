package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.testing.SharedData;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/** The parts of fill-mask that need no model: softmax, top-k, the mask token, the output, the registration. */
class FillMaskTest {

    @Test
    void softmaxIsStableForLogitsFarBeyondWhatExpTakes() {
        // exp(1000) overflows a double: without subtracting the maximum this would be NaN
        double[] p = FillMask.softmax(new float[] {1000f, 999f, -1000f});
        double e = Math.exp(-1);
        assertEquals(1 / (1 + e), p[0], 1e-15);
        assertEquals(e / (1 + e), p[1], 1e-15);
        assertTrue(p[2] >= 0 && p[2] < 1e-300, "exp(-2000) underflows to (almost) 0: " + p[2]);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, FillMask.softmax(new float[] {-7f, -7f, -7f, -7f}),
                0);
    }

    @Test
    void topKIsLargestFirstWithTiesToTheSmallerId() {
        double[] values = {0.1, 0.3, 0.05, 0.3, 0.25};
        assertArrayEquals(new int[] {1, 3, 4}, FillMask.topK(values, 3));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, FillMask.topK(values, 5));
        assertArrayEquals(new int[] {1, 3, 4, 0, 2}, FillMask.topK(values, 50), "at most the vocabulary");
        assertArrayEquals(new int[] {1}, FillMask.topK(values, 1));
    }

    @Test
    void theMaskTokenIsTheTokenizersOwn() {
        Tokenizer bert = BertBaseUncased.tokenizer();
        assertEquals(new MaskToken("[MASK]", 103), MaskToken.of(bert));
        Tokenizer roberta = BertBaseUncased.load(SharedData.require("tokenizers/roberta-base/tokenizer.json"));
        assertEquals(new MaskToken("<mask>", 50264), MaskToken.of(roberta));
    }

    @Test
    void smallProbabilitiesKeepTwoSignificantDigits() {
        assertEquals("0.3103", FillMaskReport.probability(0.310303));
        assertEquals("0.0001", FillMaskReport.probability(1e-4));
        assertEquals("3.21e-05", FillMaskReport.probability(3.2094e-5));
    }

    @Test
    void theCommandIsRegisteredUnderItsNameAndNeedsTheModelResolver() throws Exception {
        Path classes = Path.of("target", "classes");
        String component = Files.readString(classes.resolve("OSGI-INF/io.bertlab.pretrain.FillMaskCommand.xml"));
        assertTrue(component.contains("name=\"bertlab.command.name\" type=\"String\" value=\"fill-mask\""), component);
        assertTrue(component.contains("interface=\"io.bertlab.api.model.ModelResolver\""), component);
        String imports;
        try (InputStream in = Files.newInputStream(classes.resolve("META-INF/MANIFEST.MF"))) {
            imports = new Manifest(in).getMainAttributes().getValue("Import-Package");
        }
        // the header-only parameter names came with model.bert 1.1 (bnd imports from the minor it compiles against)
        java.util.regex.Matcher range = java.util.regex.Pattern
                .compile("io\\.bertlab\\.model\\.bert;version=\"\\[1\\.(\\d+),2\\)\"").matcher(imports);
        assertTrue(range.find() && Integer.parseInt(range.group(1)) >= 1, imports);
    }
}
