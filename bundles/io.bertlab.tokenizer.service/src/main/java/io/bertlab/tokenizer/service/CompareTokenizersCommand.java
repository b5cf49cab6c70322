package io.bertlab.tokenizer.service;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.TextArguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bertlab compare-tokenizers}: the same texts through several tokenizers side by side, to choose one for a
 * language or a domain (mBERT against BERTimbau against an uncased vocabulary, say). Each {@code --tokenizer} is
 * resolved exactly as {@code tokenize} resolves it: a named tokenizer service or a file.
 */
@Component(service = Command.class)
@CommandProperties(name = "compare-tokenizers", summary = "Put the same text through several tokenizers side by side")
public class CompareTokenizersCommand implements Command {

    private static final String NAME = "compare-tokenizers";

    @Reference
    private TokenizerResolver resolver;

    /** For Declarative Services. */
    public CompareTokenizersCommand() {
    }

    /**
     * A command with a given loader, outside OSGi (files only, no named tokenizers).
     *
     * @param loader the loader for tokenizer files
     */
    public CompareTokenizersCommand(TokenizerLoader loader) {
        this(new TokenizerResolver(loader));
    }

    CompareTokenizersCommand(TokenizerResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab compare-tokenizers --tokenizer FILE_OR_NAME --tokenizer FILE_OR_NAME [--tokenizer ...]",
                "         [--input FILE|-] [--format table|jsonl] [TEXT...]",
                "",
                "Runs each TEXT (or each line of --input; '-' reads standard input) through every tokenizer and shows",
                "them side by side: how many tokens each makes and which, how many are unknown, and whether the ids",
                "decode back to the text (or lose case, accents, spacing). Texts are encoded whole, with special",
                "tokens: truncation and padding stored in the files do not apply.",
                "",
                "table (default): for each text, one block per tokenizer with its label, token count and tokens over",
                "  their ids; then one summary line per tokenizer over all texts: tokens, tokens per white-space",
                "  separated word (special tokens left out), unknown tokens, texts that decode back exactly.",
                "jsonl: one object per text: {\"text\", \"words\", \"tokenizers\": {LABEL: {\"tokens\", \"ids\", \"count\",",
                "  \"special_tokens\", \"unknown\", \"tokens_per_word\", \"decoded\", \"round_trip\"}}}; round_trip is exact,",
                "  spacing_differs, case_lost, accents_lost, case_and_accents_lost or differs.",
                "",
                "A label is the configured tokenizer's name, or the file's folder and name (bert-base-uncased/vocab.txt),",
                "with more of the path where two would be the same.",
                "",
                "Options:",
                "  --tokenizer   a tokenizer.json, vocab.txt or vocab.json file, or the name of a configured tokenizer;",
                "                once per tokenizer, at least twice. A vocab.txt loads as uncased BERT (lower-cased,",
                "                accents stripped): for a cased vocabulary give its tokenizer.json",
                "  --input       read texts from a file, one per line, or '-' for standard input",
                "  --format      table (default) or jsonl",
                "",
                "Example: bertlab compare-tokenizers --tokenizer bert-base-multilingual-cased/tokenizer.json \\",
                "           --tokenizer bert-base-portuguese-cased/tokenizer.json --tokenizer bert-base-uncased/vocab.txt \\",
                "           \"Quero um cartão adicional\"");
    }

    @Override
    public int run(CommandContext call) throws Exception {
        Arguments arguments = Arguments.parse(NAME, call.arguments(), Set.of(),
                Set.of("--tokenizer", "--input", "--format"));
        OutputFormat format = OutputFormat.of(NAME, arguments);
        List<String> specs = arguments.values("--tokenizer");
        if (specs.size() < 2) {
            throw new UsageException(NAME + ": give --tokenizer at least twice, got " + specs.size()
                    + " (to see one tokenizer, use 'bertlab tokenize')");
        }
        List<String> texts = TextArguments.read(NAME, call, arguments);
        List<ComparedTokenizer> tokenizers = tokenizers(call, specs);
        List<String> labels = tokenizers.stream().map(ComparedTokenizer::label).toList();
        ComparisonPrinter printer = format == OutputFormat.JSONL ? new ComparisonJsonLinesPrinter()
                : new ComparisonTablePrinter(labels);
        for (String text : texts) {
            printer.print(ComparedText.of(text, tokenizers), call.out());
        }
        printer.finish(call.out());
        return 0;
    }

    private List<ComparedTokenizer> tokenizers(CommandContext call, List<String> specs)
            throws CommandException {
        List<ResolvedTokenizer> resolved = new ArrayList<>(specs.size());
        for (String spec : specs) {
            resolved.add(resolver.resolve(NAME, call, spec));
        }
        List<String> labels = TokenizerLabels.of(resolved);
        List<ComparedTokenizer> tokenizers = new ArrayList<>(specs.size());
        for (int i = 0; i < resolved.size(); i++) {
            tokenizers.add(new ComparedTokenizer(labels.get(i), resolved.get(i).tokenizer()));
        }
        return tokenizers;
    }
}
