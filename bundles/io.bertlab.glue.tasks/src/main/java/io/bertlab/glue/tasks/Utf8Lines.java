package io.bertlab.glue.tasks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lines of a UTF-8 file, each decoded on its own so that one undecodable line becomes a reported problem
 * while every other line still loads. A {@code Reader} over the whole stream cannot do that: with
 * {@link CodingErrorAction#REPORT} it throws and loses the rest of the file, and with {@code REPLACE} it hides the
 * damage.
 *
 * <p>Lines end at {@code '\n'} only (GLUE's files are written on Unix; a {@code '\r'} before it is dropped so that a
 * file saved on Windows still reads). A final line without {@code '\n'} is a line; the empty string after a final
 * {@code '\n'} is not.
 */
final class Utf8Lines implements Closeable {

    private final InputStream in;
    private final byte[] chunk = new byte[1 << 16];
    private int chunkPosition;
    private int chunkLimit;

    private byte[] line = new byte[256];
    private int lineLength;
    private CharBuffer chars = CharBuffer.allocate(256);

    // A fresh decoder per line would be simpler but allocates per line; reset() gives the same isolation.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);

    private long number;
    /** Bytes consumed so far, and the offset of the current line's first byte, for messages. */
    private long consumed;
    private long lineStart;
    private String text;
    private String error;

    /**
     * Reads lines from a stream, which {@link #close()} closes.
     *
     * @param in the bytes of the file
     */
    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /**
     * Moves to the next line.
     *
     * @return false at the end of the file
     * @throws IOException when the stream cannot be read
     */
    boolean next() throws IOException {
        lineLength = 0;
        lineStart = consumed;
        boolean started = false;
        while (true) {
            if (chunkPosition == chunkLimit) {
                int read = in.read(chunk);
                if (read < 0) {
                    if (!started) {
                        return false;
                    }
                    break;
                }
                chunkPosition = 0;
                chunkLimit = read;
                continue;
            }
            started = true;
            int start = chunkPosition;
            while (chunkPosition < chunkLimit && chunk[chunkPosition] != '\n') {
                chunkPosition++;
            }
            append(start, chunkPosition - start);
            if (chunkPosition < chunkLimit) {
                chunkPosition++; // the '\n' itself
                consumed++;
                break;
            }
        }
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        number++;
        decode();
        return true;
    }

    /** @return the current line's 1-based number */
    long number() {
        return number;
    }

    /** @return the current line's text without its line end, or {@code null} when it is not valid UTF-8 */
    String text() {
        return text;
    }

    /**
     * @return why the current line could not be decoded, e.g. {@code byte offset 27: invalid UTF-8 (0xC3)} (the
     *         offset counted from the start of the file, from 0), or {@code null} when it could
     */
    String error() {
        return error;
    }

    private String hex(int from, int to) {
        StringBuilder hex = new StringBuilder();
        for (int i = from; i < to; i++) {
            hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", line[i] & 0xFF));
        }
        return hex.toString();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void append(int start, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(chunk, start, line, lineLength, length);
        lineLength += length;
        consumed += length;
    }

    private void decode() {
        // UTF-8 never decodes to more chars than it has bytes.
        if (chars.capacity() < lineLength) {
            chars = CharBuffer.allocate(Math.max(chars.capacity() * 2, lineLength));
        }
        chars.clear();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            result = decoder.flush(chars);
        }
        if (result.isError()) {
            text = null;
            // Worded as io.bertlab.api.command.MalformedTextException words it, the line being the problem's.
            int bad = bytes.position();
            error = "byte offset " + (lineStart + bad) + ": invalid UTF-8 ("
                    + hex(bad, Math.min(lineLength, bad + Math.max(result.length(), 1))) + ")";
        } else {
            chars.flip();
            text = chars.toString();
            error = null;
        }
    }
}
