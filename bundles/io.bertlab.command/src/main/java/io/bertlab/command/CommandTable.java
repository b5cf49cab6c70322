package io.bertlab.command;

import io.bertlab.api.command.CommandProperties;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.osgi.framework.Constants;

/**
 * The registered commands. When two services claim one name, the higher {@code service.ranking} wins (then the
 * older service), as the framework itself orders services, so a plugin can replace a command by out-ranking it.
 */
final class CommandTable {

    record Entry(String name, String summary, int ranking, long serviceId, CommandService command) {
    }

    private static final Comparator<Entry> PREFERRED_FIRST = Comparator.comparing(Entry::name)
            .thenComparing(Comparator.comparingInt(Entry::ranking).reversed())
            .thenComparingLong(Entry::serviceId);

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(CommandService command, Map<String, Object> properties) {
        Object name = properties.get(CommandProperties.NAME);
        if (name == null) {
            return; // not addressable by name; nothing can run it
        }
        Object summary = properties.getOrDefault(CommandProperties.SUMMARY, "");
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        entries.add(new Entry(name.toString(), summary.toString(),
                ranking instanceof Integer ? (Integer) ranking : 0, serviceId(properties), command));
    }

    /** Removes the command of that service, releasing its object. */
    void remove(Map<String, Object> properties) {
        long serviceId = serviceId(properties);
        for (Entry entry : entries) {
            if (entry.serviceId() == serviceId) {
                entries.remove(entry);
                entry.command().release();
            }
        }
    }

    private static long serviceId(Map<String, Object> properties) {
        return ((Number) properties.getOrDefault(Constants.SERVICE_ID, 0L)).longValue();
    }

    /** The preferred command of that name, or {@code null}. */
    Entry find(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).min(PREFERRED_FIRST).orElse(null);
    }

    List<Entry> entries() {
        return entries.stream().sorted(PREFERRED_FIRST).collect(Collectors.toList());
    }
}
