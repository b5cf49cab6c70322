package io.bertlab.api.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line of one command, so that every command spells options the same way:
 * {@code --name value}, {@code --name=value}, flags without a value, {@code --} to end options, and {@code -} as an
 * ordinary argument (standard input). Unknown options and missing values are {@link UsageException}s that name
 * the command and the option.
 */
public final class Arguments {

    private final String command;
    private final Map<String, List<String>> options;
    private final List<String> positional;

    private Arguments(String command, Map<String, List<String>> options, List<String> positional) {
        this.command = command;
        this.options = options;
        this.positional = positional;
    }

    /**
     * Parses arguments.
     *
     * @param command the command name, for messages
     * @param arguments the arguments after the command name
     * @param flags options that take no value, e.g. {@code --pair}
     * @param valued options that take a value, e.g. {@code --tokenizer}; they may repeat
     * @return the parsed arguments
     * @throws UsageException for an unknown option, a flag given a value, or a valued option without one
     */
    public static Arguments parse(String command, List<String> arguments, Set<String> flags, Set<String> valued)
            throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--")) {
                positional.addAll(arguments.subList(i + 1, arguments.size()));
                break;
            }
            if (!argument.startsWith("--") || argument.length() == 2) {
                positional.add(argument);
                continue;
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            if (flags.contains(name)) {
                if (equals >= 0) {
                    throw new UsageException(command + ": option " + name + " takes no value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else if (valued.contains(name)) {
                String value;
                if (equals >= 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < arguments.size() && !isOption(arguments.get(i + 1), flags, valued)) {
                    value = arguments.get(++i);
                } else {
                    throw new UsageException(command + ": option " + name + " needs a value");
                }
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            } else {
                // the dispatcher adds the hint to the command's --help, once for every usage error
                throw new UsageException(command + ": unknown option " + name);
            }
        }
        return new Arguments(command, options, Collections.unmodifiableList(positional));
    }

    /**
     * Whether an argument is one of the command's options: then it cannot be the value of the option before it
     * ({@code --show-merges --output x} lacks a number; it must not swallow {@code --output}).
     */
    private static boolean isOption(String argument, Set<String> flags, Set<String> valued) {
        int equals = argument.indexOf('=');
        String name = equals < 0 ? argument : argument.substring(0, equals);
        return flags.contains(name) || valued.contains(name);
    }

    /**
     * Whether a flag or valued option was given.
     *
     * @param option the option, with its leading {@code --}
     * @return true when present at least once
     */
    public boolean has(String option) {
        return options.containsKey(option);
    }

    /**
     * The last value of an option.
     *
     * @param option the option, with its leading {@code --}
     * @return its value, or empty when absent
     */
    public Optional<String> value(String option) {
        List<String> values = options.get(option);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /**
     * Every value of a repeatable option, in order.
     *
     * @param option the option, with its leading {@code --}
     * @return the values, empty when absent
     */
    public List<String> values(String option) {
        return Collections.unmodifiableList(options.getOrDefault(option, List.of()));
    }

    /**
     * An integer option.
     *
     * @param option the option, with its leading {@code --}
     * @param fallback the value when the option is absent
     * @return the parsed value
     * @throws UsageException when the value is not an integer
     */
    public int intValue(String option, int fallback) throws UsageException {
        Optional<String> value = value(option);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new UsageException(command + ": option " + option + " expects an integer, got '" + value.get() + "'");
        }
    }

    /**
     * A valued option that must be present.
     *
     * @param option the option, with its leading {@code --}
     * @return its value
     * @throws UsageException when absent
     */
    public String required(String option) throws UsageException {
        return value(option).orElseThrow(() -> new UsageException(command + ": option " + option + " is required"));
    }

    /**
     * The arguments that are not options, in order.
     *
     * @return an unmodifiable list
     */
    public List<String> positional() {
        return positional;
    }
}
