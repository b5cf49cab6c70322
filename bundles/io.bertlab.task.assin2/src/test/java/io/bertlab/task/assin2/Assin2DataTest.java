package io.bertlab.task.assin2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Both tasks on the real ASSIN 2 files in {@code ../shared/data/assin2} (counts as in its SOURCES.md). */
class Assin2DataTest {

    private static final Pattern PAIR_TAG = Pattern.compile(
            "<pair entailment=\"([^\"]*)\" id=\"([^\"]*)\" similarity=\"([^\"]*)\">");

    private final Assin2Rte rte = new Assin2Rte();
    private final Assin2Sts sts = new Assin2Sts();

    private static Path folder() {
        return SharedData.require("assin2");
    }

    private static Split split(GlueTask task, String name) {
        return task.splits().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void describesBothTasks() {
        assertEquals("ASSIN2-RTE", rte.name());
        assertEquals("ASSIN2-STS", sts.name());
        assertEquals("assin2", rte.dataFolder());
        assertEquals("assin2", sts.dataFolder());
        assertTrue(rte.pair());
        assertTrue(sts.pair());
        assertEquals(List.of("NONE", "ENTAILMENT"), rte.labels());
        assertEquals(List.of(), sts.labels());
        assertEquals(HeadSpec.Classification.of(2), rte.head());
        assertEquals(HeadSpec.Regression.of(), sts.head());
        assertEquals(List.of("f1_macro", "accuracy"), rte.metrics());
        assertEquals(List.of("pearson", "mse"), sts.metrics());
        List<Split> splits = List.of(new Split("train", "assin2-train-only.xml", true),
                new Split("dev", "assin2-dev.xml", true), new Split("test", "assin2-test.xml", true));
        assertEquals(splits, rte.splits());
        assertEquals(splits, sts.splits());
    }

    @ParameterizedTest
    @CsvSource({"train, 6500, 3250, 25711.01", "dev, 500, 250, 1967.15", "test, 2448, 1224, 8727.685"})
    void readsEverySplitWhole(String name, int pairs, int entailments, double similaritySum) throws IOException {
        Dataset entailment = rte.read(folder(), split(rte, name));
        Dataset similarity = sts.read(folder(), split(sts, name));
        for (Dataset dataset : List.of(entailment, similarity)) {
            assertEquals(List.of(), dataset.problems(), name);
            assertEquals(pairs, dataset.examples().size(), name);
            assertTrue(dataset.split().labelled(), name);
        }
        long[] counts = new long[2];
        for (Example example : entailment.examples()) {
            counts[example.label()]++;
            assertTrue(Double.isNaN(example.score()));
        }
        assertEquals(pairs - entailments, counts[0], name + " NONE");
        assertEquals(entailments, counts[1], name + " ENTAILMENT");
        assertEquals(pairs, counts[0] + counts[1]);

        double sum = 0;
        for (Example example : similarity.examples()) {
            assertEquals(Example.NO_LABEL, example.label());
            assertTrue(example.score() >= 1 && example.score() <= 5, example.toString());
            sum += example.score();
        }
        assertEquals(similaritySum, sum, 1e-6, name);
    }

    @ParameterizedTest
    @CsvSource({"train", "dev", "test"})
    void everyExampleMatchesItsLineInTheFile(String name) throws IOException {
        Dataset entailment = rte.read(folder(), split(rte, name));
        Dataset similarity = sts.read(folder(), split(sts, name));
        List<String> lines = Files.readAllLines(entailment.file(), StandardCharsets.UTF_8);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < entailment.examples().size(); i++) {
            Example e = entailment.examples().get(i);
            Example s = similarity.examples().get(i);
            Matcher tag = PAIR_TAG.matcher(lines.get((int) e.line() - 1));
            assertTrue(tag.find(), "line " + e.line() + " holds no <pair>: " + lines.get((int) e.line() - 1));
            assertEquals(tag.group(2), e.id());
            assertEquals(tag.group(1), Assin2Rte.DATA_VALUES.get(e.label()));
            assertEquals(Double.parseDouble(tag.group(3)), s.score());
            assertEquals(e.id(), s.id());
            assertEquals(e.line(), s.line());
            assertEquals(e.textA(), s.textA());
            assertEquals(e.textB(), s.textB());
            assertEquals("<t>" + e.textA() + "</t>", lines.get((int) e.line()).strip());
            assertEquals("<h>" + e.textB() + "</h>", lines.get((int) e.line() + 1).strip());
            assertTrue(e.isPair());
            assertTrue(ids.add(e.id()), "duplicate id " + e.id());
        }
    }

    @Test
    void firstAndLastPairsOfTrain() throws IOException {
        List<Example> rteExamples = rte.read(folder(), split(rte, "train")).examples();
        List<Example> stsExamples = sts.read(folder(), split(sts, "train")).examples();
        check(rteExamples.get(0), stsExamples.get(0), "1", 3, 1, 4.5,
                "Uma criança risonha está segurando uma pistola de água e sendo espirrada com água",
                "Uma criança está segurando uma pistola de água");
        check(rteExamples.get(6499), stsExamples.get(6499), "6500", 25999, 0, 3.0,
                "A bola de futebol está entre os pés de um menino que está deitado na grama",
                "Não tem nenhuma criança pequena jogando futebol e caindo na grama");
    }

    @Test
    void firstAndLastPairsOfDev() throws IOException {
        List<Example> rteExamples = rte.read(folder(), split(rte, "dev")).examples();
        List<Example> stsExamples = sts.read(folder(), split(sts, "dev")).examples();
        check(rteExamples.get(0), stsExamples.get(0), "1", 3, 1, 4.9,
                "Uma pequena menina está sorrindo e usando um nariz falso e óculos",
                "A menina pequena está sorrindo e usando um nariz falso e óculos");
        check(rteExamples.get(499), stsExamples.get(499), "500", 1999, 0, 3.8,
                "Uma mulher está esvaziando a água de uma caneca",
                "Uma mulher está coletando água da torneira em uma caneca");
    }

    @Test
    void firstAndLastPairsOfTest() throws IOException {
        List<Example> rteExamples = rte.read(folder(), split(rte, "test")).examples();
        List<Example> stsExamples = sts.read(folder(), split(sts, "test")).examples();
        check(rteExamples.get(0), stsExamples.get(0), "0", 3, 0, 3.8,
                "O cachorro caramelo está assistindo um cachorro castanho que está nadando em uma lagoa",
                "Um cachorro de estimação está de pé no banco e está olhando outro cachorro, que é castanho, na lagoa");
        check(rteExamples.get(2447), stsExamples.get(2447), "2447", 9791, 0, 2.1,
                "Um cachorro castanho está olhando atentamente para um cachorro castanho e branco",
                "O cachorro pequeno está agarrando o chinelo com sua boca");
    }

    private static void check(Example entailment, Example similarity, String id, long line, int label, double score,
            String t, String h) {
        assertEquals(new Example(id, t, h, label, Double.NaN, line), entailment);
        assertEquals(new Example(id, t, h, Example.NO_LABEL, score, line), similarity);
        assertFalse(t.isEmpty());
    }
}
