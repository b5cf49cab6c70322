package io.bertlab.tokenizer.trainer;

import io.bertlab.api.command.TextLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Text files as a corpus: their lines, read lazily, each with its line ending kept as HuggingFace's
 * {@code train_from_files} keeps it (a SentencePiece-style pre-tokenizer sees the newline). Invalid UTF-8 stops the
 * iteration with an {@link UncheckedIOException} whose cause, a {@link io.bertlab.api.command.MalformedTextException},
 * names the file, the line and the byte offset.
 */
public final class CorpusFiles implements Iterable<String> {

    private final List<Path> files;
    /** Bytes of the files read to their end, and into the one being read: written by the iterating thread. */
    private volatile long finishedBytes;
    private volatile TextLines reading;

    /**
     * A corpus.
     *
     * @param files UTF-8 text files, read in order
     */
    public CorpusFiles(List<Path> files) {
        this.files = List.copyOf(files);
    }

    /**
     * How far the latest iteration has read, for progress (any thread may ask).
     *
     * @return bytes read, over all files
     */
    public long bytesRead() {
        TextLines current = reading;
        return finishedBytes + (current == null ? 0 : current.bytesRead());
    }

    /**
     * The corpus's size, for progress.
     *
     * @return the files' sizes summed
     * @throws IOException when a file's size cannot be read
     */
    public long totalBytes() throws IOException {
        long total = 0;
        for (Path file : files) {
            total += Files.size(file);
        }
        return total;
    }

    @Override
    public Iterator<String> iterator() {
        return new LineIterator();
    }

    /** Reads one file after the other; a line ends after {@code \n} or at the end of its file. */
    private final class LineIterator implements Iterator<String> {
        private int nextFile;
        private TextLines lines;
        private String next;

        @Override
        public boolean hasNext() {
            if (next == null) {
                next = readLine();
            }
            return next != null;
        }

        @Override
        public String next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            String result = next;
            next = null;
            return result;
        }

        private String readLine() {
            try {
                while (true) {
                    if (lines == null) {
                        if (nextFile == files.size()) {
                            return null;
                        }
                        if (nextFile == 0) {
                            finishedBytes = 0;
                        }
                        lines = TextLines.open(files.get(nextFile++));
                        reading = lines;
                    }
                    String line = lines.readLineWithEnding();
                    if (line != null) {
                        return line;
                    }
                    finishedBytes += lines.bytesRead();
                    reading = null;
                    lines.close();
                    lines = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
