package io.bertlab.command;

import io.bertlab.api.command.Command;
import io.bertlab.api.command.CommandException;
import org.osgi.service.component.ComponentServiceObjects;

/**
 * One registered command, obtained from the framework the first time it is run or asked for its help. Declarative
 * Services activates a command's component, and whatever that component references, only then: a one-line command
 * does not pay for activating every other command of its features (the trainers behind {@code train-tokenizer}
 * when the command is {@code tokenize}).
 */
final class CommandService {

    private final ComponentServiceObjects<Command> objects;
    private Command command;

    CommandService(ComponentServiceObjects<Command> objects) {
        this.objects = objects;
    }

    /**
     * The command object, activated on first use.
     *
     * @return the command
     * @throws CommandException when its component cannot be activated (the framework has logged why)
     */
    synchronized Command get() throws CommandException {
        if (command == null) {
            command = objects.getService();
            if (command == null) {
                throw new CommandException("the command's component could not be activated (a service it needs is"
                        + " missing or its activation failed; see the error above or 'bertlab features')");
            }
        }
        return command;
    }

    /** Gives the command object back to the framework, if it was obtained. */
    synchronized void release() {
        if (command != null) {
            objects.ungetService(command);
            command = null;
        }
    }
}
