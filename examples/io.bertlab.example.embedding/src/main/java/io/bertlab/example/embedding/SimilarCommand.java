package io.bertlab.example.embedding;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.command.TextArguments;
import io.bertlab.api.command.UsageException;
import io.bertlab.api.model.Model;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code bertlab similar QUERY SENTENCE...}: ranks sentences by the cosine similarity of their embeddings to the
 * query's. The component consumes two bertlab services through Declarative Services: a named {@link Model} and a
 * named {@link Tokenizer}, both {@code minilm} unless its configuration (PID {@value #PID}) sets the references'
 * targets, {@code model.target} and {@code tokenizer.target}. Until both services are there, the command is not.
 */
@Component(service = Command.class, configurationPid = SimilarCommand.PID)
@CommandProperties(name = "similar", summary = "Rank sentences by similarity to a query (the embedding example)")
@Designate(ocd = SimilarCommand.Config.class)
public class SimilarCommand implements Command {

    static final String PID = "io.bertlab.example.embedding";

    /** The component's configuration: which services its two references bind. */
    @ObjectClassDefinition(name = "bertlab embedding example", description = "The services 'similar' uses")
    public @interface Config {
        /** @return the filter of the Model reference */
        @AttributeDefinition(name = "model.target", description = "Filter selecting the Model service")
        String model_target() default "(bertlab.model.name=minilm)";

        /** @return the filter of the Tokenizer reference */
        @AttributeDefinition(name = "tokenizer.target", description = "Filter selecting the model's Tokenizer service")
        String tokenizer_target() default "(bertlab.tokenizer.name=minilm)";
    }

    @Reference(target = "(bertlab.model.name=minilm)")
    Model model;

    @Reference(target = "(bertlab.tokenizer.name=minilm)")
    Tokenizer tokenizer;

    /** For DS. */
    public SimilarCommand() {
    }

    /**
     * The command outside OSGi, on given services.
     *
     * @param tokenizer the model's tokenizer
     * @param model the model
     */
    public SimilarCommand(Tokenizer tokenizer, Model model) {
        this.tokenizer = tokenizer;
        this.model = model;
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab similar [--top N] [--input FILE|-] QUERY [SENTENCE...]",
                "",
                "Embeds QUERY and every SENTENCE (and each line of --input) with the configured Model and",
                "Tokenizer services (mean of the last hidden state over the tokens, unit length) and prints the",
                "sentences from the most to the least similar to QUERY, one per line: the cosine similarity",
                "with 4 decimals, a tab, the sentence.",
                "",
                "The services are the named model and tokenizer 'minilm' unless ConfigAdmin PID " + PID,
                "sets 'model.target' or 'tokenizer.target' (LDAP filters, e.g. (bertlab.model.name=other)).",
                "",
                "Options:",
                "  --top N          print only the N most similar sentences",
                "  --input FILE|-   also read sentences, one per line (UTF-8)",
                "",
                "Example: bertlab similar \"How do I get a second card?\" \"I would like an additional card.\"",
                "                         \"It rains.\"");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("similar", context.arguments(), Set.of(), Set.of("--top",
                TextArguments.INPUT));
        List<String> texts = TextArguments.read("similar", context, arguments);
        if (texts.size() < 2) {
            throw new UsageException("similar: give a QUERY and at least one SENTENCE");
        }
        int top = arguments.intValue("--top", texts.size() - 1);
        if (top < 1) {
            throw new UsageException("similar: --top must be at least 1");
        }
        float[][] embeddings = new SentenceEmbeddings(tokenizer, model).embed(texts);
        List<Scored> ranked = new ArrayList<>();
        for (int i = 1; i < texts.size(); i++) {
            ranked.add(new Scored(texts.get(i), SentenceEmbeddings.cosine(embeddings[0], embeddings[i])));
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed());
        for (Scored scored : ranked.subList(0, Math.min(top, ranked.size()))) {
            context.out().printf(Locale.ROOT, "%.4f\t%s%n", scored.score(), scored.text());
        }
        return 0;
    }

    private record Scored(String text, double score) {
    }
}
