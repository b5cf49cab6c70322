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
 * {@code max_token_length}. Usual pipeline: the Whitespace pre-tokenizer.
 */
@Component(service = TokenizerTrainer.class,
        property = {TokenizerProperties.MODEL + "=BPE", TrainerNames.PROPERTY + "=" + TrainerNames.BPE})
public final class BpeTokenizerTrainer implements TokenizerTrainer {

    static final BpeFamilyTraining TRAINING = new BpeFamilyTraining("""
            {"normalizer": null, "pre_tokenizer": {"type": "Whitespace"}, "post_processor": null, "decoder": null}
            """, null, Set.of(), null, ModelJson::bpe);

    private final TokenizerLoader loader;
    private final ProgressListener progress;

    /**
     * The service.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public BpeTokenizerTrainer(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this(loader, ProgressListener.NONE);
    }

    /**
     * A trainer reporting progress.
     *
     * @param loader bertlab's tokenizer loader
     * @param progress receives words counted and merges learned
     */
    public BpeTokenizerTrainer(TokenizerLoader loader, ProgressListener progress) {
        this.loader = loader;
        this.progress = progress;
    }

    @Override
    public TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template) {
        return TRAINING.train(corpus, settings, TRAINING.pipeline(template), loader, progress);
    }
}
