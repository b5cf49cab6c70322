package io.bertlab.task.assin2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.glue.Dataset;
import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.glue.Split;
import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Submission files, written and parsed back as ASSIN's {@code assin-eval.py} reads them: every {@code <pair>} has a
 * {@code <t>} and an {@code <h>}, an integer {@code id}, and {@code entailment} ({@code none}/{@code entailment}, any
 * case) or a float {@code similarity}; pairs are matched to the gold file by position.
 */
class Assin2SubmissionTest {

    @TempDir
    Path folder;

    private final Assin2Rte rte = new Assin2Rte();
    private final Assin2Sts sts = new Assin2Sts();

    /** The pairs of a submission: id, entailment (or null), similarity (or null), after checking the layout. */
    private record Row(String id, String entailment, String similarity) {
    }

    private static List<Row> parse(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        assertEquals("entailment-corpus", root.getTagName());
        NodeList pairs = root.getElementsByTagName("pair");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < pairs.getLength(); i++) {
            Element pair = (Element) pairs.item(i);
            assertEquals(1, pair.getElementsByTagName("t").getLength(), "assin-eval.py reads <t>");
            assertEquals(1, pair.getElementsByTagName("h").getLength(), "assin-eval.py reads <h>");
            Integer.parseInt(pair.getAttribute("id"));
            String entailment = pair.hasAttribute("entailment") ? pair.getAttribute("entailment") : null;
            String similarity = pair.hasAttribute("similarity") ? pair.getAttribute("similarity") : null;
            assertTrue(entailment != null || similarity != null, "assin-eval.py needs one of them");
            if (entailment != null) {
                assertTrue(List.of("none", "entailment").contains(entailment.toLowerCase(Locale.ROOT)), entailment);
            }
            if (similarity != null) {
                Double.parseDouble(similarity);
            }
            rows.add(new Row(pair.getAttribute("id"), entailment, similarity));
        }
        return rows;
    }

    private static List<String> leftovers(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList();
        }
    }

    @Test
    void rteRoundTrip() throws Exception {
        List<Prediction> predictions = List.of(new Prediction("0", 0, Double.NaN), new Prediction("1", 1, Double.NaN),
                new Prediction("7", 1, Double.NaN));
        Path file = rte.writeSubmission(rte.splits().get(2), predictions, folder.resolve("out"));
        assertEquals(folder.resolve("out").resolve("assin2-rte.xml"), file);
        assertEquals(List.of(new Row("0", "None", null), new Row("1", "Entailment", null),
                new Row("7", "Entailment", null)), parse(file));
        assertTrue(Files.readString(file).contains("<pair entailment=\"None\" id=\"0\">"), Files.readString(file));
        assertEquals(List.of(), leftovers(file.getParent()));
    }

    @Test
    void stsRoundTripRoundsAndClips() throws Exception {
        List<Prediction> predictions = List.of(new Prediction("0", Example.NO_LABEL, 3.14159),
                new Prediction("1", Example.NO_LABEL, 0.2), new Prediction("2", Example.NO_LABEL, 7.5),
                new Prediction("3", Example.NO_LABEL, 4.9996), new Prediction("4", Example.NO_LABEL, 2.0));
        Locale saved = Locale.getDefault();
        Locale.setDefault(Locale.forLanguageTag("pt-BR"));
        Path file;
        try {
            file = sts.writeSubmission(sts.splits().get(2), predictions, folder);
        } finally {
            Locale.setDefault(saved);
        }
        assertEquals(folder.resolve("assin2-sts.xml"), file);
        assertEquals(List.of(new Row("0", null, "3.142"), new Row("1", null, "1.000"), new Row("2", null, "5.000"),
                new Row("3", null, "5.000"), new Row("4", null, "2.000")), parse(file));
    }

    @Test
    void goldAsPredictionsRoundTripsTheDevSet() throws Exception {
        Path data = SharedData.require("assin2");
        Split dev = rte.splits().get(1);
        Dataset rteGold = rte.read(data, dev);
        Dataset stsGold = sts.read(data, dev);
        List<Row> rteRows = parse(rte.writeSubmission(dev, rteGold.examples().stream()
                .map(e -> new Prediction(e.id(), e.label(), Double.NaN)).toList(), folder));
        List<Row> stsRows = parse(sts.writeSubmission(dev, stsGold.examples().stream()
                .map(e -> new Prediction(e.id(), Example.NO_LABEL, e.score())).toList(), folder));
        assertEquals(500, rteRows.size());
        assertEquals(500, stsRows.size());
        for (int i = 0; i < 500; i++) {
            Example r = rteGold.examples().get(i);
            Example s = stsGold.examples().get(i);
            assertEquals(r.id(), rteRows.get(i).id());
            assertEquals(rte.labels().get(r.label()), rteRows.get(i).entailment().toUpperCase(Locale.ROOT));
            assertNull(rteRows.get(i).similarity());
            assertEquals(s.id(), stsRows.get(i).id());
            assertEquals(s.score(), Double.parseDouble(stsRows.get(i).similarity()), 1e-9);
            assertNull(stsRows.get(i).entailment());
        }
    }

    @Test
    void replacesAnOldSubmission() throws Exception {
        Path old = Files.writeString(folder.resolve("assin2-rte.xml"), "old and not XML");
        rte.writeSubmission(rte.splits().get(2), List.of(new Prediction("5", 0, Double.NaN)), folder);
        assertEquals(List.of(new Row("5", "None", null)), parse(old));
        assertEquals(List.of(), leftovers(folder));
    }

    @Test
    void badPredictionsWriteNothing() throws Exception {
        Split test = rte.splits().get(2);
        List<List<Prediction>> bad = List.of(
                List.of(new Prediction("1", 1, Double.NaN), new Prediction("2", 2, Double.NaN)),
                List.of(new Prediction("1", Example.NO_LABEL, Double.NaN)),
                List.of(new Prediction("1", 1, Double.NaN), new Prediction("1", 0, Double.NaN)),
                List.of(new Prediction(null, 1, Double.NaN)),
                List.of(new Prediction("a&b", 1, Double.NaN)));
        for (List<Prediction> predictions : bad) {
            assertThrows(IllegalArgumentException.class, () -> rte.writeSubmission(test, predictions, folder),
                    predictions.toString());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> sts.writeSubmission(test,
                List.of(new Prediction("1", Example.NO_LABEL, 2), new Prediction("2", Example.NO_LABEL, Double.NaN)),
                folder));
        assertTrue(e.getMessage().contains("id 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> sts.writeSubmission(test,
                List.of(new Prediction("1", Example.NO_LABEL, Double.POSITIVE_INFINITY)), folder));
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.toList());
        }
    }

    @Test
    void layout() throws Exception {
        Path file = rte.writeSubmission(rte.splits().get(2), List.of(new Prediction("1", 1, Double.NaN)), folder);
        String text = Files.readString(file);
        assertTrue(text.startsWith("<?xml"), text);
        assertTrue(text.contains("<t/>") || text.contains("<t></t>"), text);
        assertFalse(text.contains("similarity"), text);
    }
}
