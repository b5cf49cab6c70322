package io.bertlab.glue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The suite's three reports: {@code results.json} (everything), {@code results.md} (the BERT paper's Table 1
 * layout, dev scores ×100, published rows beside) and {@code index.html} (the same table and each task's learning
 * curves as inline SVG: one self-contained file, no network).
 */
final class SuiteReport {

    /**
     * One task's outcome.
     *
     * @param task the task
     * @param history the epochs
     * @param bestEpoch the epoch kept
     * @param tokensPerSecond training throughput over the run
     * @param seconds the task's wall time, training and evaluation
     */
    record TaskOutcome(String task, List<RunState.EpochRecord> history, int bestEpoch, double tokensPerSecond,
            double seconds) {

        Map<String, Double> best() {
            return bestEpoch == 0 ? Map.of() : history.get(bestEpoch - 1).dev();
        }
    }

    /** The columns of the paper's Table 1, then the tasks it does not have. */
    private static final List<String> COLUMNS = List.of("MNLI", "QQP", "QNLI", "SST-2", "CoLA", "STS-B", "MRPC",
            "RTE", "WNLI", "ASSIN2-RTE", "ASSIN2-STS");

    /** Published rows: the BERT paper's Table 1 (test), MiniLM's L6×H384 dev scores, BERTimbau's ASSIN2 (test). */
    private static final Map<String, Map<String, String>> PUBLISHED = published();

    private final String model;
    private final String engine;
    private final List<TaskOutcome> outcomes;
    private final double wallSeconds;

    SuiteReport(String model, String engine, List<TaskOutcome> outcomes, double wallSeconds) {
        this.model = model;
        this.engine = engine;
        this.outcomes = List.copyOf(outcomes);
        this.wallSeconds = wallSeconds;
    }

    private static Map<String, Map<String, String>> published() {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        rows.put("BERT-base (paper, test)", Map.of("MNLI", "84.6/83.4", "QQP", "71.2", "QNLI", "90.5", "SST-2",
                "93.5", "CoLA", "52.1", "STS-B", "85.8", "MRPC", "88.9", "RTE", "66.4"));
        rows.put("MiniLM L6xH384 (paper, dev)", Map.of("SST-2", "91.5", "MRPC", "88.9", "CoLA", "47.5", "RTE",
                "68.8"));
        rows.put("BERTimbau base (paper, test)", Map.of("ASSIN2-RTE", "89.2", "ASSIN2-STS", "83.6"));
        return rows;
    }

    void write(Path folder) throws IOException {
        RunState.writeJson(json(), folder.resolve("results.json"));
        RunState.writeAtomically(folder.resolve("results.md"), markdown().getBytes(StandardCharsets.UTF_8));
        RunState.writeAtomically(folder.resolve("index.html"), html().getBytes(StandardCharsets.UTF_8));
    }

    private ObjectNode json() {
        ObjectNode root = RunState.JSON.createObjectNode();
        root.put("model", model);
        root.put("engine", engine);
        root.put("wall_seconds", wallSeconds);
        ArrayNode tasks = root.putArray("tasks");
        for (TaskOutcome outcome : outcomes) {
            ObjectNode task = tasks.addObject();
            task.put("task", outcome.task());
            task.put("best_epoch", outcome.bestEpoch());
            task.put("tokens_per_second", outcome.tokensPerSecond());
            task.put("seconds", outcome.seconds());
            outcome.best().forEach(task.putObject("dev")::put);
            task.set("history", RunState.JSON.valueToTree(outcome.history()));
        }
        return root;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "# GLUE dev results: %s on %s%n%n", model, engine));
        List<String> columns = COLUMNS.stream().filter(c -> outcomes.stream().anyMatch(o -> o.task().equals(c))
                || PUBLISHED.values().stream().anyMatch(r -> r.containsKey(c) && present(c))).toList();
        md.append("| System | ").append(String.join(" | ", columns)).append(" |\n");
        md.append("|---|").append("---|".repeat(columns.size())).append('\n');
        md.append("| ").append(model.replace("|", "\\|")).append(" (bertlab, dev) | ");
        md.append(columns.stream().map(this::cell).collect(Collectors.joining(" | "))).append(" |\n");
        PUBLISHED.forEach((system, row) -> {
            if (columns.stream().noneMatch(row::containsKey)) {
                return;
            }
            md.append("| ").append(system).append(" | ");
            md.append(columns.stream().map(c -> row.getOrDefault(c, "")).collect(Collectors.joining(" | ")));
            md.append(" |\n");
        });
        md.append("\nScores ×100: F1/accuracy for MRPC and QQP, Pearson/Spearman for STS-B, Matthews correlation for"
                + " CoLA, macro F1/accuracy for ASSIN2-RTE, Pearson (MSE) for ASSIN2-STS, accuracy otherwise.\n\n");
        md.append("| Task | epochs | best epoch | tokens/s (training) | wall time |\n|---|---|---|---|---|\n");
        for (TaskOutcome outcome : outcomes) {
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %s |%n", outcome.task(),
                    outcome.history().size(), outcome.bestEpoch(), outcome.tokensPerSecond(),
                    ProgressBar.format(java.time.Duration.ofSeconds((long) outcome.seconds()))));
        }
        md.append(String.format(Locale.ROOT, "%nWhole suite: %s.%n",
                ProgressBar.format(java.time.Duration.ofSeconds((long) wallSeconds))));
        return md.toString();
    }

    private boolean present(String column) {
        return outcomes.stream().anyMatch(o -> o.task().equals(column));
    }

    private String cell(String task) {
        return outcomes.stream().filter(o -> o.task().equals(task)).findFirst().map(o -> o.best().entrySet().stream()
                .map(e -> e.getKey().equals("mse") ? String.format(Locale.ROOT, "(%.2f)", e.getValue())
                        : String.format(Locale.ROOT, "%.1f", 100 * e.getValue()))
                .collect(Collectors.joining("/"))).orElse("");
    }

    private String html() {
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>GLUE results: ")
                .append(escape(model)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:72em}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:right}"
                        + "th:first-child,td:first-child{text-align:left}.curves{display:flex;flex-wrap:wrap;gap:1.5em}"
                        + "figure{margin:0}figcaption{font-weight:bold}</style></head><body>\n");
        html.append("<h1>GLUE dev results: ").append(escape(model)).append(" on ").append(escape(engine))
                .append("</h1>\n");
        html.append(markdownTableAsHtml());
        html.append("<h2>Learning curves</h2>\n<p>Training loss (blue) and the main dev metric (orange) after each"
                + " epoch.</p>\n<div class=\"curves\">\n");
        for (TaskOutcome outcome : outcomes) {
            html.append("<figure><figcaption>").append(escape(outcome.task())).append("</figcaption>")
                    .append(curves(outcome)).append("</figure>\n");
        }
        html.append("</div></body></html>\n");
        return html.toString();
    }

    private String markdownTableAsHtml() {
        StringBuilder table = new StringBuilder("<table>\n");
        boolean header = true;
        for (String line : markdown().split("\n")) {
            if (!line.startsWith("|") || line.startsWith("|---")) {
                if (!line.isBlank() && !line.startsWith("|---") && !line.startsWith("#")) {
                    table.append("</table>\n<p>").append(escape(line)).append("</p>\n<table>\n");
                    header = true;
                }
                continue;
            }
            String cell = header ? "th" : "td";
            table.append("<tr>");
            for (String value : line.substring(1, line.length() - 1).split("\\|", -1)) {
                table.append('<').append(cell).append('>').append(escape(value.trim())).append("</").append(cell)
                        .append('>');
            }
            table.append("</tr>\n");
            header = false;
        }
        return table.append("</table>\n").toString().replace("<table>\n</table>\n", "");
    }

    /** Two polylines over the epochs, each scaled to its own range, in a 320×160 SVG. */
    private static String curves(TaskOutcome outcome) {
        List<Double> loss = new ArrayList<>();
        List<Double> metric = new ArrayList<>();
        String mainMetric = "";
        for (RunState.EpochRecord record : outcome.history()) {
            loss.add(record.trainLoss());
            if (!record.dev().isEmpty()) {
                mainMetric = record.dev().keySet().iterator().next();
                metric.add(record.dev().values().iterator().next());
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"170\" role=\"img\">"
                + "<rect x=\"30\" y=\"10\" width=\"280\" height=\"130\" fill=\"none\" stroke=\"#999\"/>"
                + polyline(loss, "#1f77b4") + polyline(metric, "#ff7f0e")
                + String.format(Locale.ROOT, "<text x=\"30\" y=\"160\" font-size=\"11\">loss %s; %s %s (epochs 1-%d)"
                        + "</text>", range(loss), escape(mainMetric), range(metric), loss.size())
                + "</svg>";
    }

    private static String polyline(List<Double> values, String colour) {
        if (values.isEmpty()) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).max().orElse(1);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            double x = 30 + (values.size() == 1 ? 140 : 280.0 * i / (values.size() - 1));
            double y = 140 - 130 * (values.get(i) - min) / span;
            points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, Double.isFinite(y) ? y : 140));
        }
        return "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + colour + "\" points=\"" + points.toString()
                .trim() + "\"/>";
    }

    private static String range(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return String.format(Locale.ROOT, "%.3f→%.3f", values.get(0), values.get(values.size() - 1));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

}
