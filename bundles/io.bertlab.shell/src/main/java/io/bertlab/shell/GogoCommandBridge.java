package io.bertlab.shell;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandDispatcher;
import io.bertlab.api.command.CommandProperties;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.Function;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Follows the {@link Command} services and publishes each one to Gogo as {@code bertlab:<name>}, so the shell
 * always offers exactly the commands in the registry, hot-deployed ones included.
 */
@Component
public class GogoCommandBridge {

    static final String SCOPE = "bertlab";
    static final String HELP = "help";

    private final Map<String, ServiceRegistration<Function>> published = new ConcurrentHashMap<>();
    /** How many command services currently claim each name; the Gogo function lives while one does. */
    private final Map<String, Integer> claims = new ConcurrentHashMap<>();
    private final BundleContext context;
    private final CommandDispatcher dispatcher;

    @Activate
    public GogoCommandBridge(BundleContext context, @Reference CommandDispatcher dispatcher) {
        this.context = context;
        this.dispatcher = dispatcher;
        // help is built into the dispatcher, not a Command service, yet listed with the others: publish it too
        claims.put(HELP, 1);
        published.put(HELP, publish(HELP));
    }

    @Reference(service = Command.class, cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addCommand(Map<String, Object> properties) {
        Object name = properties.get(CommandProperties.NAME);
        if (name != null) {
            claims.merge(name.toString(), 1, Integer::sum);
            published.computeIfAbsent(name.toString(), this::publish);
        }
    }

    void removeCommand(Map<String, Object> properties) {
        Object name = properties.get(CommandProperties.NAME);
        if (name != null && claims.merge(name.toString(), -1, Integer::sum) <= 0) {
            claims.remove(name.toString());
            ServiceRegistration<Function> registration = published.remove(name.toString());
            if (registration != null) {
                registration.unregister();
            }
        }
    }

    private ServiceRegistration<Function> publish(String name) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(CommandProcessor.COMMAND_SCOPE, SCOPE);
        properties.put(CommandProcessor.COMMAND_FUNCTION, new String[] {name});
        return context.registerService(Function.class, new GogoFunction(name, dispatcher), properties);
    }

    @Deactivate
    void deactivate() {
        published.values().forEach(registration -> {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework is stopping and has unregistered it already
            }
        });
        published.clear();
    }
}
