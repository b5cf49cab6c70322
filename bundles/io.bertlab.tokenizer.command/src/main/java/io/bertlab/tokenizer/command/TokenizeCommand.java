package io.bertlab.tokenizer.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab tokenize}: the BERT inputs of texts, as the table people learn BERT with or as JSON lines.
 * A {@code --tokenizer} is a named tokenizer service or a file, loaded with bertlab's own implementation.
 */
@Component(service = Command.class)
@CommandProperties(name = "tokenize", summary = "Turn text into BERT inputs: tokens, ids, type ids, masks, offsets")
public class TokenizeCommand implements Command {

    private final Map<String, Tokenizer> named = new ConcurrentHashMap<>();

    @Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB
            + ")")
    private TokenizerLoader loader;

    /** For tests and embedding outside OSGi. */
    public TokenizeCommand() {
    }

    /**
     * A command with a given loader, outside OSGi.
     *
     * @param loader the loader for tokenizer files
     */
    public TokenizeCommand(TokenizerLoader loader) {
        this.loader = loader;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + TokenizerProperties.NAME + "=*)")
    void addTokenizer(Tokenizer tokenizer, Map<String, Object> properties) {
        named.put(String.valueOf(properties.get(TokenizerProperties.NAME)), tokenizer);
    }

    void removeTokenizer(Tokenizer tokenizer, Map<String, Object> properties) {
        named.remove(String.valueOf(properties.get(TokenizerProperties.NAME)), tokenizer);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab tokenize --tokenizer FILE_OR_NAME [--pair] [--max-length N]",
                "         [--truncation longest_first|only_first|only_second] [--padding longest|max_length]",
                "         [--input FILE|-] [--format table|jsonl] [TEXT...]",
                "",
                "Encodes each TEXT (or each line of --input; '-' reads standard input) and prints its tokens,",
                "input_ids, token_type_ids, attention_mask and position ids (table), or one JSON object per input",
                "with tokens, ids, type_ids, attention_mask, special_tokens_mask, offsets ([start, end) in Unicode",
                "code points) and word_ids (jsonl). With --pair, texts 1+2, 3+4, ... form pairs.",
                "Truncation and padding stored in the tokenizer file apply unless overridden.",
                "",
                "Options:",
                "  --tokenizer   a tokenizer.json, vocab.txt or vocab.json file, or the name of a configured tokenizer",
                "  --pair        encode consecutive texts as pairs ([CLS] A [SEP] B [SEP])",
                "  --max-length  truncate to N tokens (special tokens included); with --padding max_length, pad to N",
                "  --truncation  which text of a pair loses tokens (default longest_first)",
                "  --padding     pad to the longest input, or to --max-length",
                "  --input       read texts from a file, one per line, or '-' for standard input",
                "  --format      table (default) or jsonl",
                "",
                "Example: bertlab tokenize --tokenizer bert-base-uncased/vocab.txt \"Quero um cartão adicional\"");
    }

    @Override
    public int run(CommandContext call) throws Exception {
        Arguments arguments = Arguments.parse("tokenize", call.arguments(), Set.of("--pair"),
                Set.of("--tokenizer", "--max-length", "--truncation", "--padding", "--input", "--format"));
        String format = arguments.value("--format").orElse("table");
        if (!format.equals("table") && !format.equals("jsonl")) {
            throw new UsageException("tokenize: --format expects table or jsonl, got '" + format + "'");
        }
        Tokenizer tokenizer = tokenizer(call, arguments.required("--tokenizer"));
        EncodeOptions options = TokenizeOptions.from(arguments, tokenizer);
        List<String> texts = texts(call, arguments);
        List<Encoding> encodings;
        if (arguments.has("--pair")) {
            if (texts.size() % 2 != 0) {
                throw new UsageException("tokenize: --pair needs an even number of texts, got " + texts.size());
            }
            List<List<String>> pairs = new ArrayList<>();
            for (int i = 0; i < texts.size(); i += 2) {
                pairs.add(List.of(texts.get(i), texts.get(i + 1)));
            }
            encodings = encode(() -> tokenizer.encodePairBatch(pairs, options));
        } else {
            encodings = encode(() -> tokenizer.encodeBatch(texts, options));
        }
        EncodingPrinter printer = format.equals("jsonl") ? new JsonLinesPrinter() : new TablePrinter();
        for (Encoding encoding : encodings) {
            printer.print(encoding, call.out());
        }
        return 0;
    }

    private static List<Encoding> encode(java.util.function.Supplier<List<Encoding>> encoding)
            throws CommandException {
        try {
            return encoding.get();
        } catch (IllegalArgumentException e) {
            throw new CommandException("tokenize: " + e.getMessage());
        }
    }

    private Tokenizer tokenizer(CommandContext call, String nameOrFile) throws CommandException {
        Tokenizer configured = named.get(nameOrFile);
        if (configured != null) {
            return configured;
        }
        Path file = call.resolve(nameOrFile);
        if (!Files.isRegularFile(file)) {
            throw new CommandException("tokenize: no tokenizer named '" + nameOrFile + "' and no file " + file
                    + (named.isEmpty() ? "" : " (configured tokenizers: " + named.keySet() + ")"));
        }
        try {
            return loader.load(file);
        } catch (TokenizerFormatException e) {
            throw new CommandException("tokenize: " + e.getMessage());
        } catch (IOException e) {
            throw new CommandException("tokenize: cannot read " + file + ": " + e.getMessage());
        }
    }

    private static List<String> texts(CommandContext call, Arguments arguments) throws CommandException {
        List<String> texts = new ArrayList<>(arguments.positional());
        if (arguments.has("--input")) {
            String input = arguments.value("--input").get();
            try (BufferedReader reader = input.equals("-")
                    ? new BufferedReader(new InputStreamReader(call.in(), StandardCharsets.UTF_8))
                    : Files.newBufferedReader(call.resolve(input), StandardCharsets.UTF_8)) {
                reader.lines().forEach(texts::add);
            } catch (IOException e) {
                throw new CommandException("tokenize: cannot read " + input + ": " + e.getMessage());
            }
        }
        if (texts.isEmpty()) {
            throw new UsageException("tokenize: no text given (TEXT arguments or --input)");
        }
        return texts;
    }
}
