package io.bertlab.api.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The service properties that describe a {@link Command}, as a Declarative Services component property type:
 *
 * <pre>
 * &#64;Component(service = Command.class)
 * &#64;CommandProperties(name = "tokenize", summary = "Turn text into BERT inputs")
 * public class TokenizeCommand implements Command { ... }
 * </pre>
 *
 * yields the service properties {@value #NAME} and {@value #SUMMARY}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CommandProperties {

    /** Prefix that Declarative Services puts before each element name. */
    String PREFIX_ = "bertlab.command.";

    /** Service property holding the command name. */
    String NAME = "bertlab.command.name";

    /** Service property holding the one-line summary. */
    String SUMMARY = "bertlab.command.summary";

    /**
     * The name people type: lower case words joined by hyphens, e.g. {@code compare-tokenizers}.
     *
     * @return the command name
     */
    String name();

    /**
     * One line, shown in command listings.
     *
     * @return the summary
     */
    String summary();
}
