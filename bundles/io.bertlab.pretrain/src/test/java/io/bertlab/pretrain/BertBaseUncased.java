package io.bertlab.pretrain;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/** bert-base-uncased's tokenizer from the shared data, loaded by bertlab's own implementation. */
final class BertBaseUncased {

    private static final ModelRegistry MODELS = ModelRegistry.discover(BertBaseUncased.class.getClassLoader());
    private static Tokenizer tokenizer;

    private BertBaseUncased() {
    }

    static synchronized Tokenizer tokenizer() {
        if (tokenizer == null) {
            tokenizer = load(SharedData.require("tokenizers/bert-base-uncased/tokenizer.json"));
        }
        return tokenizer;
    }

    static Tokenizer load(Path file) {
        try {
            return TokenizerFiles.load(file, Map.of(), MODELS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Function<String, int[]> lineTokenizer() {
        EncodeOptions plain = EncodeOptions.of(false, null, null);
        Tokenizer t = tokenizer();
        return line -> t.encode(line, plain).ids();
    }
}
