package io.bertlab.example.greeter;

import io.bertlab.api.command.Arguments;
import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandProperties;
import java.util.List;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * {@code bertlab hello [NAME...]}: greets. Its greeting comes from ConfigAdmin (PID
 * {@code io.bertlab.example.greeter}), e.g. from {@code deploy/io.bertlab.example.greeter.cfg}.
 */
@Component(service = Command.class, configurationPid = GreeterCommand.PID)
@CommandProperties(name = "hello", summary = "Greet (the example plugin of src-docs/writing-a-plugin.md)")
@Designate(ocd = GreeterCommand.Config.class)
public class GreeterCommand implements Command {

    static final String PID = "io.bertlab.example.greeter";

    @ObjectClassDefinition(name = "bertlab greeter", description = "The example plugin's settings")
    public @interface Config {
        @AttributeDefinition(description = "The word said before each name")
        String greeting() default "Hello";
    }

    private volatile String greeting;

    @Activate
    @Modified
    void configure(Config config) {
        greeting = config.greeting();
    }

    @Override
    public String help() {
        return String.join("\n",
                "Usage: bertlab hello [--shout] [NAME...]",
                "",
                "Prints '<greeting>, NAME!' for each NAME (default: world). The greeting is configured by",
                "ConfigAdmin PID " + PID + ", property 'greeting' (default Hello).",
                "",
                "Options:",
                "  --shout   upper-case the output",
                "",
                "Example: bertlab hello Ana Bruno");
    }

    @Override
    public int run(CommandContext context) throws Exception {
        Arguments arguments = Arguments.parse("hello", context.arguments(), Set.of("--shout"), Set.of());
        List<String> names = arguments.positional().isEmpty() ? List.of("world") : arguments.positional();
        for (String name : names) {
            String line = greeting + ", " + name + "!";
            context.out().println(arguments.has("--shout") ? line.toUpperCase(java.util.Locale.ROOT) : line);
        }
        return 0;
    }
}
