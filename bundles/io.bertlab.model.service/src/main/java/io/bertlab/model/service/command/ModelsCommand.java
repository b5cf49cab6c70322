package io.bertlab.model.service.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.api.model.ModelProperties;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code bertlab models}: the model services, with their engine, device, files and architecture. */
@Component(service = Command.class)
@CommandProperties(name = "models", summary = "List the model services with their engine and configuration")
public class ModelsCommand implements Command {

    private final ServiceTable<Model> models = new ServiceTable<>();

    @Reference(service = Model.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModel(Model model, Map<String, Object> properties) {
        models.add(model, properties);
    }

    void removeModel(Model model) {
        models.remove(model);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab models",
                "",
                "Lists every model service: its name, engine and device, directory, and architecture.",
                "Named models come from factory configurations of PID io.bertlab.model, e.g. a file",
                "deploy/io.bertlab.model-minilm.cfg holding:",
                "  bertlab.model.name=minilm",
                "  bertlab.model.directory=/path/to/model",
                "  bertlab.engine=java");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments.parse("models", context.arguments(), Set.of(), Set.of());
        if (models.all().isEmpty()) {
            context.out().println("No model services. Configure one with a factory configuration of PID "
                    + "io.bertlab.model (see 'bertlab models --help').");
            return 0;
        }
        context.out().printf("%-16s %-16s %-8s %-40s %s%n", "NAME", "ENGINE", "THREADS", "DIRECTORY", "ARCHITECTURE");
        models.all().entrySet().stream()
                .sorted(Comparator.comparing(e -> String.valueOf(e.getValue().get(ModelProperties.NAME))))
                .forEach(e -> {
                    Map<String, Object> p = e.getValue();
                    ModelConfig c = e.getKey().config();
                    context.out().printf("%-16s %-16s %-8s %-40s %d layers x %d hidden, %d heads, vocabulary %d%n",
                            p.get(ModelProperties.NAME), p.get(ModelProperties.ENGINE) + "/" + p.get(ModelProperties.DEVICE),
                            p.getOrDefault(ModelProperties.THREADS, 0), p.get(ModelProperties.DIRECTORY),
                            c.numHiddenLayers(), c.hiddenSize(), c.numAttentionHeads(), c.vocabSize());
                });
        return 0;
    }
}
