package io.bertlab.pretrain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** The output of {@code fill-mask}: a table for people, or one JSON object per mask for scripts. */
final class FillMaskReport {

    private static final JsonFactory JSON = new JsonFactory();

    private FillMaskReport() {
    }

    /**
     * The predictions of one text as a table: the text, then per mask its proposals (rank, probability, token) and
     * the text filled with the most probable one.
     *
     * @param predictions the predictions of one text, one per mask
     * @param maskToken the mask token, for the heading
     * @return the lines, each ending in a newline, and a blank line after the text
     */
    static String table(List<FillMask.Prediction> predictions, String maskToken) {
        StringBuilder out = new StringBuilder();
        FillMask.Prediction first = predictions.get(0);
        out.append(first.input()).append('\n');
        for (FillMask.Prediction prediction : predictions) {
            out.append(String.format(Locale.ROOT, "  %s %d of %d (token %d)%n", maskToken, prediction.mask() + 1,
                    prediction.masks(), prediction.position()));
            out.append("    rank  probability  token\n");
            for (FillMask.Candidate candidate : prediction.candidates()) {
                out.append(String.format(Locale.ROOT, "    %4d  %11s  %s%n", candidate.rank(),
                        probability(candidate.probability()), candidate.token()));
            }
            out.append("    = ").append(prediction.top().sequence()).append('\n');
        }
        return out.append('\n').toString();
    }

    /** Four decimals where they show the value, else two significant digits in scientific notation. */
    static String probability(double p) {
        return p >= 1e-4 ? String.format(Locale.ROOT, "%.4f", p) : String.format(Locale.ROOT, "%.2e", p);
    }

    /**
     * One mask's predictions as one line of JSON: {@code index} (the text's, from 0), {@code text}, {@code mask}
     * (from 0), {@code masks}, {@code position}, and {@code predictions}: {@code rank}, {@code id}, {@code token},
     * {@code probability} (a double, unrounded), {@code sequence}.
     *
     * @param prediction the mask's predictions
     * @return the line, without its newline
     */
    static String jsonLine(FillMask.Prediction prediction) {
        StringWriter writer = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(writer)) {
            json.writeStartObject();
            json.writeNumberField("index", prediction.text());
            json.writeStringField("text", prediction.input());
            json.writeNumberField("mask", prediction.mask());
            json.writeNumberField("masks", prediction.masks());
            json.writeNumberField("position", prediction.position());
            json.writeArrayFieldStart("predictions");
            for (FillMask.Candidate candidate : prediction.candidates()) {
                json.writeStartObject();
                json.writeNumberField("rank", candidate.rank());
                json.writeNumberField("id", candidate.id());
                json.writeStringField("token", candidate.token());
                json.writeNumberField("probability", candidate.probability());
                json.writeStringField("sequence", candidate.sequence());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return writer.toString();
    }
}
