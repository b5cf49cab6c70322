package io.bertlab.command;

import io.bertlab.api.command.CommandDispatcher;
import io.bertlab.api.runtime.LauncherProperties;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Function;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The door through which {@code bin/bertlab <command>} enters the framework. The launcher lives outside the
 * framework and cannot see bertlab's API classes, so this service speaks only JDK types: a
 * {@code Function<List<String>, Integer>} from command line to exit status, using the process's standard streams.
 */
@Component(service = Function.class, property = LauncherProperties.ENTRY_POINT + "=true")
public class LauncherEntryPoint implements Function<List<String>, Integer> {

    @Reference
    private CommandDispatcher dispatcher;

    @Override
    public Integer apply(List<String> commandLine) {
        return dispatcher.execute(commandLine, System.out, System.err, System.in,
                Paths.get(System.getProperty("user.dir")));
    }
}
