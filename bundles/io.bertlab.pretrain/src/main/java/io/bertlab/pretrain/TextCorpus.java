package io.bertlab.pretrain;

import io.bertlab.api.pretrain.Corpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A {@link Corpus} of text files, one sentence per line and a blank line between documents, read with the rules of
 * {@link TokenizedCorpus} (Python's {@code strip}, documents running on across files, empty documents dropped) but
 * keeping the sentences as text, for the {@link io.bertlab.api.pretrain.PretrainingTask} services.
 */
public final class TextCorpus implements Corpus {

    private final List<List<String>> documents;

    private TextCorpus(List<List<String>> documents) {
        this.documents = documents;
    }

    /**
     * Reads files in order.
     *
     * @param files UTF-8 text files
     * @return the corpus
     * @throws IOException when a file cannot be read
     */
    public static TextCorpus read(List<Path> files) throws IOException {
        List<List<String>> documents = new ArrayList<>();
        documents.add(new ArrayList<>());
        for (Path file : files) {
            try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    String text = TokenizedCorpus.strip(line);
                    if (text.isEmpty()) {
                        documents.add(new ArrayList<>());
                    } else {
                        documents.get(documents.size() - 1).add(text);
                    }
                }
            }
        }
        List<List<String>> kept = new ArrayList<>();
        for (List<String> document : documents) {
            if (!document.isEmpty()) {
                kept.add(Collections.unmodifiableList(document));
            }
        }
        return new TextCorpus(kept);
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
