package io.bertlab.tokenizer.wordpiece;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Reads {@code "type": "WordPiece"} models; registered with {@code bertlab.tokenizer.model=WordPiece}. */
@Component(service = ModelFactory.class, property = TokenizerProperties.MODEL + "=WordPiece")
public final class WordPieceModelFactory implements ModelFactory {

    @Override
    public String type() {
        return "WordPiece";
    }

    @Override
    public boolean recognizes(ModelConfig config) {
        return config.has("vocab") && config.has("max_input_chars_per_word") && !config.has("merges");
    }

    @Override
    public TokenizerModel read(ModelConfig config) throws TokenizerFormatException {
        Map<String, Integer> vocab = config.vocabulary("vocab");
        String unk = config.string("unk_token", "[UNK]");
        if (!vocab.containsKey(unk)) {
            throw config.error("unk_token", "the unknown token \"" + unk + "\" is not in the vocabulary (vocab)");
        }
        return new WordPieceModel(vocab, unk, config.string("continuing_subword_prefix", "##"),
                config.integer("max_input_chars_per_word", 100));
    }
}
