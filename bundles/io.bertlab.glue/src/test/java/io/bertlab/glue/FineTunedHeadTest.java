package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.HeadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FineTunedHeadTest {

    @TempDir
    Path dir;

    private static FineTunedHead headFor(GlueTask task) {
        Map<String, Double> dev = new LinkedHashMap<>();
        for (String metric : task.metrics()) {
            dev.put(metric, 0.75);
        }
        return new FineTunedHead(task.name(), task.labels(), "minilm", 3, dev, HeadSpec.Pooling.MEAN, HeadKind.DENSE);
    }

    private Path folderWithHeadFor(String task) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("fine-tuned-" + task));
        headFor(InstalledGlue.task(task)).write(folder);
        return folder;
    }

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), "'" + part + "' not in: " + message);
        }
    }

    @Test
    void aHeadForTheTaskIsAcceptedAndReadBack() throws IOException {
        for (String name : List.of("RTE", "MNLI", "STS-B", "MRPC")) {
            GlueTask task = InstalledGlue.task(name);
            Path folder = folderWithHeadFor(name);
            FineTunedHead head = FineTunedHead.requireFor(task, folder);
            assertEquals(headFor(task), head);
            assertEquals(task.metrics(), List.copyOf(head.dev().keySet()));
        }
    }

    @Test
    void aFolderWithoutAHeadIsRefusedNamingWhatToDo() {
        IOException e = assertThrows(IOException.class, () -> FineTunedHead.requireFor(InstalledGlue.task("RTE"),
                dir));
        assertMentions(e.getMessage(), dir.toString(), "holds no fine-tuned head", FineTunedHead.FILE, "RTE",
                "bertlab glue-train");
    }

    @Test
    void aHeadWithOtherLabelsIsRefusedNamingBothTasksAndTheirLabels() throws IOException {
        Path rte = folderWithHeadFor("RTE");
        IOException e = assertThrows(IOException.class, () -> FineTunedHead.requireFor(InstalledGlue.task("MNLI"),
                rte));
        assertMentions(e.getMessage(), rte.toString(), "was fine-tuned for RTE",
                "2 labels [entailment, not_entailment]", "does not fit MNLI",
                "3 labels [entailment, neutral, contradiction]");
    }

    @Test
    void labelOrderMatters() throws IOException {
        // WNLI's labels are RTE's in reverse index order: an RTE head would answer WNLI backwards
        Path rte = folderWithHeadFor("RTE");
        IOException e = assertThrows(IOException.class, () -> FineTunedHead.requireFor(InstalledGlue.task("WNLI"),
                rte));
        assertMentions(e.getMessage(), "fine-tuned for RTE", "does not fit WNLI",
                "[not_entailment, entailment]");
    }

    @Test
    void regressionAndClassificationHeadsAreNotInterchangeable() throws IOException {
        Path stsb = folderWithHeadFor("STS-B");
        IOException classification = assertThrows(IOException.class,
                () -> FineTunedHead.requireFor(InstalledGlue.task("RTE"), stsb));
        assertMentions(classification.getMessage(), "fine-tuned for STS-B (regression)", "does not fit RTE (2 labels");

        Path mrpc = folderWithHeadFor("MRPC");
        IOException regression = assertThrows(IOException.class,
                () -> FineTunedHead.requireFor(InstalledGlue.task("STS-B"), mrpc));
        assertMentions(regression.getMessage(), "fine-tuned for MRPC (2 labels [not_equivalent, equivalent])",
                "does not fit STS-B (regression)");
    }

    @Test
    void anUnreadableHeadFileIsNamed() throws IOException {
        Files.writeString(dir.resolve(FineTunedHead.FILE), "{\"task\": \"RTE\", \"labels\": [");
        IOException e = assertThrows(IOException.class, () -> FineTunedHead.requireFor(InstalledGlue.task("RTE"),
                dir));
        assertMentions(e.getMessage(), dir.resolve(FineTunedHead.FILE).toString(), "not readable");
    }
}
