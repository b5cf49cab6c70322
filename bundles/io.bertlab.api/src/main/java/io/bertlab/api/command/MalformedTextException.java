package io.bertlab.api.command;

import java.io.IOException;

/**
 * Text that is not valid UTF-8. The message names the source (a file, or standard input), the line and the byte
 * offset of the first invalid byte, so the user can find it: {@code corpus.txt: line 3, byte offset 24: invalid UTF-8
 * (0xC3 0x28)}.
 */
public class MalformedTextException extends IOException {

    /** Serialization version. */
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long byteOffset;
    private final String bytes;

    /**
     * Invalid bytes.
     *
     * @param source the file or stream, as messages name it
     * @param line the line, from 1
     * @param byteOffset the offset of the first invalid byte from the start of the source, from 0
     * @param bytes the invalid bytes, written out for the message
     */
    public MalformedTextException(String source, long line, long byteOffset, String bytes) {
        super(source + ": line " + line + ", byte offset " + byteOffset + ": invalid UTF-8 (" + bytes + ")");
        this.source = source;
        this.line = line;
        this.byteOffset = byteOffset;
        this.bytes = bytes;
    }

    /** @return the file or stream, as messages name it */
    public String source() {
        return source;
    }

    /** @return the line, from 1 */
    public long line() {
        return line;
    }

    /** @return the offset of the first invalid byte from the start of the source, from 0 */
    public long byteOffset() {
        return byteOffset;
    }

    /** @return the invalid bytes, written out, e.g. {@code 0xC3} */
    public String bytes() {
        return bytes;
    }
}
