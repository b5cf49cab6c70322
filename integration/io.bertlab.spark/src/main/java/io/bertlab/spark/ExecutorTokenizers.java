package io.bertlab.spark;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.core.BertlabTokenizerLoader;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.spi.TokenizerFileFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The tokenizers of this JVM, one per file and loader options, read by bertlab's own loader as in OSGi: the model
 * plugins (WordPiece, BPE, Unigram) and any extra file formats are found with {@link ServiceLoader} on the class
 * path, where OSGi would bind them as services. Tokenizers are thread-safe, so tasks share them.
 */
final class ExecutorTokenizers {

    /**
     * @param file the absolute, normalised tokenizer file
     * @param options the loader's options ({@code lowercase} for a {@code vocab.txt}, {@code merges})
     */
    record Key(String file, Map<String, String> options) {
    }

    private static final ExecutorCache<Key, Tokenizer> TOKENIZERS = new ExecutorCache<>(ExecutorTokenizers::read);

    private ExecutorTokenizers() {
    }

    /**
     * The tokenizer of a file, loading it if this JVM has not.
     *
     * @throws LoadException naming the file and the host when it cannot be read or is not a tokenizer
     */
    static Tokenizer get(String file, Map<String, String> options) {
        return TOKENIZERS.get(new Key(Path.of(file).toAbsolutePath().normalize().toString(), Map.copyOf(options)));
    }

    /** The same, for a path already resolved. */
    static Tokenizer load(Path file, Map<String, String> options) {
        return get(file.toString(), options);
    }

    private static Tokenizer read(Key key) {
        Path file = Path.of(key.file());
        if (!Files.isRegularFile(file)) {
            throw new LoadException("tokenizer", file.toString(), Files.exists(file) ? "not a file" : "no such file",
                    null);
        }
        ClassLoader classes = ExecutorTokenizers.class.getClassLoader();
        List<TokenizerFileFormat> formats = ServiceLoader.load(TokenizerFileFormat.class, classes).stream()
                .map(ServiceLoader.Provider::get).toList();
        BertlabTokenizerLoader loader = new BertlabTokenizerLoader(ModelRegistry.discover(classes), formats);
        try {
            return loader.load(file, key.options());
        } catch (IOException e) {
            throw new LoadException("tokenizer", file.toString(), String.valueOf(e.getMessage()), e);
        } catch (RuntimeException e) {
            throw new LoadException("tokenizer", file.toString(), String.valueOf(e.getMessage()), e);
        }
    }
}
