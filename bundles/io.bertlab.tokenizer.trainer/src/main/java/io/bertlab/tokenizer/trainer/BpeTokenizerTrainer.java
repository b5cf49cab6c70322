package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import io.bertlab.api.tokenizer.TokenizerTrainer;
import io.bertlab.api.tokenizer.TrainerSettings;
import io.bertlab.api.tokenizer.TrainingResult;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Character-level BPE, as HuggingFace's {@code BpeTrainer}. Model options: {@code unk_token},
 * {@code max_token_length}. Usual pipeline: the Whitespace pre-tokenizer, normalized as the settings ask
 * (CharBPETokenizer's NFD, StripAccents, Lowercase).
 */
@Component(service = TokenizerTrainer.class,
        property = {TokenizerProperties.MODEL + "=BPE", TrainerNames.PROPERTY + "=" + TrainerNames.BPE})
public final class BpeTokenizerTrainer implements TokenizerTrainer {

    static final BpeFamilyTraining TRAINING = new BpeFamilyTraining("""
            {"normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null}
            """, UsualNormalizer.SEQUENCE, null, Set.of(), null, ModelJson::bpe);

    private final TokenizerLoader loader;

    /**
     * The service.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public BpeTokenizerTrainer(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this.loader = loader;
    }

    @Override
    public TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template,
            ProgressListener progress) {
        return TRAINING.train(corpus, settings, TRAINING.pipeline(template, settings), loader, progress);
    }
}
