package io.bertlab.api.tokenizer;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A tokenizer file is malformed. The message names the file, the place (a JSON path such as
 * {@code model.merges[17]} or {@code line 42}) and what was expected there.
 */
public class TokenizerFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String location;

    /**
     * A new exception.
     *
     * @param file the file, or null when the input came from memory
     * @param location the JSON path or line, e.g. {@code post_processor.special_tokens} or {@code line 7}
     * @param problem what was found and what was expected
     */
    public TokenizerFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    /**
     * A new exception with a cause.
     *
     * @param file the file, or null when the input came from memory
     * @param location the JSON path or line
     * @param problem what was found and what was expected
     * @param cause the underlying parser error, or null
     */
    public TokenizerFormatException(Path file, String location, String problem, Throwable cause) {
        super((file == null ? "<memory>" : file.toString()) + ": " + location + ": " + problem, cause);
        this.file = file == null ? "<memory>" : file.toString();
        this.location = location;
    }

    /**
     * The file that is malformed.
     *
     * @return its path as given, or {@code <memory>}
     */
    public String file() {
        return file;
    }

    /**
     * Where in the file.
     *
     * @return a JSON path or a line
     */
    public String location() {
        return location;
    }
}
