package io.bertlab.pretrain;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.pretrain.PretrainingTask;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link PretrainingTask} services a command has bound, by their {@value PretrainingTask#TASK} property (the
 * task's own name when the property is missing), as they come and go.
 */
public final class InstalledTasks {

    private final Map<String, PretrainingTask> tasks = new ConcurrentHashMap<>();

    /**
     * Adds a service.
     *
     * @param task the service
     * @param properties its service properties
     */
    public void add(PretrainingTask task, Map<String, Object> properties) {
        Object name = properties.get(PretrainingTask.TASK);
        tasks.put(name == null ? task.name() : String.valueOf(name), task);
    }

    /**
     * Adds tasks outside OSGi.
     *
     * @param byName the tasks by name
     */
    public void addAll(Map<String, PretrainingTask> byName) {
        tasks.putAll(byName);
    }

    /**
     * Removes a service that went away.
     *
     * @param task the service
     */
    public void remove(PretrainingTask task) {
        tasks.values().remove(task);
    }

    /**
     * The task names of an option's value.
     *
     * @param list comma-separated names, e.g. {@code mlm,nsp}
     * @return the names, stripped, without empty ones or repeats, in order
     */
    public static List<String> names(String list) {
        return Arrays.stream(list.split(",")).map(String::strip).filter(name -> !name.isEmpty()).distinct().toList();
    }

    /**
     * The tasks chosen by name, in the order given.
     *
     * @param command the command, for messages
     * @param names the names, e.g. from {@code --tasks mlm,nsp}
     * @return the tasks by name
     * @throws CommandException naming the task that is not installed, and those that are
     */
    public Map<String, PretrainingTask> choose(String command, List<String> names) throws CommandException {
        Map<String, PretrainingTask> chosen = new LinkedHashMap<>();
        for (String name : names) {
            PretrainingTask task = tasks.get(name);
            if (task == null) {
                throw new CommandException(command + ": no pre-training task '" + name + "' is installed (installed: "
                        + String.join(", ", new TreeSet<>(tasks.keySet())) + ")");
            }
            chosen.put(name, task);
        }
        return chosen;
    }
}
