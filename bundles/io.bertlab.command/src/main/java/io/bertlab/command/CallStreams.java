package io.bertlab.command;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The streams one command call sees. They belong to the caller (the process, or a shell session that runs more
 * commands after this one), so closing them only flushes: a command that closes its output in a try-with-resources
 * must not silence the shell. Text is UTF-8 whatever the platform's default charset.
 */
final class CallStreams {

    private CallStreams() {
    }

    static PrintStream output(OutputStream owner) {
        return new PrintStream(new FilterOutputStream(owner) {
            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                out.write(bytes, offset, length);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, true, StandardCharsets.UTF_8);
    }

    static InputStream input(InputStream owner) {
        return new FilterInputStream(owner) {
            @Override
            public void close() {
                // the caller's stream: it stays open for whatever reads it next
            }
        };
    }
}
