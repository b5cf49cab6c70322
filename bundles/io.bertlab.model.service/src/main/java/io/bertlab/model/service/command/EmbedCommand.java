package io.bertlab.model.service.command;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.TextArguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.EngineProperties;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelResolver;
import io.bertlab.api.model.OpenedModel;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code bertlab embed}: sentence embeddings (and optionally every token's hidden state) as JSON lines. */
@Component(service = Command.class)
@CommandProperties(name = "embed", summary = "Embed sentences with a model (JSON lines)")
public class EmbedCommand implements Command {

    private static final int PROGRESS_EVERY = 256;
    /** The named model the distribution ships (feature minilm). */
    static final String DEFAULT_MODEL = "minilm";

    @Reference
    ModelResolver resolver;

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab embed [--model DIR_OR_NAME] [--engine java|pytorch|mxnet] [--device cpu|gpu]",
                "                     [--pooling mean|cls|pooler] [--normalize] [--hidden] [--batch-size N]",
                "                     [--input FILE|-] [--format jsonl] [TEXT...]",
                "",
                "Runs each text through the model and prints one JSON object per text:",
                "  {\"index\": 0, \"text\": \"...\", \"tokens\": 7, \"embedding\": [...]}",
                "The model is a named model service (see 'bertlab models') or a model directory holding",
                "config.json, model.safetensors and tokenizer.json (see 'bertlab import-model').",
                "A text longer than the model takes (max_position_embeddings tokens) is cut to fit; standard",
                "error then says which texts were cut.",
                "",
                "Options:",
                "  --model DIR_OR_NAME  the model (default minilm: all-MiniLM-L6-v2, embedded in the distribution)",
                "  --engine NAME        engine for a model directory (default java)",
                "  --device NAME        device for a model directory (default cpu)",
                "  --pooling MODE       mean of attended tokens (default), cls (first token), pooler (BERT's pooler)",
                "  --normalize          scale each embedding to unit length",
                "  --hidden             also print \"hidden\": every token's last hidden state",
                "  --batch-size N       texts per forward pass (default 32)",
                "  --input FILE|-       also read one text per line (UTF-8), after the TEXT arguments",
                "  --format jsonl       the output format (the only one)",
                "",
                "Example: bertlab embed --normalize \"Quero um cartão adicional\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("embed", context.arguments(), Set.of("--normalize", "--hidden"),
                Set.of("--model", "--engine", "--device", "--pooling", "--batch-size", "--input", "--format"));
        String format = arguments.value("--format").orElse("jsonl");
        if (!format.equals("jsonl")) {
            throw new UsageException("embed: --format supports only jsonl, got '" + format + "'");
        }
        Pooling pooling = Pooling.parse(arguments.value("--pooling").orElse("mean"));
        int batchSize = arguments.intValue("--batch-size", 32);
        if (batchSize < 1) {
            throw new UsageException("embed: --batch-size must be at least 1");
        }
        String modelArgument = arguments.value("--model").orElse(DEFAULT_MODEL);
        List<String> texts = TextArguments.read("embed", context, arguments);
        try (OpenedModel source = open(modelArgument, context, arguments)) {
            Tokenizer tokenizer = tokenizer(source);
            Model model = source.model();
            // batches are padded to their longest text here; fixed padding from tokenizer.json would only waste work
            int maxTokens = model.config().maxPositionEmbeddings();
            EncodeOptions options = EncodeOptions.of(tokenizer.defaults().addSpecialTokens(),
                    Truncation.longestFirst(maxTokens), null);
            TruncatedTexts truncated = new TruncatedTexts(maxTokens);
            Writer writer = new OutputStreamWriter(context.out(), StandardCharsets.UTF_8);
            try (JsonGenerator json = new JsonFactory().createGenerator(writer)) {
                json.setRootValueSeparator(null);
                for (int start = 0; start < texts.size(); start += batchSize) {
                    List<String> chunk = texts.subList(start, Math.min(texts.size(), start + batchSize));
                    List<Encoding> encodings = tokenizer.encodeBatch(chunk, options);
                    Batch batch = BatchBuilder.of(encodings);
                    ForwardResult result = model.forward(batch);
                    pooling.requireSupportedBy(result, modelArgument);
                    for (int row = 0; row < chunk.size(); row++) {
                        truncated.check(start + row, encodings.get(row));
                        write(json, writer, start + row, chunk.get(row), encodings.get(row), pooling, result, batch, row,
                                arguments.has("--normalize"), arguments.has("--hidden"));
                    }
                    reportProgress(context, start, start + chunk.size(), texts.size());
                }
            }
            truncated.report("embed", texts.size(), context.err());
        }
        return 0;
    }

    private OpenedModel open(String model, CommandContext context, Arguments arguments) throws CommandException {
        try {
            return resolver.open(model, context.resolve(model), arguments.value("--engine").orElse(
                    EngineProperties.JAVA), arguments.value("--device").orElse(EngineProperties.CPU));
        } catch (IOException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static Tokenizer tokenizer(OpenedModel source) throws CommandException {
        try {
            return source.tokenizer();
        } catch (IOException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }

    private static void write(JsonGenerator json, Writer writer, int index, String text, Encoding encoding,
            Pooling pooling, ForwardResult result, Batch batch, int row, boolean normalize, boolean hidden)
            throws IOException {
        float[] embedding = pooling.pool(result, batch, row);
        if (normalize) {
            Pooling.normalize(embedding);
        }
        json.writeStartObject();
        json.writeNumberField("index", index);
        json.writeStringField("text", text);
        json.writeNumberField("tokens", attended(encoding));
        json.writeFieldName("embedding");
        writeVector(json, embedding);
        if (hidden) {
            json.writeFieldName("hidden");
            json.writeStartArray();
            for (int position = 0; position < encoding.length(); position++) {
                writeVector(json, result.lastHiddenState().vector(row, position));
            }
            json.writeEndArray();
        }
        json.writeEndObject();
        json.flush();
        writer.write('\n');
        writer.flush();
    }

    private static int attended(Encoding encoding) {
        int count = 0;
        for (int mask : encoding.attentionMask()) {
            count += mask;
        }
        return count;
    }

    private static void writeVector(JsonGenerator json, float[] vector) throws IOException {
        json.writeStartArray();
        for (float value : vector) {
            json.writeNumber(value);
        }
        json.writeEndArray();
    }

    /** On standard error, each time another {@value #PROGRESS_EVERY} texts are done, for long inputs only. */
    private static void reportProgress(CommandContext context, int previous, int done, int total) {
        if (total > PROGRESS_EVERY && (done / PROGRESS_EVERY > previous / PROGRESS_EVERY || done == total)) {
            context.err().printf("embed: %d/%d texts%n", done, total);
        }
    }
}
