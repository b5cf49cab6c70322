package io.bertlab.tokenizer.core.spi;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A tokenizer file format beyond {@code tokenizer.json}, {@code vocab.txt} and {@code vocab.json}, which a plugin
 * converts into {@code tokenizer.json} (SentencePiece's {@code .model}, for one). A plugin registers it as a
 * Declarative Services component with {@code bertlab.tokenizer.format=<name>}; bertlab's {@code TokenizerLoader}
 * asks each installed format whether it reads a file before reading the file itself, then builds the pipeline from
 * the converted text with the installed model plugins — one pipeline for every format.
 */
@ConsumerType
public interface TokenizerFileFormat {

    /** Service property naming the format. */
    String PROPERTY = "bertlab.tokenizer.format";

    /**
     * Whether this format reads a file, told by its name or its first bytes.
     *
     * @param file the file
     * @return true to convert it with {@link #toTokenizerJson}
     */
    boolean reads(Path file);

    /**
     * Converts a file.
     *
     * @param file the file
     * @param options the loader options given with it; a format rejects those it does not know
     * @return the equivalent {@code tokenizer.json} text
     * @throws TokenizerFormatException when the file is malformed or unsupported (the message names the file and
     *     the place)
     * @throws IOException when it cannot be read
     */
    String toTokenizerJson(Path file, Map<String, String> options) throws IOException;
}
