package io.bertlab.tokenizer.service;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.TextArguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bertlab tokenize}: the BERT inputs of texts, as the table people learn BERT with or as JSON lines.
 * A {@code --tokenizer} is a named tokenizer service or a file, loaded with bertlab's own implementation.
 */
@Component(service = Command.class)
@CommandProperties(name = "tokenize", summary = "Turn text into BERT inputs: tokens, ids, type ids, masks, offsets")
public class TokenizeCommand implements Command {

    @Reference
    private TokenizerResolver resolver;

    /** For tests and embedding outside OSGi. */
    public TokenizeCommand() {
    }

    /**
     * A command with a given loader, outside OSGi.
     *
     * @param loader the loader for tokenizer files
     */
    public TokenizeCommand(TokenizerLoader loader) {
        this.resolver = new TokenizerResolver(loader);
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
        OutputFormat format = OutputFormat.of("tokenize", arguments);
        Tokenizer tokenizer = resolver.resolve("tokenize", call, arguments.required("--tokenizer")).tokenizer();
        EncodeOptions options = TokenizeOptions.from(arguments, tokenizer);
        List<String> texts = TextArguments.read("tokenize", call, arguments);
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
        EncodingPrinter printer = format == OutputFormat.JSONL ? new JsonLinesPrinter() : new TablePrinter();
        for (Encoding encoding : encodings) {
            printer.print(encoding, call.out());
        }
        return 0;
    }

    private static List<Encoding> encode(Supplier<List<Encoding>> encoding) throws CommandException {
        try {
            return encoding.get();
        } catch (IllegalArgumentException e) {
            throw new CommandException("tokenize: " + e.getMessage());
        }
    }
}
