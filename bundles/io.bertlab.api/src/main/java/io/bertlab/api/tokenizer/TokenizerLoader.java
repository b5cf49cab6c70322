package io.bertlab.api.tokenizer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads tokenizer files into {@link Tokenizer}s. Recognised files:
 * <ul>
 * <li>{@code tokenizer.json} (HuggingFace {@code tokenizers} format), any model type an installed plugin supports;</li>
 * <li>{@code vocab.txt}: a WordPiece vocabulary with BERT's defaults (see {@link #OPTION_LOWERCASE});</li>
 * <li>{@code vocab.json}: a BPE vocabulary; its {@code merges.txt} is found beside it (or named by
 * {@link #OPTION_MERGES}); byte-level as GPT-2 and RoBERTa use it.</li>
 * </ul>
 * The kind is told by the file name's extension ({@code .txt} vocab, {@code .json} with a {@code merges.txt} beside
 * it and no {@code "model"} key: BPE vocab; otherwise {@code tokenizer.json}).
 */
@ProviderType
public interface TokenizerLoader {

    /** Option for {@code vocab.txt}: {@code true} (the default) lower-cases and strips accents, as uncased BERT. */
    String OPTION_LOWERCASE = "lowercase";

    /** Option for {@code vocab.json}: path of the merges file, default {@code merges.txt} beside the vocabulary. */
    String OPTION_MERGES = "merges";

    /**
     * Loads a file with default options.
     *
     * @param file the file
     * @return the tokenizer
     * @throws TokenizerFormatException when the file is malformed (the message names file, field or line, and
     *     what was expected)
     * @throws IOException when it cannot be read
     */
    default Tokenizer load(Path file) throws IOException {
        return load(file, Map.of());
    }

    /**
     * Loads a file.
     *
     * @param file the file
     * @param options loader options ({@link #OPTION_LOWERCASE}, {@link #OPTION_MERGES}); unknown keys are errors
     * @return the tokenizer
     * @throws TokenizerFormatException when the file is malformed
     * @throws IOException when it cannot be read
     */
    Tokenizer load(Path file, Map<String, String> options) throws IOException;
}
