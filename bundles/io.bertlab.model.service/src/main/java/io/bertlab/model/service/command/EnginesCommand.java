package io.bertlab.model.service.command;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import io.bertlab.api.model.Engine;
import io.bertlab.api.model.EngineInfo;
import io.bertlab.api.model.EngineProperties;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@code bertlab engines}: the engine services with their versions, devices and threads. */
@Component(service = Command.class)
@CommandProperties(name = "engines", summary = "List the engines with their versions, devices and threads")
public class EnginesCommand implements Command {

    private final ServiceTable<Engine> engines = new ServiceTable<>();

    @Reference(service = Engine.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addEngine(Engine engine, Map<String, Object> properties) {
        engines.add(engine, properties);
    }

    void removeEngine(Engine engine) {
        engines.remove(engine);
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab engines",
                "",
                "Lists every engine service (bertlab.engine=java|pytorch|mxnet, bertlab.device=cpu|gpu) with",
                "its version, devices and default thread count. Features engine-java and engine-djl provide them.",
                "An engine that cannot start (e.g. its natives fail to load) is listed as unavailable with the",
                "reason, and the command then exits with status 1.");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments.parse("engines", context.arguments(), Set.of(), Set.of());
        if (engines.all().isEmpty()) {
            context.out().println("No engines installed (install the engine-java or engine-djl feature).");
            return 0;
        }
        List<String> unavailable = new ArrayList<>();
        TextTable table = new TextTable().row("ENGINE", "DEVICE", "VERSION", "DEVICES", "THREADS");
        engines.all().entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().get(EngineProperties.ENGINE) + "/"
                        + e.getValue().get(EngineProperties.DEVICE)))
                .forEach(e -> {
                    Object engine = e.getValue().get(EngineProperties.ENGINE);
                    Object device = e.getValue().getOrDefault(EngineProperties.DEVICE, EngineProperties.CPU);
                    try {
                        EngineInfo info = e.getKey().info();
                        table.row(engine, device, info.version(), String.join(",", info.devices()), info.threads());
                    } catch (RuntimeException | LinkageError failure) {
                        // One engine whose natives cannot load must not hide the others.
                        unavailable.add(engine + "/" + device);
                        table.row(engine, device, "unavailable: " + failure.getMessage());
                    }
                });
        table.print(context.out());
        return unavailable.isEmpty() ? 0 : 1;
    }
}
