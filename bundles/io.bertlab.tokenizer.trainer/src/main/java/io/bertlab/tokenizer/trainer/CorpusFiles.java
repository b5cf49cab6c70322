package io.bertlab.tokenizer.trainer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * Text files as a corpus: their lines, read lazily, each with its line ending kept as HuggingFace's
 * {@code train_from_files} keeps it (a SentencePiece-style pre-tokenizer sees the newline).
 */
public final class CorpusFiles implements Iterable<String> {

    private final List<Path> files;

    /**
     * A corpus.
     *
     * @param files UTF-8 text files, read in order
     */
    public CorpusFiles(List<Path> files) {
        this.files = List.copyOf(files);
    }

    @Override
    public Iterator<String> iterator() {
        return new LineIterator();
    }

    /** Reads one file after the other; a line ends after {@code \n} or at the end of its file. */
    private final class LineIterator implements Iterator<String> {
        private int nextFile;
        private BufferedReader reader;
        private String next;
        private final StringBuilder line = new StringBuilder();

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
                    if (reader == null) {
                        if (nextFile == files.size()) {
                            return null;
                        }
                        reader = Files.newBufferedReader(files.get(nextFile++), StandardCharsets.UTF_8);
                    }
                    line.setLength(0);
                    int c;
                    while ((c = reader.read()) >= 0) {
                        line.append((char) c);
                        if (c == '\n') {
                            return line.toString();
                        }
                    }
                    reader.close();
                    reader = null;
                    if (line.length() > 0) {
                        return line.toString();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read corpus file " + files.get(nextFile - 1), e);
            }
        }
    }
}
