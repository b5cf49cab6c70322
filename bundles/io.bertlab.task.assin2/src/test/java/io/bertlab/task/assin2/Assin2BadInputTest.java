package io.bertlab.task.assin2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.RowProblem;
import io.bertlab.api.glue.Split;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-written ASSIN files: each kind of bad pair is reported and the others still load. */
class Assin2BadInputTest {

    private static final Split DEV = new Split("dev", "assin2-dev.xml", true);

    @TempDir
    Path folder;

    private final Assin2Rte rte = new Assin2Rte();
    private final Assin2Sts sts = new Assin2Sts();

    private Path write(String... lines) throws IOException {
        return Files.writeString(folder.resolve(DEV.fileName()), String.join("\n", lines), StandardCharsets.UTF_8);
    }

    private static String pair(String attributes, String t, String h) {
        return "  <pair " + attributes + ">\n    <t>" + t + "</t>\n    <h>" + h + "</h>\n  </pair>";
    }

    /** Line 3: id 1 good; line 7: the pair under test; line 11: id 3 good. */
    private Path around(String badPair) throws IOException {
        return write("<?xml version='1.0' encoding='utf-8'?>", "<entailment-corpus>",
                pair("entailment=\"Entailment\" id=\"1\" similarity=\"4.5\"", "Um gato dorme", "Um gato está dormindo"),
                badPair,
                pair("entailment=\"None\" id=\"3\" similarity=\"1\"", "Um homem canta", "Uma mulher dança"),
                "</entailment-corpus>", "");
    }

    private static void onlyProblem(Dataset dataset, long line, String field, String... fragments) {
        assertEquals(1, dataset.problems().size(), dataset.problems().toString());
        RowProblem problem = dataset.problems().get(0);
        assertEquals(dataset.file(), problem.file());
        assertEquals(line, problem.line(), problem.toString());
        assertEquals(field, problem.field(), problem.toString());
        for (String fragment : fragments) {
            assertTrue(problem.message().contains(fragment), problem + " lacks " + fragment);
        }
        assertEquals(List.of("1", "3"), dataset.examples().stream().map(Example::id).toList());
        assertEquals(List.of(3L, 11L), dataset.examples().stream().map(Example::line).toList());
    }

    @Test
    void goodFileHasNoProblems() throws IOException {
        around(pair("entailment=\"none\" id=\"2\" similarity=\"2.25\"", "A &amp; B", "<![CDATA[C < D]]>"));
        Dataset r = rte.read(folder, DEV);
        Dataset s = sts.read(folder, DEV);
        assertEquals(List.of(), r.problems());
        assertEquals(List.of(), s.problems());
        assertEquals(new Example("2", "A & B", "C < D", 0, Double.NaN, 7), r.examples().get(1));
        assertEquals(new Example("2", "A & B", "C < D", Example.NO_LABEL, 2.25, 7), s.examples().get(1));
        assertEquals(List.of(1, 0, 0), r.examples().stream().map(Example::label).toList());
        assertEquals(List.of(4.5, 2.25, 1.0), s.examples().stream().map(Example::score).toList());
    }

    @Test
    void missingEntailmentIsAProblemForRteOnly() throws IOException {
        around(pair("id=\"2\" similarity=\"3\"", "a", "b"));
        onlyProblem(rte.read(folder, DEV), 7, "entailment", "missing attribute entailment", "None or Entailment",
                "pair id 2");
        assertEquals(3, sts.read(folder, DEV).examples().size());
    }

    @Test
    void missingSimilarityIsAProblemForStsOnly() throws IOException {
        around(pair("entailment=\"None\" id=\"2\"", "a", "b"));
        onlyProblem(sts.read(folder, DEV), 7, "similarity", "missing attribute similarity");
        assertEquals(3, rte.read(folder, DEV).examples().size());
    }

    @Test
    void unknownEntailment() throws IOException {
        around(pair("entailment=\"Paraphrase\" id=\"2\" similarity=\"3\"", "a", "b"));
        onlyProblem(rte.read(folder, DEV), 7, "entailment", "'Paraphrase'", "None or Entailment");
    }

    @Test
    void nonNumericSimilarity() throws IOException {
        for (String bad : List.of("abc", "", "3,5", "NaN", "Infinity", "4.0f", "0x1p2")) {
            around(pair("entailment=\"None\" id=\"2\" similarity=\"" + bad + "\"", "a", "b"));
            onlyProblem(sts.read(folder, DEV), 7, "similarity", "'" + bad + "' is not a number");
        }
    }

    @Test
    void similarityOutOfRange() throws IOException {
        for (String bad : List.of("0.999", "5.001", "-3", "1e1")) {
            around(pair("entailment=\"None\" id=\"2\" similarity=\"" + bad + "\"", "a", "b"));
            onlyProblem(sts.read(folder, DEV), 7, "similarity", bad + " is outside 1..5");
        }
        around(pair("entailment=\"None\" id=\"2\" similarity=\"5\"", "a", "b"));
        assertEquals(5.0, sts.read(folder, DEV).examples().get(1).score());
    }

    @Test
    void missingTextOrHypothesis() throws IOException {
        around("  <pair entailment=\"None\" id=\"2\" similarity=\"3\">\n    <h>b</h>\n\n  </pair>");
        onlyProblem(rte.read(folder, DEV), 7, "t", "missing <t> element");
        onlyProblem(sts.read(folder, DEV), 7, "t", "missing <t> element");
        around("  <pair entailment=\"None\" id=\"2\" similarity=\"3\">\n    <t>a</t>\n\n  </pair>");
        onlyProblem(rte.read(folder, DEV), 7, "h", "missing <h> element");
        around(pair("entailment=\"None\" id=\"2\" similarity=\"3\"", "  ", "b"));
        onlyProblem(rte.read(folder, DEV), 7, "t", "<t> is empty");
        around(pair("entailment=\"None\" id=\"2\" similarity=\"3\"", "a <b>bold</b>", "b"));
        onlyProblem(rte.read(folder, DEV), 7, "t", "holds an element <b>");
        around("  <pair entailment=\"None\" id=\"2\" similarity=\"3\">\n    <t>a</t><t>c</t>\n    <h>b</h>\n  </pair>");
        onlyProblem(rte.read(folder, DEV), 7, "t", "more than one <t>");
    }

    @Test
    void allOfAPairsFaultsAreNamedInOneProblem() throws IOException {
        around("  <pair entailment=\"None\" similarity=\"3\">\n\n\n  </pair>");
        onlyProblem(rte.read(folder, DEV), 7, "id", "missing attribute id", "also: t: missing <t>",
                "h: missing <h>");
    }

    @Test
    void badOrDuplicateIds() throws IOException {
        around(pair("entailment=\"None\" id=\"1\" similarity=\"3\"", "a", "b"));
        onlyProblem(rte.read(folder, DEV), 7, "id", "duplicate id 1, first at line 3");
        around(pair("entailment=\"None\" id=\"x2\" similarity=\"3\"", "a", "b"));
        onlyProblem(sts.read(folder, DEV), 7, "id", "'x2' is not a whole number");
    }

    @Test
    void unexpectedElementIsReportedAndSkipped() throws IOException {
        around("  <note>\n    <pair id=\"9\"><t>x</t><h>y</h></pair>\n\n  </note>");
        onlyProblem(rte.read(folder, DEV), 7, "element", "unexpected <note>");
    }

    @Test
    void everyBadPairIsReportedInFileOrder() throws IOException {
        write("<entailment-corpus>",
                pair("entailment=\"Maybe\" id=\"1\" similarity=\"9\"", "a", "b"),
                pair("entailment=\"None\" similarity=\"3\"", "a", "b"),
                pair("entailment=\"Entailment\" id=\"3\" similarity=\"x\"", "a", "b"),
                pair("entailment=\"Entailment\" id=\"4\" similarity=\"4\"", "a", "b"),
                "</entailment-corpus>");
        Dataset r = rte.read(folder, DEV);
        assertEquals(List.of(2L, 6L), r.problems().stream().map(RowProblem::line).toList());
        assertEquals(List.of("entailment", "id"), r.problems().stream().map(RowProblem::field).toList());
        assertEquals(List.of("3", "4"), r.examples().stream().map(Example::id).toList());
        Dataset s = sts.read(folder, DEV);
        assertEquals(List.of(2L, 6L, 10L), s.problems().stream().map(RowProblem::line).toList());
        assertEquals(List.of("4"), s.examples().stream().map(Example::id).toList());
    }

    @Test
    void crlfLinesAreCountedOnce() throws IOException {
        String crlf = String.join("\r\n", "<?xml version='1.0' encoding='utf-8'?>", "<entailment-corpus>",
                "  <pair entailment=\"None\" id=\"1\" similarity=\"3\">", "    <t>a</t>", "    <h>b</h>", "  </pair>",
                "  <pair entailment=\"None\" id=\"2\" similarity=\"3\">", "    <t>c\r\nd</t>", "    <h>e</h>",
                "  </pair>", "  <pair entailment=\"None\" id=\"3\" similarity=\"3\">", "    <t>f</t>", "    <h>g</h>",
                "  </pair>", "</entailment-corpus>", "");
        Files.writeString(folder.resolve(DEV.fileName()), crlf, StandardCharsets.UTF_8);
        Dataset dataset = rte.read(folder, DEV);
        assertEquals(List.of(3L, 7L, 12L), dataset.examples().stream().map(Example::line).toList());
        assertEquals("c\nd", dataset.examples().get(1).textA());
    }

    @Test
    void unlabelledSplitNeedsNoLabels() throws IOException {
        Split blind = new Split("blind", "blind.xml", false);
        Files.writeString(folder.resolve("blind.xml"), "<entailment-corpus>\n"
                + pair("id=\"1\"", "a", "b") + "\n" + pair("id=\"2\" entailment=\"Entailment\" similarity=\"2\"", "c", "d")
                + "\n</entailment-corpus>\n");
        for (Dataset dataset : List.of(rte.read(folder, blind), sts.read(folder, blind))) {
            assertEquals(List.of(), dataset.problems());
            assertEquals(List.of(new Example("1", "a", "b", Example.NO_LABEL, Double.NaN, 2),
                    new Example("2", "c", "d", Example.NO_LABEL, Double.NaN, 6)), dataset.examples());
        }
    }

    @Test
    void truncatedXmlFailsWithFileLineAndColumn() throws IOException {
        Path file = write("<?xml version='1.0' encoding='utf-8'?>", "<entailment-corpus>",
                pair("entailment=\"None\" id=\"1\" similarity=\"3\"", "a", "b"),
                "  <pair entailment=\"None\" id=\"2\" similarity=\"3\">", "    <t>a</t>", "    <h>b");
        IOException e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ":9:"), message);
        assertTrue(message.contains("line 9, column"), message);
        assertTrue(message.contains("not well-formed XML"), message);
        assertFalse(message.contains("ParseError at"), message);
        assertTrue(message.length() > (file + ":9:9: not well-formed XML (line 9, column 9): ").length(),
                "the parser's own message is missing: " + message);
    }

    @Test
    void mismatchedTagFailsWithLine() throws IOException {
        Path file = write("<entailment-corpus>", "  <pair entailment=\"None\" id=\"1\" similarity=\"3\">",
                "    <t>a</h>", "  </pair>", "</entailment-corpus>");
        IOException e = assertThrows(IOException.class, () -> sts.read(folder, DEV));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("\"t\""), "the parser's message names the element: " + e.getMessage());
    }

    @Test
    void emptyOrBinaryFileFails() throws IOException {
        Path file = write("");
        IOException e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        Files.write(file, new byte[] {'<', 'e', '>', (byte) 0xff, (byte) 0xfe, '<', '/', 'e', '>'});
        e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
    }

    @Test
    void wrongRootFails() throws IOException {
        Path file = write("<?xml version='1.0'?>", "<corpus>", pair("id=\"1\"", "a", "b"), "</corpus>");
        IOException e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        assertEquals(file + ":2:9: the root element is <corpus>, expected <entailment-corpus>", e.getMessage());
    }

    @Test
    void dtdsAndExternalEntitiesAreRefused() throws IOException {
        Path secret = Files.writeString(folder.resolve("secret.txt"), "TOP-SECRET");
        Path file = write("<?xml version='1.0'?>",
                "<!DOCTYPE entailment-corpus [ <!ENTITY xxe SYSTEM \"" + secret.toUri() + "\"> ]>",
                "<entailment-corpus>", pair("entailment=\"None\" id=\"1\" similarity=\"3\"", "&xxe;", "b"),
                "</entailment-corpus>");
        IOException e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        assertTrue(e.getMessage().startsWith(file + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    }

    @Test
    void undeclaredEntityFails() throws IOException {
        Path file = write("<entailment-corpus>", pair("entailment=\"None\" id=\"1\" similarity=\"3\"", "&xxe;", "b"),
                "</entailment-corpus>");
        IOException e = assertThrows(IOException.class, () -> rte.read(folder, DEV));
        assertTrue(e.getMessage().startsWith(file + ":3:"), e.getMessage());
        assertTrue(e.getMessage().contains("xxe"), e.getMessage());
    }

    @Test
    void missingFileNamesThePathAndTheTask() {
        Path expected = folder.resolve("assin2-test.xml");
        Split test = rte.splits().get(2);
        IOException r = assertThrows(IOException.class, () -> rte.read(folder, test));
        assertTrue(r.getMessage().contains(expected.toString()), r.getMessage());
        assertTrue(r.getMessage().contains("ASSIN2-RTE"), r.getMessage());
        assertTrue(r.getMessage().contains("'test'"), r.getMessage());
        IOException s = assertThrows(IOException.class, () -> sts.read(folder, test));
        assertTrue(s.getMessage().contains(expected.toString()), s.getMessage());
        assertTrue(s.getMessage().contains("ASSIN2-STS"), s.getMessage());
    }
}
