package io.bertlab.tokenizer.trainer;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TrainingResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A trained tokenizer as {@code tokenizer.json} text, read back through the tokenizer loader. */
final class TrainedTokenizer implements TrainingResult {

    private final String json;
    private final Tokenizer tokenizer;
    private final List<Merge> merges;

    private TrainedTokenizer(String json, Tokenizer tokenizer, List<Merge> merges) {
        this.json = json;
        this.tokenizer = tokenizer;
        this.merges = List.copyOf(merges);
    }

    /**
     * Reads the trained file back, so that the tokenizer returned is exactly what the saved file gives.
     *
     * @param json the {@code tokenizer.json} text
     * @param loader the loader with the model plugins
     * @param merges the merges learned, in order (none for models without merges)
     * @return the result
     */
    static TrainedTokenizer of(String json, TokenizerLoader loader, List<Merge> merges) {
        try {
            Path file = Files.createTempFile("bertlab-trained-", ".json");
            try {
                Files.writeString(file, json, StandardCharsets.UTF_8);
                return new TrainedTokenizer(json, loader.load(file), merges);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the trained tokenizer cannot be read back: " + e.getMessage(), e);
        }
    }

    /** @return the {@code tokenizer.json} text */
    String json() {
        return json;
    }

    @Override
    public List<Merge> merges() {
        return merges;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public void save(Path file) throws IOException {
        Files.writeString(file, json, StandardCharsets.UTF_8);
    }
}
