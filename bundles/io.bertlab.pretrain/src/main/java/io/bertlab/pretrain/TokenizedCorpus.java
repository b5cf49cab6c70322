package io.bertlab.pretrain;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Documents of tokenized sentences, read as Google's script reads its input: one sentence per line, a blank line
 * between documents. The files are streamed line by line and only token ids are kept (the text is not held).
 *
 * <p>Exactly as the script: lines end at {@code \n} only (as {@code tf.gfile} reads), bytes that are not UTF-8 are
 * dropped ({@code decode("utf-8", "ignore")}), a line is {@code strip()}ped of what Python calls whitespace, every
 * blank line starts a new document, a document runs on across files when no blank line separates them, lines that
 * tokenize to nothing are skipped, and empty documents are removed.
 */
public final class TokenizedCorpus {

    private final List<int[][]> documents;
    private final long lines;
    private final long blankLines;
    private final long bytes;
    private final long tokens;

    private TokenizedCorpus(List<int[][]> documents, long lines, long blankLines, long bytes, long tokens) {
        this.documents = documents;
        this.lines = lines;
        this.blankLines = blankLines;
        this.bytes = bytes;
        this.tokens = tokens;
    }

    /** Receives the progress of reading: files done and bytes read so far. */
    @FunctionalInterface
    public interface ReadProgress {
        /**
         * Called after each file.
         *
         * @param file the file just read
         * @param bytesSoFar bytes read in all files so far
         */
        void fileRead(Path file, long bytesSoFar);

        /**
         * Called after a file some of whose lines held bytes that are not UTF-8, which were dropped (as Google's
         * {@code convert_to_unicode} drops them), before {@link #fileRead} for that file.
         *
         * @param file the file
         * @param lines how many of its lines held such bytes
         * @param firstLine the first such line, from 1
         * @param firstByteOffset the file offset of its first such byte, from 0
         */
        default void invalidUtf8(Path file, long lines, long firstLine, long firstByteOffset) {
        }
    }

    /**
     * Reads and tokenizes files in order.
     *
     * @param files the input files
     * @param tokenize turns one stripped, non-blank line into token ids (without special tokens)
     * @param progress told after each file
     * @return the corpus
     * @throws IOException when a file cannot be read
     */
    public static TokenizedCorpus read(List<Path> files, Function<String, int[]> tokenize, ReadProgress progress)
            throws IOException {
        List<List<int[]>> documents = new ArrayList<>();
        documents.add(new ArrayList<>());
        long[] blank = {0};
        long[] linesAndBytes = forEachLine(files, line -> {
            if (addLine(documents, line, tokenize)) {
                blank[0]++;
            }
        }, progress);
        List<int[][]> kept = new ArrayList<>();
        long tokens = 0;
        for (List<int[]> document : documents) {
            if (!document.isEmpty()) {
                kept.add(document.toArray(new int[0][]));
                for (int[] sentence : document) {
                    tokens += sentence.length;
                }
            }
        }
        return new TokenizedCorpus(kept, linesAndBytes[0], blank[0], linesAndBytes[1], tokens);
    }

    /**
     * Streams the lines of files in order as the script reads them: ending at {@code \n} only, bytes that are not
     * UTF-8 dropped, not yet stripped.
     *
     * @param files the input files
     * @param handler receives each line
     * @param progress told after each file
     * @return the number of lines and of bytes read
     * @throws IOException when a file cannot be read
     */
    static long[] forEachLine(List<Path> files, Consumer<String> handler, ReadProgress progress) throws IOException {
        long lines = 0;
        long bytes = 0;
        LineDecoder decoder = new LineDecoder();
        LineBuffer line = new LineBuffer();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            decoder.startFile();
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    int from = 0;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            line.append(buffer, from, i - from);
                            bytes += line.size() + 1;
                            lines++;
                            handler.accept(decoder.decode(line));
                            line.reset();
                            from = i + 1;
                        }
                    }
                    line.append(buffer, from, n - from);
                }
                if (line.size() > 0) {
                    // a last line without its newline
                    bytes += line.size();
                    lines++;
                    handler.accept(decoder.decode(line));
                    line.reset();
                }
            }
            if (decoder.invalidLines > 0) {
                progress.invalidUtf8(file, decoder.invalidLines, decoder.firstInvalidLine, decoder.firstInvalidOffset);
            }
            progress.fileRead(file, bytes);
        }
        return new long[] {lines, bytes};
    }

    /**
     * Decodes a file's lines as UTF-8, dropping bytes that are not (Google's rule), and notes where the first such
     * byte was and how many lines held any.
     */
    private static final class LineDecoder {
        private final CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder();
        private final CharsetDecoder lenient = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.IGNORE).onUnmappableCharacter(CodingErrorAction.IGNORE);
        private CharBuffer chars = CharBuffer.allocate(4096);
        private long line;
        private long offset;
        long invalidLines;
        long firstInvalidLine;
        long firstInvalidOffset;

        void startFile() {
            line = 0;
            offset = 0;
            invalidLines = 0;
        }

        String decode(LineBuffer bytes) {
            line++;
            long lineStart = offset;
            offset += bytes.size() + 1;
            if (chars.capacity() < bytes.size()) {
                chars = CharBuffer.allocate(Math.max(bytes.size(), chars.capacity() * 2));
            }
            ByteBuffer in = ByteBuffer.wrap(bytes.data, 0, bytes.size);
            chars.clear();
            CoderResult result = strict.reset().decode(in, chars, true);
            if (!result.isError()) {
                result = strict.flush(chars);
            }
            if (!result.isError()) {
                return chars.flip().toString();
            }
            if (invalidLines++ == 0) {
                firstInvalidLine = line;
                firstInvalidOffset = lineStart + in.position();
            }
            try {
                return lenient.reset().decode(ByteBuffer.wrap(bytes.data, 0, bytes.size)).toString();
            } catch (CharacterCodingException e) {
                throw new IllegalStateException("ignoring decoder failed", e);
            }
        }
    }

    /** Adds one line; returns whether it was blank (a document break). */
    private static boolean addLine(List<List<int[]>> documents, String line, Function<String, int[]> tokenize) {
        String text = strip(line);
        if (text.isEmpty()) {
            documents.add(new ArrayList<>());
            return true;
        }
        int[] ids = tokenize.apply(text);
        if (ids.length > 0) {
            documents.get(documents.size() - 1).add(ids);
        }
        return false;
    }

    /** The bytes of the current line, growing as needed. */
    private static final class LineBuffer {
        private byte[] data = new byte[4096];
        private int size;

        void append(byte[] source, int from, int length) {
            if (size + length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, size + length));
            }
            System.arraycopy(source, from, data, size, length);
            size += length;
        }

        int size() {
            return size;
        }

        void reset() {
            size = 0;
        }
    }

    /**
     * Python's {@code str.strip()}: removes leading and trailing characters for which {@code str.isspace()} holds.
     *
     * @param text the text
     * @return the stripped text
     */
    public static String strip(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isPythonSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isPythonSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    /**
     * Python's {@code str.isspace()} for one character: the Unicode bidirectional classes WS, B and S and the
     * category Zs (which includes U+001C..U+001F, U+0085 and U+00A0, unlike Java's {@code isWhitespace}).
     *
     * @param c a character (all such characters are in the Basic Multilingual Plane)
     * @return whether Python counts it as whitespace
     */
    public static boolean isPythonSpace(char c) {
        return switch (c) {
            case '\t', '\n', 0x0b, '\f', '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029,
                    0x202f, 0x205f, 0x3000 -> true;
            default -> c >= 0x2000 && c <= 0x200a;
        };
    }

    /** @return the documents (not empty ones), each a non-empty array of non-empty sentences */
    public List<int[][]> documents() {
        return Collections.unmodifiableList(documents);
    }

    /** @return the number of documents */
    public int documentCount() {
        return documents.size();
    }

    /** @return the lines read */
    public long lines() {
        return lines;
    }

    /** @return the blank lines read, the document breaks */
    public long blankLines() {
        return blankLines;
    }

    /** @return the bytes read */
    public long bytes() {
        return bytes;
    }

    /** @return the tokens kept */
    public long tokens() {
        return tokens;
    }
}
