package io.bertlab.api.command;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lines of strict UTF-8 text from a file or a stream: the one way commands read text, so that every command reports
 * invalid bytes the same way, naming the source, the line and the byte offset ({@link MalformedTextException}),
 * instead of replacing them silently. A line ends after {@code \n}; {@code \r\n} counts as one ending.
 */
public final class TextLines implements Closeable {

    /** How messages name standard input. */
    public static final String STANDARD_INPUT = "standard input";

    private static final int READ_AHEAD = 64 * 1024;

    private final InputStream in;
    private final String source;
    private final int chunk;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] buffer;
    private int start;
    private int end;
    private boolean exhausted;
    private long lineNumber;
    /** Offset in the source of {@code buffer[start]}. */
    private long offset;
    private CharBuffer chars = CharBuffer.allocate(256);

    private TextLines(InputStream in, String source, int chunk) {
        this.in = in;
        this.source = source;
        this.chunk = chunk;
        this.buffer = new byte[Math.max(chunk, 256)];
    }

    /**
     * Opens a file.
     *
     * @param file a UTF-8 text file, named in messages as given
     * @return its lines
     * @throws IOException when it cannot be opened
     */
    public static TextLines open(Path file) throws IOException {
        return new TextLines(Files.newInputStream(file), file.toString(), READ_AHEAD);
    }

    /**
     * Lines of a stream, read ahead in large chunks.
     *
     * @param in the stream, closed by {@link #close()}
     * @param source how messages name it, e.g. {@link #STANDARD_INPUT}
     * @return its lines
     */
    public static TextLines of(InputStream in, String source) {
        return new TextLines(in, source, READ_AHEAD);
    }

    /**
     * Lines of a stream that others read too (a console shared with the commands it runs): never reads past the end
     * of the line asked for, so the next reader finds the stream exactly where this line ended.
     *
     * @param in the stream, closed by {@link #close()}
     * @param source how messages name it
     * @return its lines
     */
    public static TextLines withoutReadAhead(InputStream in, String source) {
        return new TextLines(in, source, 1);
    }

    /**
     * Every line of a file.
     *
     * @param file a UTF-8 text file
     * @return its lines, without line endings
     * @throws IOException when it cannot be read; a {@link MalformedTextException} for invalid UTF-8
     */
    public static List<String> readAll(Path file) throws IOException {
        try (TextLines lines = open(file)) {
            return lines.readAll();
        }
    }

    /**
     * A whole file as text, line endings kept.
     *
     * @param file a UTF-8 text file
     * @return its text
     * @throws IOException when it cannot be read; a {@link MalformedTextException} for invalid UTF-8
     */
    public static String readText(Path file) throws IOException {
        StringBuilder text = new StringBuilder();
        try (TextLines lines = open(file)) {
            for (String line = lines.readLineWithEnding(); line != null; line = lines.readLineWithEnding()) {
                text.append(line);
            }
        }
        return text.toString();
    }

    /**
     * Every remaining line.
     *
     * @return the lines, without line endings
     * @throws IOException when the source cannot be read; a {@link MalformedTextException} for invalid UTF-8
     */
    public List<String> readAll() throws IOException {
        List<String> lines = new ArrayList<>();
        for (String line = readLine(); line != null; line = readLine()) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * The next line without its ending.
     *
     * @return the line, or {@code null} at the end of the source
     * @throws IOException when the source cannot be read; a {@link MalformedTextException} for invalid UTF-8
     */
    public String readLine() throws IOException {
        return next(false);
    }

    /**
     * The next line with its ending, as HuggingFace's trainers read corpus files.
     *
     * @return the line, or {@code null} at the end of the source
     * @throws IOException when the source cannot be read; a {@link MalformedTextException} for invalid UTF-8
     */
    public String readLineWithEnding() throws IOException {
        return next(true);
    }

    /** @return the number of the line last returned (1 for the first) */
    public long lineNumber() {
        return lineNumber;
    }

    /**
     * How far into the source the lines returned so far reach, in bytes: a reader's progress through a file whose
     * size is known.
     *
     * @return the bytes up to the end of the line last returned (its ending included)
     * @since 1.3
     */
    public long bytesRead() {
        return offset;
    }

    /** @return how messages name the source */
    public String source() {
        return source;
    }

    private String next(boolean keepEnding) throws IOException {
        int newline = findNewline();
        if (newline < 0 && start == end) {
            return null;
        }
        int lineEnd = newline < 0 ? end : newline + 1;
        lineNumber++;
        int contentEnd = lineEnd;
        if (!keepEnding && newline >= 0) {
            contentEnd = newline > start && buffer[newline - 1] == '\r' ? newline - 1 : newline;
        }
        int lineStart = start;
        long lineOffset = offset;
        // past the line before decoding it: after an invalid line, the next call reads the line after it
        offset += lineEnd - start;
        start = lineEnd;
        return decode(lineStart, contentEnd, lineOffset);
    }

    /** The index of the next {@code \n}, reading more as needed; -1 when the source ends first. */
    private int findNewline() throws IOException {
        int searched = 0; // relative to start, which fill() moves
        while (true) {
            for (int i = start + searched; i < end; i++) {
                if (buffer[i] == '\n') {
                    return i;
                }
            }
            searched = end - start;
            if (exhausted || !fill()) {
                return -1;
            }
        }
    }

    private boolean fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        int read = in.read(buffer, end, Math.min(chunk, buffer.length - end));
        if (read < 0) {
            exhausted = true;
            return false;
        }
        end += read;
        return true;
    }

    private String decode(int from, int to, long fromOffset) throws MalformedTextException {
        ByteBuffer bytes = ByteBuffer.wrap(buffer, from, to - from);
        if (chars.capacity() < to - from) {
            chars = CharBuffer.allocate(to - from);
        }
        chars.clear();
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            int bad = bytes.position();
            throw new MalformedTextException(source, lineNumber, fromOffset + bad - from,
                    hex(buffer, bad, Math.min(to, bad + Math.max(result.length(), 1))));
        }
        return chars.flip().toString();
    }

    private static String hex(byte[] bytes, int from, int to) {
        StringBuilder text = new StringBuilder();
        for (int i = from; i < to; i++) {
            text.append(text.length() == 0 ? "" : " ").append(String.format("0x%02X", bytes[i] & 0xFF));
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
