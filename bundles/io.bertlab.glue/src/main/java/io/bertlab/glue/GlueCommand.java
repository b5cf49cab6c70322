package io.bertlab.glue;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandContext;
import io.bertlab.api.command.CommandException;
import io.bertlab.api.model.ModelResolver;
import java.io.IOException;
import org.osgi.service.component.annotations.Reference;

/**
 * What every {@code glue-*} command shares: the installed tasks and metrics, the model resolver, and one rule for
 * failures (an {@link IOException} from data, models or files becomes exit status 1 with the command's name).
 */
abstract class GlueCommand implements Command {

    @Reference
    GlueServices services;

    @Reference
    ModelResolver resolver;

    private final String name;

    GlueCommand(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    @Override
    public final int run(CommandContext context) throws Exception {
        try {
            return execute(context);
        } catch (IOException e) {
            throw new CommandException(name + ": " + e.getMessage(), e);
        }
    }

    /** Runs the command; the streams and arguments are the context's. */
    abstract int execute(CommandContext context) throws Exception;
}
