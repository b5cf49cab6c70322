package io.bertlab.pretrain;

import io.bertlab.api.pretrain.Corpus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Corpus} of text files, one sentence per line and a blank line between documents, read with the rules of
 * {@link TokenizedCorpus} (Python's {@code strip}, documents running on across files, empty documents dropped) but
 * keeping the sentences as text, for the {@link io.bertlab.api.pretrain.PretrainingTask} services ({@link TaskInstances}).
 */
public final class TextCorpus implements Corpus {

    private final List<List<String>> documents;
    private final long lines;
    private final long bytes;

    private TextCorpus(List<List<String>> documents, long lines, long bytes) {
        this.documents = documents;
        this.lines = lines;
        this.bytes = bytes;
    }

    /**
     * Reads files in order.
     *
     * @param files text files, read as {@link TokenizedCorpus} reads them (bytes that are not UTF-8 dropped)
     * @return the corpus
     * @throws IOException when a file cannot be read
     */
    public static TextCorpus read(List<Path> files) throws IOException {
        return read(files, (file, bytes) -> {
        });
    }

    /**
     * Reads files in order, telling progress.
     *
     * @param files text files, read as {@link TokenizedCorpus} reads them (bytes that are not UTF-8 dropped)
     * @param progress told after each file
     * @return the corpus
     * @throws IOException when a file cannot be read
     */
    public static TextCorpus read(List<Path> files, TokenizedCorpus.ReadProgress progress) throws IOException {
        List<List<String>> documents = new ArrayList<>();
        documents.add(new ArrayList<>());
        long[] linesAndBytes = TokenizedCorpus.forEachLine(files, line -> {
            String text = TokenizedCorpus.strip(line);
            if (text.isEmpty()) {
                documents.add(new ArrayList<>());
            } else {
                documents.get(documents.size() - 1).add(text);
            }
        }, progress);
        List<List<String>> kept = new ArrayList<>();
        for (List<String> document : documents) {
            if (!document.isEmpty()) {
                kept.add(Collections.unmodifiableList(document));
            }
        }
        return new TextCorpus(kept, linesAndBytes[0], linesAndBytes[1]);
    }

    /** @return the lines read */
    public long lines() {
        return lines;
    }

    /** @return the bytes read */
    public long bytes() {
        return bytes;
    }

    @Override
    public int documentCount() {
        return documents.size();
    }

    @Override
    public List<String> document(int index) {
        return documents.get(index);
    }
}
