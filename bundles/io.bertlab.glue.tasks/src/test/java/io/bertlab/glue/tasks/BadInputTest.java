package io.bertlab.glue.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.glue.RowProblem;
import io.bertlab.api.glue.Split;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Malformed files: every bad row is reported with its line and field, and the good rows around it still load. */
class BadInputTest {

    private static final String RTE_HEADER = "index\tsentence1\tsentence2\tlabel\n";
    private static final String STSB_HEADER = "index\tgenre\tfilename\tyear\told_index\tsource1\tsource2\tsentence1"
            + "\tsentence2\tscore\n";

    @TempDir
    Path dir;

    @Test
    void wrongColumnCountSaysFoundAndExpected() throws IOException {
        Dataset dataset = read(new RteTask(), "dev", RTE_HEADER
                + "0\tA dog runs.\tAn animal moves.\tentailment\n"
                + "1\tA dog runs.\tentailment\n"
                + "2\tA cat\tsleeps.\tA cat rests.\tentailment\n"
                + "3\tA cat sleeps.\tA cat runs.\tnot_entailment\n");
        assertEquals(List.of("0", "3"), ids(dataset));
        RowProblem few = dataset.problems().get(0);
        assertEquals(new RowProblem(dataset.file(), 3, "row",
                "found 3 columns, expected 4 (index, sentence1, sentence2, label)"), few);
        RowProblem many = dataset.problems().get(1);
        assertEquals(4, many.line());
        assertEquals("row", many.field());
        assertTrue(many.message().startsWith("found 5 columns, expected 4"), many.message());
        assertEquals(5, dataset.examples().get(1).line());
    }

    @Test
    void labelOutsideTheTasksLabelsNamesTheValueAndTheAllowedOnes() throws IOException {
        Dataset rte = read(new RteTask(), "train", RTE_HEADER
                + "0\tA dog runs.\tAn animal moves.\tmaybe\n"
                + "1\tA dog runs.\tAn animal moves.\tEntailment\n"
                + "2\tA dog runs.\tAn animal moves.\t1\n");
        assertEquals(List.of(), rte.examples());
        assertEquals(3, rte.problems().size());
        RowProblem maybe = rte.problems().get(0);
        assertEquals(2, maybe.line());
        assertEquals("label", maybe.field());
        assertEquals("label \"maybe\" is not one of entailment, not_entailment", maybe.message());
        assertEquals("label", rte.problems().get(2).field()); // RTE's file spells labels out: 1 is not one

        Dataset cola = read(new ColaTask(), "train", "gj04\t1\t\tGood.\n" + "gj04\t2\t*\tBad label.\n"
                + "gj04\t\t\tNo label.\n" + "gj04\t0\t*\tGood too.\n");
        assertEquals(List.of("0", "3"), ids(cola)); // ids are row numbers, counting the bad rows
        assertEquals(new RowProblem(cola.file(), 2, "label",
                "label \"2\" is not one of 0 (unacceptable), 1 (acceptable)"), cola.problems().get(0));
        assertEquals(3, cola.problems().get(1).line());
        assertEquals("label", cola.problems().get(1).field());

        // MultiNLI's "-" (no annotator majority) is not a GLUE label.
        String row = "0\t1\t1n\tslate\t( a )\t( b )\t(ROOT a)\t(ROOT b)\tA man sleeps.\tA man is awake.\tneutral\t-";
        Dataset mnli = read(new MnliTask(), "train", String.join("\t", "index", "promptID", "pairID", "genre",
                "sentence1_binary_parse", "sentence2_binary_parse", "sentence1_parse", "sentence2_parse", "sentence1",
                "sentence2", "label1", "gold_label") + "\n" + row + "\n");
        assertEquals(new RowProblem(mnli.file(), 2, "label",
                "label \"-\" is not one of entailment, neutral, contradiction"), mnli.problems().get(0));
    }

    @Test
    void badStsbScoresAreReported() throws IOException {
        String prefix = "\tmain-news\theadlines\t2016\t0001\tnone\tnone\tA man sings.\tA man is singing.\t";
        Dataset dataset = read(new StsbTask(), "dev", STSB_HEADER
                + "0" + prefix + "4.250\n"
                + "1" + prefix + "high\n"
                + "2" + prefix + "5.2\n"
                + "3" + prefix + "-0.5\n"
                + "4" + prefix + "NaN\n"
                + "5" + prefix + "\n"
                + "6" + prefix + "0\n");
        assertEquals(List.of("0", "6"), ids(dataset));
        assertEquals(4.25, dataset.examples().get(0).score());
        assertEquals(Example.NO_LABEL, dataset.examples().get(0).label());
        List<RowProblem> problems = dataset.problems();
        assertEquals(5, problems.size());
        assertTrue(problems.stream().allMatch(p -> p.field().equals("score")), problems.toString());
        assertEquals(List.of(3L, 4L, 5L, 6L, 7L), problems.stream().map(RowProblem::line).toList());
        assertEquals("score \"high\" is not a number", problems.get(0).message());
        assertEquals("score 5.2 is outside [0, 5]", problems.get(1).message());
        assertEquals("score -0.5 is outside [0, 5]", problems.get(2).message());
        assertEquals("score \"NaN\" is not a number", problems.get(3).message());
    }

    @Test
    void emptyTextsAndIdsAreReportedUnderTheirColumn() throws IOException {
        Dataset sst2 = read(new Sst2Task(), "train", "sentence\tlabel\n" + "fine film \t1\n" + "\t0\n"
                + "   \t1\n");
        assertEquals(1, sst2.examples().size());
        assertEquals(new RowProblem(sst2.file(), 3, "sentence", "sentence is empty"), sst2.problems().get(0));
        assertEquals(4, sst2.problems().get(1).line());

        Dataset rte = read(new RteTask(), "dev", RTE_HEADER + "0\tA dog runs.\t \tentailment\n"
                + "\tA dog runs.\tA dog moves.\tentailment\n");
        assertEquals(new RowProblem(rte.file(), 2, "sentence2", "sentence2 is empty"), rte.problems().get(0));
        assertEquals(new RowProblem(rte.file(), 3, "index", "index is empty"), rte.problems().get(1));
    }

    @Test
    void emptyFileAndHeaderOnlyGiveEmptyDatasets() throws IOException {
        for (String content : List.of("", RTE_HEADER, RTE_HEADER.trim(), RTE_HEADER + "\n")) {
            Dataset dataset = read(new RteTask(), "dev", content);
            assertEquals(List.of(), dataset.examples(), content);
            assertEquals(List.of(), dataset.problems(), content);
        }
        Dataset cola = read(new ColaTask(), "dev", "");
        assertEquals(List.of(), cola.examples());
        assertEquals(List.of(), cola.problems());
    }

    @Test
    void byteOrderMarksAreDroppedWherever() throws IOException {
        Dataset rte = read(new RteTask(), "dev", "\uFEFF" + RTE_HEADER + "0\tA dog runs.\tA dog moves.\tentailment\n"
                + "\uFEFF1\tA cat sleeps.\tA cat runs.\tnot_entailment\n");
        assertEquals(List.of(), rte.problems());
        assertEquals(List.of("0", "1"), ids(rte));
        Dataset cola = read(new ColaTask(), "dev", "\uFEFFgj04\t1\t\tA sentence.\n");
        assertEquals(List.of(), cola.problems());
        assertEquals("A sentence.", cola.examples().get(0).textA());
    }

    @Test
    void invalidUtf8IsAProblemOnItsLineAndTheOtherRowsLoad() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("gj04\t1\t\tOne.\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("gj04\t1\t\tCaf".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xC3, 0x28}); // a lead byte followed by '('
        bytes.writeBytes(".\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("gj04\t0\t*\tCaf\u00e9 na\u00efve \u2013 three.\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xFF, '\n'});
        Path file = dir.resolve("dev.tsv");
        Files.write(file, bytes.toByteArray());
        Dataset dataset = new ColaTask().read(dir, split(new ColaTask(), "dev"));
        assertEquals(2, dataset.examples().size());
        assertEquals(new Example("2", "Caf\u00e9 na\u00efve \u2013 three.", null, 0, Double.NaN, 3),
                dataset.examples().get(1));
        assertEquals(2, dataset.problems().size());
        RowProblem bad = dataset.problems().get(0);
        assertEquals(2, bad.line());
        assertEquals("encoding", bad.field());
        // Line 1 is 13 bytes with its newline; the bad byte is the 12th of line 2.
        assertEquals("byte offset 24: invalid UTF-8 (0xC3)", bad.message());
        RowProblem last = dataset.problems().get(1);
        assertEquals(4, last.line());
        assertTrue(last.message().endsWith("invalid UTF-8 (0xFF)"), last.message());
    }

    @Test
    void missingFileNamesThePathAndTheTask() {
        NoSuchFileException e = assertThrows(NoSuchFileException.class,
                () -> new RteTask().read(dir.resolve("RTE"), split(new RteTask(), "train")));
        assertTrue(e.getMessage().contains(dir.resolve("RTE").resolve("train.tsv").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("RTE"), e.getMessage());
        assertTrue(e.getMessage().contains("train"), e.getMessage());
        IOException ax = assertThrows(IOException.class, () -> new AxTask().read(dir, split(new AxTask(), "test")));
        assertTrue(ax.getMessage().contains(dir.resolve("diagnostic.tsv").toString()), ax.getMessage());
        assertTrue(ax.getMessage().contains("AX"), ax.getMessage());
    }

    @Test
    void quotesAreTextNotQuoting() throws IOException {
        // With CSV quoting, the opening quote would swallow the tab, the newline and the next row.
        Dataset dataset = read(new RteTask(), "dev", RTE_HEADER
                + "0\t\"He said \"no\tHe \"refused\".\tentailment\n"
                + "1\tA \"dog\" runs.\tA dog moves.\"\tentailment\n");
        assertEquals(List.of(), dataset.problems());
        assertEquals("\"He said \"no", dataset.examples().get(0).textA());
        assertEquals("He \"refused\".", dataset.examples().get(0).textB());
        assertEquals("A dog moves.\"", dataset.examples().get(1).textB());
    }

    @Test
    void windowsLineEndsBlankLinesAndAMissingFinalNewline() throws IOException {
        Dataset dataset = read(new RteTask(), "dev", RTE_HEADER.replace("\n", "\r\n")
                + "0\tA dog runs.\tA dog moves.\tentailment\r\n"
                + "\r\n"
                + "\n"
                + "1\tA cat sleeps.\tA cat runs.\tnot_entailment");
        assertEquals(List.of(), dataset.problems());
        assertEquals(List.of("0", "1"), ids(dataset));
        assertEquals(0, dataset.examples().get(0).label());
        assertEquals("A dog moves.", dataset.examples().get(0).textB());
        assertEquals(5, dataset.examples().get(1).line());
    }

    @Test
    void aWrongHeaderIsReported() throws IOException {
        // A header-less copy: its first row would otherwise vanish as the "header".
        Dataset dataset = read(new RteTask(), "dev", "0\tA dog runs.\tA dog moves.\tentailment\n"
                + "1\tA cat sleeps.\tA cat runs.\tnot_entailment\n");
        assertEquals(List.of("1"), ids(dataset));
        RowProblem header = dataset.problems().get(0);
        assertEquals(1, header.line());
        assertEquals("header", header.field());
        assertTrue(header.message().contains("expected index | sentence1 | sentence2 | label"), header.message());
    }

    @Test
    void longLinesAndCharactersAcrossReadBuffers() throws IOException {
        // 70,000 characters, with a two-byte character straddling the reader's 64 KiB buffer boundary.
        String head = "gj04\t1\t\t";
        String text = "a".repeat(65536 - head.length() - 1) + "\u00e9" + "b".repeat(4000) + ".";
        Dataset dataset = read(new ColaTask(), "train", head + text + "\n" + "gj04\t0\t\tShort.\n");
        assertEquals(List.of(), dataset.problems());
        assertEquals(text, dataset.examples().get(0).textA());
        assertEquals("Short.", dataset.examples().get(1).textA());
    }

    private Dataset read(GlueTask task, String splitName, String content) throws IOException {
        Split split = split(task, splitName);
        Files.writeString(dir.resolve(split.fileName()), content, StandardCharsets.UTF_8);
        return task.read(dir, split);
    }

    private static Split split(GlueTask task, String name) {
        return task.splits().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> ids(Dataset dataset) {
        return dataset.examples().stream().map(Example::id).toList();
    }
}
