package io.bertlab.analysis;

import io.bertlab.api.analysis.AttentionMap;
import io.bertlab.api.analysis.Attribution;
import io.bertlab.api.analysis.HtmlViews;
import java.util.Locale;
import org.osgi.service.component.annotations.Component;

/**
 * BertViz-style pages as single self-contained HTML documents: the attention and tokens are embedded as JSON in the
 * page and drawn as inline SVG by an inline script, so a page works offline and can be mailed around. Lines go from
 * the attending token (left column, the row of the matrix) to the attended token (right column, the column); their
 * opacity is the attention weight.
 */
@Component(service = HtmlViews.class)
public class BertVizViews implements HtmlViews {

    /** Weights are printed with 4 decimals: finer differences are invisible as opacity and would only bloat pages. */
    private static final String WEIGHT = "%.4f";

    @Override
    public String headView(AttentionMap map) {
        return page("Attention head view", data(map), HEAD_VIEW);
    }

    @Override
    public String modelView(AttentionMap map) {
        return page("Attention model view", data(map), MODEL_VIEW);
    }

    /**
     * A BertViz-style neuron view of one layer: for a chosen query token and head, every key's vector, its
     * elementwise product with the query, the scaled score and the softmax weight, drawn lazily on a canvas. Not part
     * of {@link HtmlViews} (whose {@link AttentionMap} has no queries or keys): {@code attention-view --view neuron}
     * makes it from a {@link NeuronCapture}.
     *
     * @param view the layer's queries and keys
     * @return the page; when the vectors do not reproduce the engine's attention, a page that says so and shows none
     */
    public String neuronView(NeuronView view) {
        return NeuronViewPage.html(view);
    }

    @Override
    public String wordImportance(Attribution attribution) {
        String[] tokens = attribution.tokens();
        float[] scores = attribution.scores();
        double largest = 0;
        for (float s : scores) {
            largest = Math.max(largest, Math.abs(s));
        }
        StringBuilder body = new StringBuilder();
        body.append("<h1>Word importance</h1>\n<p>").append(escape(String.format(Locale.ROOT,
                "Integrated Gradients over %d steps: output %.4f at the input, %.4f at the baseline; the scores sum"
                + " to %.4f (convergence delta %.2e). Green raised the output, red lowered it.",
                attribution.steps(), attribution.outputAtInput(), attribution.outputAtBaseline(),
                attribution.outputAtInput() - attribution.outputAtBaseline() + attribution.convergenceDelta(),
                attribution.convergenceDelta()))).append("</p>\n");
        if (!attribution.converged()) {
            body.append("<p class=\"warning\">").append(escape(String.format(Locale.ROOT, "Warning: the convergence"
                    + " delta is %.1f %% of the output's change (more than %.0f %%): the scores are not trustworthy"
                    + " yet; use more steps.", 100 * attribution.relativeConvergenceDelta(),
                    100 * Attribution.CONVERGENCE_TOLERANCE))).append("</p>\n");
        }
        body.append("<p class=\"tokens\">");
        for (int i = 0; i < tokens.length; i++) {
            // colour strength relative to the largest |score|, so that every page uses its whole scale
            double strength = largest == 0 ? 0 : Math.abs(scores[i]) / largest;
            String colour = scores[i] >= 0 ? "0,150,60" : "200,30,30";
            body.append(String.format(Locale.ROOT, "<span class=\"token\" title=\"%s\" data-score=\"%s\" "
                    + "style=\"background:rgba(%s,%.3f)\">%s</span> ", String.format(Locale.ROOT, "%.6f", scores[i]),
                    Float.toString(scores[i]), colour, 0.85 * strength, escape(tokens[i])));
        }
        body.append("</p>\n");
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Word importance</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em;max-width:60em}.tokens{line-height:2.2em}"
                + ".token{padding:.15em .3em;border-radius:.2em;font-family:monospace}"
                + ".warning{color:#a00;font-weight:bold}</style></head><body>\n"
                + body + "</body></html>\n";
    }

    /** The map as JSON: tokens, sentence_b_start, and attention[layer][head][from][to]. */
    static String data(AttentionMap map) {
        String[] tokens = map.tokens();
        int n = tokens.length;
        StringBuilder json = new StringBuilder("{\"tokens\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append(jsonString(tokens[i]));
        }
        json.append("],\"sentence_b_start\":").append(map.sentenceBStart()).append(",\"attention\":[");
        float[] w = map.weights().toArray();
        for (int l = 0; l < map.layers(); l++) {
            json.append(l == 0 ? "[" : ",[");
            for (int h = 0; h < map.heads(); h++) {
                json.append(h == 0 ? "[" : ",[");
                for (int i = 0; i < n; i++) {
                    json.append(i == 0 ? "[" : ",[");
                    for (int j = 0; j < n; j++) {
                        float v = w[((l * map.heads() + h) * n + i) * n + j];
                        json.append(j == 0 ? "" : ",").append(String.format(Locale.ROOT, WEIGHT, v));
                    }
                    json.append(']');
                }
                json.append(']');
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    private static String page(String title, String json, String script) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>\n"
                + "<style>body{font-family:sans-serif;margin:2em}svg text{font-family:monospace;font-size:13px}"
                + ".controls label{margin-right:.8em}.cell{display:inline-block;margin:4px;text-align:center;"
                + "font-size:11px}.row{white-space:nowrap}</style></head><body>\n<h1>" + title + "</h1>\n"
                + "<p>Lines go from the attending token (left) to the attended token (right); opacity is the"
                + " attention weight. Each row of a head sums to 1.</p>\n"
                + "<div id=\"controls\" class=\"controls\"></div><div id=\"view\"></div>\n"
                // "<" is escaped so that no token can close the script element
                + "<script type=\"application/json\" id=\"attention-data\">" + json.replace("<", "\\u003c")
                + "</script>\n<script>\n" + script + "</script>\n</body></html>\n";
    }

    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Shared drawing code: one head's lines between two token columns. */
    private static final String COMMON = String.join("\n",
            "const data = JSON.parse(document.getElementById('attention-data').textContent);",
            "const tokens = data.tokens, att = data.attention, layers = att.length, heads = att[0].length;",
            "const NS = 'http://www.w3.org/2000/svg';",
            "function colour(h) { return 'hsl(' + Math.round(360 * h / heads) + ',70%,45%)'; }",
            "function el(name, attrs, parent) {",
            "  const e = document.createElementNS(NS, name);",
            "  for (const k in attrs) e.setAttribute(k, attrs[k]);",
            "  if (parent) parent.appendChild(e);",
            "  return e;",
            "}",
            "function lines(svg, layer, head, x1, x2, step, top, only) {",
            "  const w = att[layer][head];",
            "  for (let i = 0; i < tokens.length; i++) {",
            "    if (only !== null && only !== i) continue;",
            "    for (let j = 0; j < tokens.length; j++) {",
            "      if (w[i][j] < 0.005) continue;",
            "      el('line', {x1: x1, y1: top + i * step, x2: x2, y2: top + j * step, stroke: colour(head),",
            "        'stroke-width': 2, 'stroke-opacity': w[i][j]}, svg);",
            "    }",
            "  }",
            "}",
            "");

    private static final String HEAD_VIEW = COMMON + String.join("\n",
            "const controls = document.getElementById('controls');",
            "const select = document.createElement('select');",
            "for (let l = 0; l < layers; l++) { const o = document.createElement('option'); o.value = l;",
            "  o.textContent = 'layer ' + l; select.appendChild(o); }",
            "controls.append('Layer: ', select, ' Heads: ');",
            "const shown = [];",
            "for (let h = 0; h < heads; h++) {",
            "  const label = document.createElement('label'); const box = document.createElement('input');",
            "  box.type = 'checkbox'; box.checked = true; shown.push(box);",
            "  label.style.color = colour(h); label.append(box, ' ' + h); controls.appendChild(label);",
            "  box.onchange = () => draw(null);",
            "}",
            "select.onchange = () => draw(null);",
            "function draw(only) {",
            "  const view = document.getElementById('view'); view.innerHTML = '';",
            "  const step = 22, top = 20, width = 520;",
            "  const svg = el('svg', {width: width, height: top + tokens.length * step});",
            "  const layer = Number(select.value);",
            "  for (let h = 0; h < heads; h++) if (shown[h].checked) lines(svg, layer, h, 150, width - 150, step, top - 4, only);",
            "  for (let i = 0; i < tokens.length; i++) {",
            "    const b = data.sentence_b_start >= 0 && i >= data.sentence_b_start;",
            "    for (const [x, anchor] of [[140, 'end'], [width - 140, 'start']]) {",
            "      const t = el('text', {x: x, y: top + i * step, 'text-anchor': anchor,",
            "        fill: b ? '#335' : '#000', 'font-style': b ? 'italic' : 'normal'}, svg);",
            "      t.textContent = tokens[i];",
            "      if (anchor === 'end') { t.onmouseenter = () => draw(i); t.onmouseleave = () => draw(null); }",
            "    }",
            "  }",
            "  view.appendChild(svg);",
            "}",
            "draw(null);",
            "");

    private static final String MODEL_VIEW = COMMON + String.join("\n",
            "const view = document.getElementById('view');",
            // as in BertViz, a click on a miniature opens that head full size, with its tokens
            "const detail = document.createElement('div'); detail.id = 'detail'; document.body.appendChild(detail);",
            "function openHead(l, h) {",
            "  detail.innerHTML = '';",
            "  const title = document.createElement('h2'); title.textContent = 'Layer ' + l + ', head ' + h;",
            "  detail.appendChild(title);",
            "  const step = 22, top = 20, width = 520;",
            "  const svg = el('svg', {width: width, height: top + tokens.length * step}, detail);",
            "  lines(svg, l, h, 150, width - 150, step, top - 4, null);",
            "  for (let i = 0; i < tokens.length; i++) {",
            "    const b = data.sentence_b_start >= 0 && i >= data.sentence_b_start;",
            "    for (const [x, anchor] of [[140, 'end'], [width - 140, 'start']]) {",
            "      el('text', {x: x, y: top + i * step, 'text-anchor': anchor, fill: b ? '#335' : '#000',",
            "        'font-style': b ? 'italic' : 'normal'}, svg).textContent = tokens[i];",
            "    }",
            "  }",
            "  detail.scrollIntoView();",
            "}",
            "const step = Math.max(3, Math.min(8, 240 / tokens.length)), size = tokens.length * step + 8;",
            "for (let l = 0; l < layers; l++) {",
            "  const row = document.createElement('div'); row.className = 'row';",
            "  for (let h = 0; h < heads; h++) {",
            "    const cell = document.createElement('div'); cell.className = 'cell';",
            "    const svg = el('svg', {width: 60, height: size});",
            "    lines(svg, l, h, 5, 55, step, 4, null);",
            "    cell.appendChild(svg); cell.append(document.createElement('br'), 'L' + l + ' H' + h);",
            "    cell.title = 'layer ' + l + ', head ' + h;",
            "    cell.style.cursor = 'pointer'; cell.onclick = () => openHead(l, h);",
            "    row.appendChild(cell);",
            "  }",
            "  view.appendChild(row);",
            "}",
            "");
}
