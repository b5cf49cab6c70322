package io.bertlab.tokenizer.sentencepiece;

import io.bertlab.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every SentencePiece {@code .model} of the shared data with its {@code tokenizer.json} twin: the one in the same
 * model folder, or for models whose folder has none (albert-base-v2) the committed one under
 * {@code testdata/references/tokenizers/<folder>/}.
 */
final class ModelTwins {

    /**
     * The tokenizer class of each shared model, for the folders without a {@code tokenizer_config.json} (the
     * ALBERT and XLNet hub repositories have none; transformers takes the class from the model type there).
     */
    private static final Map<String, String> CLASSES = Map.of("albert-base-v2", "AlbertTokenizer",
            "xlnet-base-cased", "XLNetTokenizer");

    /**
     * A model and its twin.
     *
     * @param name the model folder's name, e.g. {@code t5-small}
     * @param model the {@code .model} file
     * @param twin the {@code tokenizer.json} HF's converter made from it
     */
    record Twin(String name, Path model, Path twin) {

        /**
         * The {@code tokenizer_config.json} text to put beside the model: the shared one, or one naming the class
         * with its default settings.
         *
         * @return the JSON text
         * @throws IOException when the shared file cannot be read
         */
        String tokenizerConfig() throws IOException {
            Path beside = model.resolveSibling(TokenizerClass.CONFIG_FILE);
            if (Files.isRegularFile(beside)) {
                return Files.readString(beside);
            }
            String tokenizerClass = CLASSES.get(name);
            if (tokenizerClass == null) {
                throw new IllegalStateException("no tokenizer_config.json beside " + model + " and no class known for "
                        + name);
            }
            return "{\"tokenizer_class\": \"" + tokenizerClass + "\"}";
        }
    }

    private ModelTwins() {
    }

    /**
     * All of them, sorted by folder.
     *
     * @return the models and twins
     */
    static List<Twin> all() {
        Path root = SharedData.require("tokenizers");
        try (Stream<Path> files = Files.walk(root, 2)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".model")).sorted()
                    .map(ModelTwins::twinOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(root.toString(), e);
        }
    }

    private static Twin twinOf(Path model) {
        String name = model.getParent().getFileName().toString();
        Path beside = model.resolveSibling("tokenizer.json");
        Path twin = Files.isRegularFile(beside) ? beside
                : SharedData.reference("tokenizers/" + name + "/tokenizer.json");
        return new Twin(name, model, twin);
    }
}
