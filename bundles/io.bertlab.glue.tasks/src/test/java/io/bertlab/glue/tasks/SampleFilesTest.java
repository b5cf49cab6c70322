package io.bertlab.glue.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MNLI, QQP and AX, absent from the shared data, on small files in their real layout (src/test/resources/glue). */
class SampleFilesTest {

    @Test
    void mnliTrainTakesTheLastOfTwelveColumns() throws Exception {
        Dataset train = read(new MnliTask(), "train");
        assertEquals(List.of(), train.problems());
        assertEquals(4, train.examples().size());
        assertEquals(new Example("0", "Conceptually cream skimming has two basic dimensions - product and geography.",
                "Product and geography are what make cream skimming work. ", 1, Double.NaN, 2),
                train.examples().get(0));
        assertEquals(0, train.examples().get(1).label()); // entailment
        Example quoted = train.examples().get(3);
        assertEquals("\"He said \"no\" and left.", quoted.textA());
        assertEquals(2, quoted.label()); // contradiction
    }

    @Test
    void mnliDevTakesGoldLabelNotLabel1() throws Exception {
        for (String split : List.of("dev_matched", "dev_mismatched")) {
            Dataset dev = read(new MnliTask(), split);
            assertEquals(List.of(), dev.problems(), split);
        }
        List<Example> matched = read(new MnliTask(), "dev_matched").examples();
        assertEquals(3, matched.size());
        assertEquals("The new rights are nice enough", matched.get(0).textA());
        // label1 neutral, label2 entailment, ..., gold_label neutral
        assertEquals(1, matched.get(0).label());
        assertEquals(2, matched.get(1).label());
        // label1 entailment, label2 contradiction: gold_label (the 16th column) is entailment
        assertEquals(0, matched.get(2).label());
        List<Example> mismatched = read(new MnliTask(), "dev_mismatched").examples();
        assertEquals(2, mismatched.size());
        assertEquals("Your contributions were of no help with our students' education.", mismatched.get(0).textB());
        assertEquals(2, mismatched.get(0).label());
        assertTrue(mismatched.get(1).textA().contains("`operate' (as in She runs"), mismatched.get(1).textA());
    }

    @Test
    void mnliTestSplitsHaveTenColumnsAndNoLabels() throws Exception {
        Dataset matched = read(new MnliTask(), "test_matched");
        assertEquals(List.of(), matched.problems());
        assertEquals(new Example("0", "Hierbas, ans seco, ans dulce, and frigola are just a few names worth keeping"
                + " a look-out for.", "Hierbas is a name worth looking out for.", Example.NO_LABEL, Double.NaN, 2),
                matched.examples().get(0));
        Dataset mismatched = read(new MnliTask(), "test_mismatched");
        assertEquals(List.of(), mismatched.problems());
        assertEquals(3, mismatched.examples().size());
        assertEquals("2", mismatched.examples().get(2).id());
        assertEquals("Do you \"remember\" the 1997 Annual Report?", mismatched.examples().get(1).textA());
    }

    @Test
    void qqpIdsComeFromTheIdColumn() throws Exception {
        Dataset dev = read(new QqpTask(), "dev");
        assertEquals(List.of(), dev.problems());
        assertEquals(9, dev.examples().size());
        assertEquals(new Example("201359", "Why are African-Americans so beautiful?", "Why are hispanics so beautiful?",
                0, Double.NaN, 2), dev.examples().get(0));
        assertEquals(new Example("382732", "Why is my life getting so complicated?", "Why is my life so complicated?",
                0, Double.NaN, 10), dev.examples().get(8));
        assertEquals(4, dev.examples().stream().filter(e -> e.label() == 1).count());

        Dataset train = read(new QqpTask(), "train");
        assertEquals(List.of(), train.problems());
        assertEquals("402555", train.examples().get(1).id());
        assertEquals(1, train.examples().get(1).label());

        Dataset test = read(new QqpTask(), "test");
        assertEquals(List.of(), test.problems());
        assertEquals(new Example("2", "What but is the best way to send money from China to the US?",
                "What you send money to China?", Example.NO_LABEL, Double.NaN, 4), test.examples().get(2));
    }

    @Test
    void axIsATestOnlyPairTaskReadFromDiagnosticTsv() throws Exception {
        Dataset ax = read(new AxTask(), "test");
        assertEquals(resources().resolve("AX/diagnostic.tsv"), ax.file());
        assertEquals(List.of(), ax.problems());
        assertEquals(3, ax.examples().size());
        assertEquals(new Example("1", "The cat did not sit on the mat.", "The cat sat on the mat.", Example.NO_LABEL,
                Double.NaN, 3), ax.examples().get(1));
    }

    static Dataset read(GlueTask task, String splitName) throws IOException, URISyntaxException {
        Split split = task.splits().stream().filter(s -> s.name().equals(splitName)).findFirst().orElseThrow();
        return task.read(resources().resolve(task.dataFolder()), split);
    }

    static Path resources() throws URISyntaxException {
        return Path.of(SampleFilesTest.class.getResource("/glue").toURI());
    }
}
