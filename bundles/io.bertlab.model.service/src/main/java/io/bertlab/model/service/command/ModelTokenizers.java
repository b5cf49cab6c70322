package io.bertlab.model.service.command;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.command.FileErrors;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Loads a model's {@code tokenizer.json} for the model commands, with one rule for which loader reads it. */
final class ModelTokenizers {

    private ModelTokenizers() {
    }

    /**
     * Loads a tokenizer file with bertlab's own loader when installed, else whichever is (e.g. the HF adapter).
     *
     * @throws CommandException when no loader is installed, or the file cannot be read or is not a tokenizer; the
     *     message names the file and what is wrong
     */
    static Tokenizer load(ServiceTable<TokenizerLoader> loaders, Path file) throws CommandException {
        TokenizerLoader loader = preferred(loaders).orElseThrow(() -> new CommandException(
                "no tokenizer loader is installed (the 'tokenizers' feature provides one)"));
        return load(loader, file);
    }

    /**
     * Checks that a tokenizer file loads, when a loader is installed to tell; without one (a system of the 'models'
     * feature alone) there is nothing to check with.
     *
     * @throws CommandException when the file cannot be read or is not a tokenizer
     */
    static void checkIfLoadable(ServiceTable<TokenizerLoader> loaders, Path file) throws CommandException {
        Optional<TokenizerLoader> loader = preferred(loaders);
        if (loader.isPresent()) {
            load(loader.get(), file);
        }
    }

    /** The loader the model commands use: bertlab's own when installed, else whichever is. */
    static Optional<TokenizerLoader> preferred(ServiceTable<TokenizerLoader> loaders) {
        return loaders.find(TokenizerProperties.IMPLEMENTATION, TokenizerProperties.IMPLEMENTATION_BERTLAB)
                .map(Map.Entry::getKey).or(() -> loaders.all().keySet().stream().findFirst());
    }

    private static Tokenizer load(TokenizerLoader loader, Path file) throws CommandException {
        try {
            return loader.load(file);
        } catch (IOException e) {
            throw new CommandException(FileErrors.describe(file, e), e);
        }
    }
}
