package io.bertlab.glue.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.Split;
import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each task says about itself, and that each is a DS component publishing GlueTask with its name. */
class TasksTest {

    static Stream<Arguments> tasks() {
        return Stream.of(
                Arguments.of(new ColaTask(), "CoLA", false, List.of("unacceptable", "acceptable"),
                        List.of("matthews_correlation"), "train dev test"),
                Arguments.of(new Sst2Task(), "SST-2", false, List.of("negative", "positive"),
                        List.of("accuracy"), "train dev test"),
                Arguments.of(new MrpcTask(), "MRPC", true, List.of("not_equivalent", "equivalent"),
                        List.of("f1", "accuracy"), "train dev test"),
                Arguments.of(new QqpTask(), "QQP", true, List.of("not_duplicate", "duplicate"),
                        List.of("f1", "accuracy"), "train dev test"),
                Arguments.of(new StsbTask(), "STS-B", true, List.of(), List.of("pearson", "spearman"),
                        "train dev test"),
                Arguments.of(new MnliTask(), "MNLI", true, List.of("entailment", "neutral", "contradiction"),
                        List.of("accuracy"), "train dev_matched dev_mismatched test_matched test_mismatched"),
                Arguments.of(new QnliTask(), "QNLI", true, List.of("entailment", "not_entailment"),
                        List.of("accuracy"), "train dev test"),
                Arguments.of(new RteTask(), "RTE", true, List.of("entailment", "not_entailment"),
                        List.of("accuracy"), "train dev test"),
                Arguments.of(new WnliTask(), "WNLI", true, List.of("not_entailment", "entailment"),
                        List.of("accuracy"), "train dev test"),
                Arguments.of(new AxTask(), "AX", true, List.of("entailment", "neutral", "contradiction"),
                        List.of("matthews_correlation"), "test"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("tasks")
    void describesItself(GlueTask task, String name, boolean pair, List<String> labels, List<String> metrics,
            String splits) {
        assertEquals(name, task.name());
        assertEquals(name, task.dataFolder());
        assertEquals(pair, task.pair());
        assertEquals(labels, task.labels());
        assertEquals(metrics, task.metrics());
        assertEquals(splits, task.splits().stream().map(Split::name).collect(Collectors.joining(" ")));
        HeadSpec expectedHead = labels.isEmpty() ? HeadSpec.Regression.of() : HeadSpec.Classification.of(labels.size());
        assertEquals(expectedHead, task.head());
        for (Split split : task.splits()) {
            assertEquals(!split.name().startsWith("test"), split.labelled(), split.name());
        }
    }

    @Test
    void splitFilesAreGlues() {
        assertEquals(List.of("train.tsv", "dev_matched.tsv", "dev_mismatched.tsv", "test_matched.tsv",
                "test_mismatched.tsv"), new MnliTask().splits().stream().map(Split::fileName).toList());
        assertEquals(List.of("diagnostic.tsv"), new AxTask().splits().stream().map(Split::fileName).toList());
        assertEquals(List.of("train.tsv", "dev.tsv", "test.tsv"),
                new RteTask().splits().stream().map(Split::fileName).toList());
    }

    @Test
    void unknownSplitIsRefusedNamingTheTasksSplits() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new MnliTask().read(Path.of("."), new Split("dev", "dev.tsv", true)));
        assertTrue(e.getMessage().contains("MNLI has no split dev"), e.getMessage());
        assertTrue(e.getMessage().contains("dev_matched"), e.getMessage());
    }

    /** bnd writes the DS descriptors from the annotations before the tests run; they are what Felix SCR reads. */
    @ParameterizedTest(name = "{1}")
    @MethodSource("tasks")
    void isAComponentPublishingGlueTaskWithItsName(GlueTask task, String name) throws IOException {
        String resource = "OSGI-INF/" + task.getClass().getName() + ".xml";
        String xml;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, "no DS descriptor " + resource);
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(xml.contains("<provide interface=\"io.bertlab.api.glue.GlueTask\"/>"), xml);
        assertTrue(xml.contains("<property name=\"" + GlueTask.TASK + "\" type=\"String\" value=\"" + name + "\"/>"),
                xml);
        assertTrue(xml.contains("<implementation class=\"" + task.getClass().getName() + "\"/>"), xml);
    }

    @Test
    void definitionsAreAllTen() {
        assertEquals(List.of("CoLA", "SST-2", "MRPC", "QQP", "STS-B", "MNLI", "QNLI", "RTE", "WNLI", "AX"),
                GlueTaskDefinitions.all().stream().map(TaskDefinition::name).toList());
        assertFalse(new ColaTask().pair());
    }
}
