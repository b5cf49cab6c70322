package io.bertlab.shell;

import io.bertlab.api.command.TextLines;
import io.bertlab.api.runtime.LauncherProperties;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code bertlab shell}: the launcher calls this once every chosen feature has started (so the first line typed finds
 * every command), and it runs the {@link ShellConsole} on the process's own terminal until the user leaves.
 */
@Component(service = IntSupplier.class, property = LauncherProperties.CONSOLE + "=true")
public class ConsoleComponent implements IntSupplier {

    /** Gogo's own commands first, then the framework's, then any scope (bertlab:NAME is always reachable so). */
    static final String SCOPE = "gogo:felix:*";

    private final BundleContext context;
    private final CommandProcessor processor;

    @Activate
    public ConsoleComponent(BundleContext context, @Reference CommandProcessor processor) {
        this.context = context;
        this.processor = processor;
    }

    @Override
    public int getAsInt() {
        // the file descriptors themselves, as Gogo's console uses them: System.out and System.err are Gogo's
        // per-thread streams here, which a session cannot write into without writing into itself
        FileInputStream stdin = new FileInputStream(FileDescriptor.in);
        FileOutputStream stdout = new FileOutputStream(FileDescriptor.out);
        FileOutputStream stderr = new FileOutputStream(FileDescriptor.err);
        CommandSession session = processor.createSession(stdin, stdout, stderr);
        try {
            session.put("SCOPE", SCOPE);
            return new ShellConsole(session, TextLines.withoutReadAhead(stdin, TextLines.STANDARD_INPUT),
                    new PrintStream(stdout, true, StandardCharsets.UTF_8),
                    new PrintStream(stderr, true, StandardCharsets.UTF_8), this::frameworkRunning).run();
        } finally {
            session.close();
        }
    }

    private boolean frameworkRunning() {
        try {
            return context.getBundle(0).getState() == Bundle.ACTIVE;
        } catch (IllegalStateException stopped) {
            return false; // this bundle's context is gone: the framework is stopping
        }
    }
}
