package io.bertlab.model.service.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.configuration.UnavailableConfiguration;
import io.bertlab.api.configuration.UnavailableConfigurations;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code bertlab models}: the model services, with their engine, device, files and architecture, and the named-model
 * configurations that could not be loaded, with why.
 */
@Component(service = Command.class)
@CommandProperties(name = "models", summary = "List the model services with their engine and configuration")
public class ModelsCommand implements Command {

    private final ServiceTable<Model> models = new ServiceTable<>();
    private final UnavailableConfigurations unavailable = new UnavailableConfigurations();

    // updated: a configuration change swaps the model behind the same service and changes its properties
    @Reference(service = Model.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            updated = "updatedModel")
    void addModel(Model model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void updatedModel(Model model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void removeModel(Model model) {
        models.remove(model);
    }

    @Reference(service = UnavailableConfiguration.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC,
            target = "(" + UnavailableConfiguration.KIND + "=" + UnavailableConfiguration.MODEL + ")")
    void addUnavailable(UnavailableConfiguration failure) {
        unavailable.add(failure);
    }

    void removeUnavailable(UnavailableConfiguration failure) {
        unavailable.remove(failure);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab models",
                "",
                "Lists every model service: its name, engine and device, directory, and architecture;",
                "then every named-model configuration that could not be loaded, with its file and why.",
                "Named models come from factory configurations of PID io.bertlab.model, e.g. a file",
                "deploy/io.bertlab.model-minilm.cfg holding:",
                "  bertlab.model.name=minilm",
                "  bertlab.model.directory=/path/to/model",
                "  bertlab.engine=java",
                "",
                "Exit status: 0, or 1 when a configuration could not be loaded.");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments.parse("models", context.arguments(), Set.of(), Set.of());
        List<Map.Entry<Model, Map<String, Object>>> serving = models.all().entrySet().stream()
                .filter(e -> unavailable.unavailable(name(e.getValue())).isEmpty())
                .sorted(Comparator.comparing(e -> name(e.getValue()))).toList();
        List<UnavailableConfiguration> failures = unavailable.all();
        if (serving.isEmpty() && failures.isEmpty()) {
            context.out().println("No model services. Configure one with a factory configuration of PID "
                    + "io.bertlab.model (see 'bertlab models --help').");
            return 0;
        }
        if (!serving.isEmpty()) {
            context.out().printf("%-16s %-16s %-8s %-40s %s%n", "NAME", "ENGINE", "THREADS", "DIRECTORY",
                    "ARCHITECTURE");
            serving.forEach(e -> printRow(context, e.getKey(), e.getValue()));
        }
        if (!failures.isEmpty()) {
            context.out().println("Failed configurations:");
            failures.forEach(f -> context.out().println("  " + f.message()));
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private static String name(Map<String, Object> properties) {
        return String.valueOf(properties.get(ModelProperties.NAME));
    }

    private static void printRow(CommandContext context, Model model, Map<String, Object> p) {
        ModelConfig c = model.config();
        context.out().printf("%-16s %-16s %-8s %-40s %d layers x %d hidden, %d heads, vocabulary %d%n",
                p.get(ModelProperties.NAME), p.get(ModelProperties.ENGINE) + "/" + p.get(ModelProperties.DEVICE),
                p.getOrDefault(ModelProperties.THREADS, 0), p.get(ModelProperties.DIRECTORY),
                c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.vocabSize());
    }
}
