package io.bertlab.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * The neuron view as one self-contained HTML document. The tokens and the layout data are JSON; the queries and keys
 * are float32 arrays, little-endian, base64-encoded (5⅓ characters a value, and exact: the page computes scores and
 * softmax from the very floats the agreement was measured on); the drawing script
 * ({@code neuron-view.js}, a resource of this bundle) and the styles are inline. Nothing is fetched.
 */
final class NeuronViewPage {

    private static final String SCRIPT = resource("neuron-view.js");

    private NeuronViewPage() {
    }

    static String html(NeuronView view) {
        String title = "Neuron view: layer " + view.layer() + ", head " + view.head();
        StringBuilder page = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(title).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
                        + "#scroller{overflow-y:auto;overflow-x:hidden;border:1px solid #ccc}#spacer{position:relative}"
                        + "#rows{position:sticky;top:0;display:block}#header{display:block}"
                        + "#status{font-family:monospace;min-height:1.5em;margin-top:.4em}"
                        + "#query-token{font-family:monospace;margin-left:1em}.check{color:#555}"
                        + ".warning{color:#a00;font-weight:bold}</style></head><body>\n<h1 id=\"title\">")
                .append(title).append("</h1>\n");
        String check = String.format(Locale.ROOT, "%.1e", view.deviation());
        String tolerance = String.format(Locale.ROOT, "%.0e", NeuronView.TOLERANCE);
        if (!view.agrees()) {
            // the vectors do not explain the engine's attention: say so, and show none of them
            page.append("<p class=\"warning\">These query and key vectors do not reproduce the engine's attention: "
                    + "softmax(q·k/√d) computed from the checkpoint's query and key weights and the layer's input "
                    + "differs from the probabilities the engine returned for layer ").append(view.layer())
                    .append(" by up to ").append(check).append(" (more than ").append(tolerance)
                    .append("). Either this checkpoint's attention is not BERT's self-attention over the layer's "
                            + "input, or the weights on disk are not the ones the engine runs. No vectors are "
                            + "shown.</p>\n</body></html>\n");
            return page.toString();
        }
        page.append("<p>Click a token on the left (or use the arrow keys) to make it the query <i>i</i>. Each row "
                + "<i>j</i> shows the key vector <i>k<sub>j</sub></i>, the elementwise product "
                + "<i>q<sub>i</sub></i>∘<i>k<sub>j</sub></i> (its sum is <i>q<sub>i</sub></i>·<i>k<sub>j</sub></i>), "
                + "the score <i>q<sub>i</sub></i>·<i>k<sub>j</sub></i>/√").append(view.headSize())
                .append(" and the softmax weight; <i>q<sub>i</sub></i> is at the top. Blue is positive, red "
                        + "negative, strength relative to the scales under the headings. Only the rows in sight are "
                        + "drawn; scroll for the rest.</p>\n<p class=\"check\">").append(String.format(Locale.ROOT,
                        "%d tokens; head size %d. Checked: the softmax of these vectors' scaled products equals the "
                        + "engine's attention probabilities for every head of layer %d within %s (allowed %s).",
                        view.tokens().length, view.headSize(), view.layer(), check, tolerance))
                .append("</p>\n<div id=\"controls\"><label>Head: <select id=\"head\"></select></label>"
                        + "<span id=\"query-token\"></span></div>\n<canvas id=\"header\"></canvas>\n"
                        + "<div id=\"scroller\" tabindex=\"0\"><div id=\"spacer\"><canvas id=\"rows\"></canvas></div>"
                        + "</div>\n<div id=\"status\"></div>\n");
        // "<" is escaped so that no token can close the script element; base64 has no "<"
        page.append("<script type=\"application/json\" id=\"neuron-data\">").append(data(view).replace("<", "\\u003c"))
                .append("</script>\n<script type=\"application/octet-stream\" id=\"queries\">")
                .append(base64(view.queries())).append("</script>\n<script type=\"application/octet-stream\" "
                        + "id=\"keys\">").append(base64(view.keys())).append("</script>\n<script>\n").append(SCRIPT)
                .append("</script>\n</body></html>\n");
        return page.toString();
    }

    /** Everything but the vectors, as JSON. */
    static String data(NeuronView view) {
        StringBuilder json = new StringBuilder("{\"tokens\":[");
        String[] tokens = view.tokens();
        for (int i = 0; i < tokens.length; i++) {
            json.append(i == 0 ? "" : ",").append(BertVizViews.jsonString(tokens[i]));
        }
        json.append("],\"sentence_b_start\":").append(view.sentenceBStart()).append(",\"attended\":[");
        for (int i = 0; i < tokens.length; i++) {
            json.append(i == 0 ? "" : ",").append(view.attended()[i]);
        }
        return json.append("],\"layer\":")
                .append(view.layer()).append(",\"head\":").append(view.head()).append(",\"heads\":")
                .append(view.heads()).append(",\"head_size\":").append(view.headSize()).append(",\"deviation\":")
                .append(view.deviation()).append('}').toString();
    }

    /** Float32 values, little-endian, base64. */
    static String base64(float[] values) {
        ByteBuffer bytes = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(values);
        return Base64.getEncoder().encodeToString(bytes.array());
    }

    private static String resource(String name) {
        try (InputStream in = NeuronViewPage.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the bundle lacks its resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
