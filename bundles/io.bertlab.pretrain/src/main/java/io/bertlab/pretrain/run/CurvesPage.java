package io.bertlab.pretrain.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.bertlab.model.bert.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@value #FILE}: the run's curves from its metrics records as one self-contained page (inline SVG, inline CSS, no
 * script, nothing fetched): the loss, the loss and accuracy of each task, training and held-out, the learning rate
 * and the throughput, over the steps. Rewritten (atomically) at every evaluation, checkpoint and the end.
 */
final class CurvesPage {

    static final String FILE = "index.html";

    private static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b",
        "#e377c2", "#17becf"};

    private CurvesPage() {
    }

    /**
     * Writes the page.
     *
     * @param folder where it goes
     * @param title the heading (the run's output folder)
     * @param facts what the run is, shown as a table
     * @param tasks the task names
     * @param records the metrics records
     */
    static void write(Path folder, String title, Map<String, String> facts, List<String> tasks,
            List<JsonNode> records) throws IOException {
        byte[] html = html(title, facts, tasks, records).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(folder.resolve(FILE), channel -> {
            ByteBuffer buffer = ByteBuffer.wrap(html);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
        });
    }

    static String html(String title, Map<String, String> facts, List<String> tasks, List<JsonNode> records) {
        List<JsonNode> train = records.stream().filter(r -> "train".equals(r.path("kind").asText())).toList();
        List<JsonNode> eval = records.stream().filter(r -> "eval".equals(r.path("kind").asText())).toList();
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Pre-training: ")
                .append(LineChart.Html.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;"
                        + "max-width:80em}table{border-collapse:collapse;margin-bottom:1.5em}td,th{border:1px solid #ccc;"
                        + "padding:.25em .6em;text-align:left}.charts{display:flex;flex-wrap:wrap;gap:1.5em}figure{margin:0}</style>"
                        + "</head><body>\n");
        html.append("<h1>Pre-training: ").append(LineChart.Html.escape(title)).append("</h1>\n<table>\n");
        facts.forEach((key, value) -> html.append("<tr><th>").append(LineChart.Html.escape(key)).append("</th><td>")
                .append(LineChart.Html.escape(value)).append("</td></tr>\n"));
        html.append("</table>\n<div class=\"charts\">\n");
        List<LineChart> charts = new ArrayList<>();
        LineChart loss = new LineChart("Loss (sum of the tasks' mean losses)", "step");
        loss.add(series("training", PALETTE[0], false, train, "loss"));
        loss.add(series("held-out", PALETTE[1], false, eval, "loss"));
        charts.add(loss);
        LineChart taskLoss = new LineChart("Loss by task", "step");
        LineChart accuracy = new LineChart("Accuracy (MLM: over the predicted positions)", "step");
        for (int i = 0; i < tasks.size(); i++) {
            String task = tasks.get(i);
            String colour = PALETTE[(2 + i) % PALETTE.length];
            taskLoss.add(series(task + " training", colour, false, train, task + "_loss"));
            taskLoss.add(series(task + " held-out", colour, true, eval, task + "_loss"));
            accuracy.add(series(task + " training", colour, false, train, task + "_accuracy"));
            accuracy.add(series(task + " held-out", colour, true, eval, task + "_accuracy"));
        }
        charts.add(taskLoss);
        charts.add(accuracy);
        charts.add(new LineChart("Learning rate", "step").add(series("learning rate", PALETTE[4], false, train,
                "learning_rate")));
        charts.add(new LineChart("Throughput (real tokens per second of training)", "step").add(series("tokens/s",
                PALETTE[5], false, train, "tokens_per_second")));
        for (LineChart chart : charts) {
            if (!chart.isEmpty()) {
                html.append("<figure>").append(chart.svg()).append("</figure>\n");
            }
        }
        if (records.isEmpty()) {
            html.append("<p>No metrics yet.</p>\n");
        }
        html.append("</div>\n<p>Training accuracy is measured on the batch of each logged step, in inference mode,"
                + " before that step's update; training losses are the means over the steps since the previous"
                + " record. Held-out values are over the whole held-out set.</p>\n</body></html>\n");
        return html.toString();
    }

    private static LineChart.Series series(String name, String colour, boolean dashed, List<JsonNode> records,
            String field) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode record : records) {
            JsonNode value = record.get(field);
            if (value != null && value.isNumber()) {
                points.add(new double[] {record.path("step").asDouble(), value.asDouble()});
            }
        }
        return new LineChart.Series(name, colour, dashed, points);
    }
}
