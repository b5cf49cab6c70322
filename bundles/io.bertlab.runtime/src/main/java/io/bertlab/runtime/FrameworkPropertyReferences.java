package io.bertlab.runtime;

import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Replaces {@code ${name}} in configuration values by framework properties; an unknown name is an error. */
final class FrameworkPropertyReferences {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private FrameworkPropertyReferences() {
    }

    /**
     * Resolves every reference in a value.
     *
     * @param value the configured text
     * @param properties looks a property up, null when unset
     * @return the text with each reference replaced
     * @throws IllegalArgumentException naming the property when one is not set
     */
    static String resolve(String value, UnaryOperator<String> properties) {
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String replacement = properties.apply(matcher.group(1));
            if (replacement == null) {
                throw new IllegalArgumentException("'" + value + "' refers to the framework property "
                        + matcher.group(1) + ", which is not set");
            }
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        return matcher.appendTail(resolved).toString();
    }
}
