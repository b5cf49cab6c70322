package io.bertlab.glue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SuiteReportTest {

    private static final String SVG_NAMESPACE = "http://www.w3.org/2000/svg";

    @TempDir
    Path dir;

    /** Dev metrics in the task's order: names and values alternate. */
    private static Map<String, Double> dev(Object... namesAndValues) {
        Map<String, Double> dev = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            dev.put((String) namesAndValues[i], ((Number) namesAndValues[i + 1]).doubleValue());
        }
        return dev;
    }

    private static SuiteReport.TaskOutcome outcome(String task, int bestEpoch, double tokensPerSecond, double seconds,
            List<Map<String, Double>> devByEpoch) {
        List<RunState.EpochRecord> history = new ArrayList<>();
        for (int i = 0; i < devByEpoch.size(); i++) {
            history.add(new RunState.EpochRecord(i + 1, 0.7 / (i + 1), devByEpoch.get(i), 60, tokensPerSecond));
        }
        return new SuiteReport.TaskOutcome(task, history, bestEpoch, tokensPerSecond, seconds);
    }

    /** Five tasks of the paper's table, given in GLUE's order (not the table's). */
    private static List<SuiteReport.TaskOutcome> fiveTasks() {
        return List.of(
                outcome("CoLA", 2, 2500.4, 125.2, List.of(dev("matthews_correlation", 0.40),
                        dev("matthews_correlation", 0.45))),
                outcome("SST-2", 2, 1234.4, 65.4, List.of(dev("accuracy", 0.9), dev("accuracy", 0.912),
                        dev("accuracy", 0.91))),
                outcome("MRPC", 1, 999.6, 3599, List.of(dev("f1", 0.88, "accuracy", 0.83))),
                outcome("STS-B", 1, 1500, 42, List.of(dev("pearson", 0.85, "spearman", 0.84))),
                outcome("RTE", 3, 800, 59.99, List.of(dev("accuracy", 0.6), dev("accuracy", 0.62),
                        dev("accuracy", 0.66))));
    }

    private static List<String> tableRows(String markdown) {
        return markdown.lines().filter(l -> l.startsWith("|")).toList();
    }

    @Test
    void theMarkdownTableHasThePapersColumnsWithThePublishedRowsBeside() {
        String md = new SuiteReport("minilm", "java", fiveTasks(), 3723.9).markdown();
        List<String> lines = md.lines().toList();
        assertEquals("# GLUE dev results: minilm on java", lines.get(0));
        assertEquals("", lines.get(1));
        // the paper's Table 1 order: SST-2 before CoLA, STS-B before MRPC; only tasks that ran
        assertEquals("| System | SST-2 | CoLA | STS-B | MRPC | RTE |", lines.get(2));
        assertEquals("|---|---|---|---|---|---|", lines.get(3));
        assertEquals("| minilm (bertlab, dev) | 91.2 | 45.0 | 85.0/84.0 | 88.0/83.0 | 66.0 |", lines.get(4));
        assertTrue(lines.contains("| BERT-base (paper, test) | 93.5 | 52.1 | 85.8 | 88.9 | 66.4 |"), md);
        assertTrue(lines.contains("| MiniLM L6xH384 (paper, dev) | 91.5 | 47.5 |  | 88.9 | 68.8 |"), md);
        assertTrue(md.contains("Scores ×100"), md);

        // every row of the first table has one cell per column
        List<String> firstTable = new ArrayList<>();
        for (int i = 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            firstTable.add(lines.get(i));
        }
        assertTrue(firstTable.size() >= 5, md);
        for (String row : firstTable) {
            assertEquals(7, row.chars().filter(c -> c == '|').count(), row);
        }
    }

    @Test
    void theMarkdownListsEachTasksRunAndTheSuitesWallTime() {
        String md = new SuiteReport("minilm", "java", fiveTasks(), 3723.9).markdown();
        List<String> lines = md.lines().toList();
        int header = lines.indexOf("| Task | epochs | best epoch | tokens/s (training) | wall time |");
        assertTrue(header > 0, md);
        assertEquals("|---|---|---|---|---|", lines.get(header + 1));
        // in the order the suite ran them
        assertEquals(List.of("| CoLA | 2 | 2 | 2500 | 2:05 |", "| SST-2 | 3 | 2 | 1234 | 1:05 |",
                "| MRPC | 1 | 1 | 1000 | 59:59 |", "| STS-B | 1 | 1 | 1500 | 0:42 |", "| RTE | 3 | 3 | 800 | 0:59 |"),
                lines.subList(header + 2, header + 7));
        assertTrue(lines.contains("Whole suite: 1:02:03."), md);
    }

    @Test
    void assin2AndMnliCellsUseTheirMetrics() {
        List<SuiteReport.TaskOutcome> outcomes = List.of(
                outcome("MNLI", 1, 1000, 10, List.of(dev("accuracy", 0.843))),
                outcome("ASSIN2-STS", 1, 1000, 10, List.of(dev("pearson", 0.8312, "mse", 0.4567))));
        String md = new SuiteReport("bertimbau", "pytorch", outcomes, 20).markdown();
        List<String> rows = tableRows(md);
        assertEquals("| System | MNLI | ASSIN2-STS |", rows.get(0));
        assertEquals("| bertimbau (bertlab, dev) | 84.3 | 83.1/(0.46) |", rows.get(2));
        assertTrue(rows.contains("| BERT-base (paper, test) | 84.6/83.4 |  |"), md);
        assertTrue(rows.contains("| BERTimbau base (paper, test) |  | 83.6 |"), md);
    }

    @Test
    void aTaskWithoutAFinishedEpochHasAnEmptyCell() {
        List<SuiteReport.TaskOutcome> outcomes = List.of(outcome("RTE", 0, 0, 1, List.of()));
        String md = new SuiteReport("minilm", "java", outcomes, 1).markdown();
        assertTrue(md.lines().toList().contains("| minilm (bertlab, dev) |  |"), md);
    }

    @Test
    void writeProducesTheThreeReportsAndNothingElse() throws IOException {
        new SuiteReport("minilm", "java", fiveTasks(), 3723.9).write(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("index.html", "results.json", "results.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertEquals(new SuiteReport("minilm", "java", fiveTasks(), 3723.9).markdown(),
                Files.readString(dir.resolve("results.md")));
        JsonNode json = RunState.JSON.readTree(dir.resolve("results.json").toFile());
        assertEquals("minilm", json.get("model").asText());
        assertEquals("java", json.get("engine").asText());
        assertEquals(5, json.get("tasks").size());
        JsonNode mrpc = json.get("tasks").get(2);
        assertEquals("MRPC", mrpc.get("task").asText());
        assertEquals(0.88, mrpc.get("dev").get("f1").asDouble());
        assertEquals(1, mrpc.get("history").size());
        // rewritten after every task: a second write replaces all three
        new SuiteReport("minilm", "java", fiveTasks().subList(0, 1), 10).write(dir);
        assertEquals(1, RunState.JSON.readTree(dir.resolve("results.json").toFile()).get("tasks").size());
    }

    @Test
    void indexHtmlIsSelfContained() throws IOException {
        String html = writeHtml("minilm", fiveTasks());
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<meta charset=\"utf-8\">"), html);
        String lower = html.toLowerCase(Locale.ROOT);
        assertFalse(lower.contains("<script"), "a script");
        assertFalse(lower.contains("<link"), "a linked resource");
        assertFalse(lower.contains("<img"), "an image");
        assertFalse(lower.contains("<iframe"), "a frame");
        assertFalse(lower.contains("@import"), "an imported style sheet");
        assertFalse(lower.contains("url("), "a style that loads something");
        assertFalse(Pattern.compile("\\s(src|href)\\s*=").matcher(lower).find(), "a src or href attribute");
        // the only http URL allowed is the SVG namespace name, an identifier that is never fetched
        String withoutNamespace = html.replace("xmlns=\"" + SVG_NAMESPACE + "\"", "");
        Matcher url = Pattern.compile("(?i)https?://|//[a-z0-9.-]+\\.[a-z]{2,}/").matcher(withoutNamespace);
        assertFalse(url.find(), () -> "a URL: " + withoutNamespace.substring(Math.max(0, url.start() - 40),
                Math.min(withoutNamespace.length(), url.end() + 60)));
    }

    @Test
    void indexHtmlHasTheTablesAndOneWellFormedSvgPerTask() throws Exception {
        String html = writeHtml("minilm", fiveTasks());
        assertTrue(html.contains("<tr><th>System</th><th>SST-2</th><th>CoLA</th><th>STS-B</th><th>MRPC</th>"
                + "<th>RTE</th></tr>"), html);
        assertTrue(html.contains("<tr><td>minilm (bertlab, dev)</td><td>91.2</td><td>45.0</td><td>85.0/84.0</td>"
                + "<td>88.0/83.0</td><td>66.0</td></tr>"), html);
        assertTrue(html.contains("<tr><td>BERT-base (paper, test)</td><td>93.5</td>"), html);
        assertFalse(html.contains("|---"), "a markdown separator line");
        assertEquals(count(html, "<table>"), count(html, "</table>"));
        assertEquals(count(html, "<tr>"), count(html, "</tr>"));

        List<String> svgs = svgs(html);
        assertEquals(5, svgs.size());
        assertEquals(5, count(html, "<figure>"));
        int[] epochs = {2, 3, 1, 1, 3};
        for (int i = 0; i < svgs.size(); i++) {
            checkSvg(svgs.get(i), epochs[i]);
        }
        assertTrue(svgs.get(0).contains("matthews_correlation"), svgs.get(0));
        assertTrue(svgs.get(2).contains("f1"), svgs.get(2));
    }

    @Test
    void undefinedMetricsAndEmptyHistoriesStillDrawValidSvg() throws Exception {
        List<SuiteReport.TaskOutcome> outcomes = List.of(
                outcome("STS-B", 2, 100, 10, List.of(dev("pearson", Double.NaN, "spearman", Double.NaN),
                        dev("pearson", 0.5, "spearman", 0.5))),
                outcome("RTE", 1, 100, 10, List.of(dev("accuracy", 0.5))),
                outcome("WNLI", 0, 0, 1, List.of()));
        String html = writeHtml("minilm", outcomes);
        List<String> svgs = svgs(html);
        assertEquals(3, svgs.size());
        checkSvg(svgs.get(0), 2);
        checkSvg(svgs.get(1), 1);
        checkSvg(svgs.get(2), 0);
    }

    @Test
    void namesAreEscapedInTheHtml() throws IOException {
        String html = writeHtml("<script>alert(1)</script> & co", fiveTasks().subList(0, 1));
        assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
    }

    private String writeHtml(String model, List<SuiteReport.TaskOutcome> outcomes) throws IOException {
        new SuiteReport(model, "java", outcomes, 100).write(dir);
        return Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }

    private static List<String> svgs(String html) {
        List<String> svgs = new ArrayList<>();
        Matcher m = Pattern.compile("<svg[\\s>].*?</svg>", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            svgs.add(m.group());
        }
        assertEquals(count(html, "<svg"), svgs.size(), "unclosed <svg>");
        return svgs;
    }

    /** Parses one inline SVG as XML: the SVG root, a frame, one polyline per series whose points lie in the box. */
    private static void checkSvg(String svg, int epochs) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(
                StandardCharsets.UTF_8))).getDocumentElement();
        assertEquals("svg", root.getLocalName());
        assertEquals(SVG_NAMESPACE, root.getNamespaceURI());
        double width = Double.parseDouble(root.getAttribute("width"));
        double height = Double.parseDouble(root.getAttribute("height"));
        assertTrue(width > 0 && height > 0, svg);
        assertEquals(1, root.getElementsByTagNameNS(SVG_NAMESPACE, "rect").getLength(), svg);
        assertEquals(1, root.getElementsByTagNameNS(SVG_NAMESPACE, "text").getLength(), svg);
        NodeList lines = root.getElementsByTagNameNS(SVG_NAMESPACE, "polyline");
        assertEquals(epochs == 0 ? 0 : 2, lines.getLength(), svg);
        for (int i = 0; i < lines.getLength(); i++) {
            Element line = (Element) lines.item(i);
            assertEquals("none", line.getAttribute("fill"));
            assertTrue(line.getAttribute("stroke").matches("#[0-9a-fA-F]{6}"), svg);
            String[] points = line.getAttribute("points").trim().split("\\s+");
            assertEquals(epochs, points.length, svg);
            double previousX = -1;
            for (String point : points) {
                String[] xy = point.split(",");
                assertEquals(2, xy.length, point);
                double x = Double.parseDouble(xy[0]);
                double y = Double.parseDouble(xy[1]);
                assertTrue(Double.isFinite(x) && Double.isFinite(y), point);
                assertTrue(x >= 0 && x <= width && y >= 0 && y <= height, point + " outside " + width + "x"
                        + height);
                assertTrue(x > previousX, "epochs left to right: " + svg);
                previousX = x;
            }
        }
    }
}
