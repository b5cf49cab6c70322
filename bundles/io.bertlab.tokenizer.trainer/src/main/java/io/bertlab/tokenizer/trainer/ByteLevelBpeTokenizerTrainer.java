package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import io.bertlab.tokenizer.core.spi.ByteLevelAlphabet;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Byte-level BPE (GPT-2, RoBERTa), as HuggingFace's {@code BpeTrainer} with the byte-level alphabet always kept. Model
 * options: {@code unk_token}, {@code max_token_length}. Usual pipeline: the ByteLevel pre-tokenizer and decoder,
 * normalized as the settings ask (ByteLevelBPETokenizer's NFD, StripAccents, Lowercase).
 */
@Component(service = TokenizerTrainer.class,
        property = {TokenizerProperties.MODEL + "=BPE", TrainerNames.PROPERTY + "=" + TrainerNames.BYTE_LEVEL_BPE})
public final class ByteLevelBpeTokenizerTrainer implements TokenizerTrainer {

    static final BpeFamilyTraining TRAINING = new BpeFamilyTraining("""
            {"normalizer": null,
             "pre_tokenizer": {"type": "ByteLevel", "add_prefix_space": false, "trim_offsets": true, "use_regex": true},
             "post_processor": null,
             "decoder": {"type": "ByteLevel", "add_prefix_space": true, "trim_offsets": true, "use_regex": true}}
            """, UsualNormalizer.SEQUENCE, null, ByteLevelAlphabet.characters(), null, ModelJson::bpe);

    private final TokenizerLoader loader;

    /**
     * The service.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public ByteLevelBpeTokenizerTrainer(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this.loader = loader;
    }

    @Override
    public TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template,
            ProgressListener progress) {
        return TRAINING.train(corpus, settings, TRAINING.pipeline(template, settings), loader, progress);
    }
}
