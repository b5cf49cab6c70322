package io.bertlab.tokenizer.bpe;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.util.List;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** Reads {@code "type": "BPE"} models; registered with {@code bertlab.tokenizer.model=BPE}. */
@Component(service = ModelFactory.class, property = TokenizerProperties.MODEL + "=BPE")
public final class BpeModelFactory implements ModelFactory {

    @Override
    public String type() {
        return "BPE";
    }

    @Override
    public boolean recognizes(ModelConfig config) {
        return config.has("vocab") && config.has("merges");
    }

    @Override
    public TokenizerModel read(ModelConfig config) throws TokenizerFormatException {
        Map<String, Integer> vocab = config.vocabulary("vocab");
        List<String[]> merges = config.merges("merges");
        Double dropout = config.number("dropout");
        if (dropout != null && (dropout < 0 || dropout > 1)) {
            throw config.error("dropout", "expected a probability between 0 and 1, found " + dropout);
        }
        String unk = config.string("unk_token", null);
        if (unk != null && !vocab.containsKey(unk)) {
            throw config.error("unk_token", "the unknown token \"" + unk + "\" is not in the vocabulary (vocab)");
        }
        BpeOptions options = new BpeOptions(dropout, unk, config.string("continuing_subword_prefix", null),
                config.string("end_of_word_suffix", null), config.bool("fuse_unk", false),
                config.bool("byte_fallback", false), config.bool("ignore_merges", false));
        try {
            return new BpeModel(vocab, merges, options);
        } catch (BpeModel.UnknownMergeTokenException e) {
            throw config.error("merges[" + e.rank() + "]", e.getMessage() + "; expected merges of vocab tokens");
        }
    }
}
