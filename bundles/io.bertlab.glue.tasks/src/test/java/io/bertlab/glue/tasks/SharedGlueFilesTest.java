package io.bertlab.glue.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads every GLUE file in {@code ../shared/data/glue}. The expected row counts are those of its SOURCES.md (data
 * rows, header not counted); the spot checks were read off the files by hand.
 */
class SharedGlueFilesTest {

    static Stream<Arguments> sharedFiles() {
        return Stream.of(
                Arguments.of(new ColaTask(), "train", 8551),
                Arguments.of(new ColaTask(), "dev", 1043),
                Arguments.of(new ColaTask(), "test", 1063),
                Arguments.of(new Sst2Task(), "train", 67349),
                Arguments.of(new Sst2Task(), "dev", 872),
                Arguments.of(new Sst2Task(), "test", 1821),
                Arguments.of(new MrpcTask(), "train", 3668),
                Arguments.of(new MrpcTask(), "dev", 408),
                Arguments.of(new MrpcTask(), "test", 1725),
                Arguments.of(new StsbTask(), "train", 5749),
                Arguments.of(new StsbTask(), "dev", 1500),
                Arguments.of(new StsbTask(), "test", 1379),
                Arguments.of(new QnliTask(), "dev", 5463),
                Arguments.of(new QnliTask(), "test", 5463),
                Arguments.of(new RteTask(), "train", 2490),
                Arguments.of(new RteTask(), "dev", 277),
                Arguments.of(new RteTask(), "test", 3000),
                Arguments.of(new WnliTask(), "train", 635),
                Arguments.of(new WnliTask(), "dev", 71),
                Arguments.of(new WnliTask(), "test", 146));
    }

    @ParameterizedTest(name = "{0} {1}: {2} rows")
    @MethodSource("sharedFiles")
    void readsEveryRowWithoutProblems(GlueTask task, String split, int rows) throws IOException {
        Dataset dataset = read(task, split);
        assertEquals(List.of(), dataset.problems());
        assertEquals(rows, dataset.examples().size());
        boolean labelled = dataset.split().labelled();
        for (Example example : dataset.examples()) {
            assertEquals(task.pair(), example.isPair());
            if (!labelled) {
                assertEquals(Example.NO_LABEL, example.label());
                assertTrue(Double.isNaN(example.score()));
            } else if (task.labels().isEmpty()) {
                assertTrue(example.score() >= 0 && example.score() <= 5, example.toString());
            } else {
                assertTrue(example.label() >= 0 && example.label() < task.labels().size(), example.toString());
            }
        }
    }

    @Test
    void colaHasNoHeaderAndIdsAreRowNumbers() throws IOException {
        List<Example> train = read(new ColaTask(), "train").examples();
        assertEquals(new Example("0", "Our friends won't buy this analysis, let alone the next one we propose.",
                null, 1, Double.NaN, 1), train.get(0));
        assertEquals(new Example("8550", "What all did you get for Christmas?", null, 1, Double.NaN, 8551),
                train.get(8550));
        // dev.tsv has no final newline: its last line still counts.
        List<Example> dev = read(new ColaTask(), "dev").examples();
        assertEquals(new Example("1042", "John talked to Bill about himself.", null, 1, Double.NaN, 1043),
                dev.get(1042));
        // Counted with awk: 2528 unacceptable (0) in train, 322 in dev.
        assertEquals(2528, train.stream().filter(e -> e.label() == 0).count());
        assertEquals(322, dev.stream().filter(e -> e.label() == 0).count());
    }

    @Test
    void colaAndSst2TestIdsAreTheIndexColumn() throws IOException {
        List<Example> cola = read(new ColaTask(), "test").examples();
        assertEquals(new Example("0", "Bill whistled past the house.", null, Example.NO_LABEL, Double.NaN, 2),
                cola.get(0));
        assertEquals("1062", cola.get(1062).id());
        assertEquals("A picture of himself frightened John.", cola.get(1062).textA());
        List<Example> sst2 = read(new Sst2Task(), "test").examples();
        assertEquals("1820", sst2.get(1820).id());
        assertEquals(1822, sst2.get(1820).line());
    }

    @Test
    void sst2KeepsTextsAsWritten() throws IOException {
        Example first = read(new Sst2Task(), "train").examples().get(0);
        // The trailing space is in the file (and in HF's copy); 0 is negative.
        assertEquals(new Example("0", "hide new secretions from the parental units ", null, 0, Double.NaN, 2), first);
        Example last = read(new Sst2Task(), "dev").examples().get(871);
        assertEquals("871", last.id());
        assertEquals(1, last.label());
        assertTrue(last.textA().endsWith("could not be improved upon . ' "), last.textA());
    }

    @Test
    void mrpcReadsPastTheByteOrderMarkAndKeepsQuotes() throws IOException {
        Dataset train = read(new MrpcTask(), "train");
        assertEquals(new Example("0",
                "Amrozi accused his brother, whom he called \"the witness\", of deliberately distorting his evidence.",
                "Referring to him as only \"the witness\", Amrozi accused his brother of deliberately distorting his"
                        + " evidence.", 1, Double.NaN, 2), train.examples().get(0));
        Example lastDev = read(new MrpcTask(), "dev").examples().get(407);
        assertEquals("407", lastDev.id());
        // An unbalanced quote: a CSV parser would swallow the following lines.
        assertEquals("In Soviet times the Beatles' music \"was considered propaganda of an alien ideology.",
                lastDev.textB());
        Example lastTest = read(new MrpcTask(), "test").examples().get(1724);
        assertEquals("1724", lastTest.id());
        assertTrue(lastTest.textA().startsWith("Sobig.F spreads"), lastTest.textA());
        assertEquals(Example.NO_LABEL, lastTest.label());
    }

    @Test
    void stsbScoresAndIds() throws IOException {
        Example first = read(new StsbTask(), "train").examples().get(0);
        assertEquals(new Example("0", "A plane is taking off.", "An air plane is taking off.", Example.NO_LABEL,
                5.0, 2), first);
        Example lastDev = read(new StsbTask(), "dev").examples().get(1499);
        assertEquals("1499", lastDev.id());
        assertEquals(0.0, lastDev.score()); // written "0", not "0.000"
        assertEquals("New York police officer critically wounded in hatchet attack", lastDev.textB());
        Example lastTest = read(new StsbTask(), "test").examples().get(1378);
        assertEquals("1378", lastTest.id());
        assertEquals("South Korea declares end to MERS outbreak", lastTest.textA());
        assertTrue(Double.isNaN(lastTest.score()));
    }

    @Test
    void nliLabelsMapByNameOrByIndex() throws IOException {
        Example rte = read(new RteTask(), "train").examples().get(0);
        assertEquals(new Example("0", "No Weapons of Mass Destruction Found in Iraq Yet.",
                "Weapons of Mass Destruction Found in Iraq.", 1, Double.NaN, 2), rte);
        assertEquals("not_entailment", new RteTask().labels().get(rte.label()));
        Example lastRteDev = read(new RteTask(), "dev").examples().get(276);
        assertEquals("Greenpeace director said that peace is terrorism.", lastRteDev.textB());
        assertEquals(1, lastRteDev.label());

        Example qnli = read(new QnliTask(), "dev").examples().get(0);
        assertEquals("What came into force after the new constitution was herald?", qnli.textA());
        assertEquals(0, qnli.label()); // entailment
        Example lastQnliTest = read(new QnliTask(), "test").examples().get(5462);
        assertEquals("5462", lastQnliTest.id());
        assertTrue(lastQnliTest.textB().startsWith("In 1709\u201313, a plague"), lastQnliTest.textB());

        // WNLI's files say 1 for entailment, and HF lists [not_entailment, entailment]: 1 stays 1.
        Example wnli = read(new WnliTask(), "train").examples().get(0);
        assertEquals("The carrot had a hole.", wnli.textB());
        assertEquals("entailment", new WnliTask().labels().get(wnli.label()));
        Example lastWnliDev = read(new WnliTask(), "dev").examples().get(70);
        assertEquals("70", lastWnliDev.id());
        assertEquals("not_entailment", new WnliTask().labels().get(lastWnliDev.label()));
        assertEquals(72, lastWnliDev.line());
        Example lastWnliTest = read(new WnliTask(), "test").examples().get(145);
        assertEquals("Some of the glue was stuck on the window sill.", lastWnliTest.textB());
    }

    @Test
    void labelCountsMatchTheFiles() throws IOException {
        // Counted with awk on the files: train+dev labels of MRPC are 1323 zeros and 2753 ones.
        long mrpcOnes = Stream.of("train", "dev").flatMap(s -> uncheckedRead(new MrpcTask(), s).examples().stream())
                .filter(e -> e.label() == 1).count();
        assertEquals(2753, mrpcOnes);
        long sst2Ones = Stream.of("train", "dev").flatMap(s -> uncheckedRead(new Sst2Task(), s).examples().stream())
                .filter(e -> e.label() == 1).count();
        assertEquals(38013, sst2Ones);
        long wnliOnes = Stream.of("train", "dev").flatMap(s -> uncheckedRead(new WnliTask(), s).examples().stream())
                .filter(e -> e.label() == 1).count();
        assertEquals(343, wnliOnes);
    }

    static Dataset read(GlueTask task, String splitName) throws IOException {
        Path folder = SharedData.require("glue/" + task.dataFolder());
        Split split = task.splits().stream().filter(s -> s.name().equals(splitName)).findFirst().orElseThrow();
        Dataset dataset = task.read(folder, split);
        assertEquals(folder.resolve(split.fileName()), dataset.file());
        assertEquals(split, dataset.split());
        return dataset;
    }

    private static Dataset uncheckedRead(GlueTask task, String split) {
        try {
            return read(task, split);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
