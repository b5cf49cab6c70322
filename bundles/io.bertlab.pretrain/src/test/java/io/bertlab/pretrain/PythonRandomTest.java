package io.bertlab.pretrain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.testing.SharedData;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Draws against CPython's own (testdata/references/pretraining/python-random.json, see its README). */
class PythonRandomTest {

    @Test
    void drawsEqualCPythons() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SharedData.reference("pretraining/python-random.json").toFile());
        int cases = 0;
        for (JsonNode expected : root.get("cases")) {
            String seed = expected.get("seed").asText();
            PythonRandom rng = new PythonRandom(new BigInteger(seed));
            for (JsonNode v : expected.get("getrandbits32")) {
                assertEquals(v.asLong(), rng.getrandbits(32), "getrandbits(32), seed " + seed);
            }
            for (JsonNode v : expected.get("random")) {
                assertEquals(Double.parseDouble(v.asText()), rng.random(), 0.0, "random(), seed " + seed);
            }
            for (JsonNode v : expected.get("randint_0_30521")) {
                assertEquals(v.asInt(), rng.randint(0, 30521), "randint, seed " + seed);
            }
            for (JsonNode v : expected.get("randint_1_1")) {
                assertEquals(v.asInt(), rng.randint(1, 1), "randint(1, 1), seed " + seed);
            }
            for (JsonNode v : expected.get("getrandbits33")) {
                assertEquals(v.asLong(), rng.getrandbits(33), "getrandbits(33), seed " + seed);
            }
            for (JsonNode v : expected.get("getrandbits64")) {
                assertEquals(new BigInteger(v.asText()).longValue(), rng.getrandbits(64), "getrandbits(64), seed " + seed);
            }
            List<Integer> items = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
            rng.shuffle(items);
            List<Integer> shuffled = new ArrayList<>();
            expected.get("shuffle20").forEach(v -> shuffled.add(v.asInt()));
            assertEquals(shuffled, items, "shuffle, seed " + seed);
            List<String> letters = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
            for (JsonNode v : expected.get("choice")) {
                assertEquals(v.asText(), rng.choice(letters), "choice, seed " + seed);
            }
            double[] last = new double[700];
            for (int i = 0; i < 700; i++) {
                last[i] = rng.random();
            }
            JsonNode after = expected.get("random_after_700");
            for (int i = 0; i < 3; i++) {
                assertEquals(Double.parseDouble(after.get(i).asText()), last[697 + i], 0.0, "after twist, seed " + seed);
            }
            cases++;
        }
        assertEquals(8, cases);
    }

    @Test
    void whitespaceIsPythons() throws Exception {
        JsonNode root = new ObjectMapper().readTree(SharedData.reference("pretraining/python-random.json").toFile());
        java.util.Set<Integer> spaces = new java.util.HashSet<>();
        root.get("isspace_bmp").forEach(v -> spaces.add(v.asInt()));
        for (int c = 0; c < 0x10000; c++) {
            assertEquals(spaces.contains(c), TokenizedCorpus.isPythonSpace((char) c), "U+" + Integer.toHexString(c));
        }
        assertEquals("a b", TokenizedCorpus.strip("\u00a0\u3000\u001c a b\u0085\u2029 \r"));
    }

    @Test
    void roundingHalvesToEvenAsPython3() {
        // Python 3: round(1.5) == 2, round(4.5) == 4 (banker's rounding), not Java's Math.round
        assertEquals(2, Masking.googleCount(10, 0.15, 20));
        assertEquals(4, Masking.googleCount(30, 0.15, 20));
        assertEquals(1, Masking.googleCount(3, 0.15, 20));
        assertEquals(19, Masking.googleCount(128, 0.15, 20));
        assertEquals(20, Masking.googleCount(140, 0.15, 20));
    }
}
