package io.bertlab.tokenizer.unigram;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.ScoredToken;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Component;

/** Reads {@code "type": "Unigram"} models; registered with {@code bertlab.tokenizer.model=Unigram}. */
@Component(service = ModelFactory.class, property = TokenizerProperties.MODEL + "=Unigram")
public final class UnigramModelFactory implements ModelFactory {

    @Override
    public String type() {
        return "Unigram";
    }

    /** Old files (t5-small, xlnet) have no type: a vocab without merges or WordPiece's word limit is Unigram's. */
    @Override
    public boolean recognizes(ModelConfig config) {
        return config.has("vocab") && !config.has("merges") && !config.has("max_input_chars_per_word");
    }

    @Override
    public TokenizerModel read(ModelConfig config) throws TokenizerFormatException {
        List<ScoredPiece> pieces = new ArrayList<>();
        for (ScoredToken entry : config.scoredTokens("vocab")) {
            pieces.add(new ScoredPiece(entry.token(), HuggingFaceScores.asReadByHuggingFace(entry.score())));
        }
        Integer unkId = null;
        if (config.has("unk_id") && config.number("unk_id") != null) {
            unkId = config.integer("unk_id", 0);
            if (unkId >= pieces.size()) {
                throw config.error("unk_id", "expected an id within the vocabulary of " + pieces.size()
                        + " pieces, found " + unkId);
            }
        }
        if (unkId != null && pieces.isEmpty()) {
            throw config.error("vocab", "the vocabulary is empty but unk_id needs at least the unknown piece");
        }
        return new UnigramModel(pieces, unkId, config.bool("byte_fallback", false));
    }
}
