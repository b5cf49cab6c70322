package io.bertlab.tokenizer.service;

import io.bertlab.api.tokenizer.Tokenizer;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a {@code --tokenizer} argument stood for: a configured tokenizer service or a file that was loaded.
 *
 * @param argument the argument as typed
 * @param tokenizer the tokenizer
 * @param file the file it was loaded from, empty for a configured (named) tokenizer
 */
record ResolvedTokenizer(String argument, Tokenizer tokenizer, Optional<Path> file) {
}
