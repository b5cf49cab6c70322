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
 * WordPiece, as HuggingFace's {@code WordPieceTrainer}: BPE with the {@code ##} prefix on non-initial pieces, kept as a
 * WordPiece vocabulary. Model options: {@code unk_token} (default {@code [UNK]}), {@code max_token_length}. Usual
 * pipeline: BERT's (BertNormalizer lower-casing and stripping accents as the settings ask, by default as uncased BERT
 * does; BertPreTokenizer, WordPiece decoder), as BertWordPieceTokenizer sets it up; cased BERT is
 * {@code settings.withNormalization(false, null)}.
 */
@Component(service = TokenizerTrainer.class,
        property = {TokenizerProperties.MODEL + "=WordPiece", TrainerNames.PROPERTY + "=" + TrainerNames.WORDPIECE})
public final class WordPieceTokenizerTrainer implements TokenizerTrainer {

    static final BpeFamilyTraining TRAINING = new BpeFamilyTraining("""
            {"normalizer": null,
             "pre_tokenizer": {"type": "BertPreTokenizer"},
             "post_processor": null,
             "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": true}}
            """, UsualNormalizer.BERT, "##", Set.of(), "[UNK]", ModelJson::wordPiece);

    private final TokenizerLoader loader;

    /**
     * The service.
     *
     * @param loader bertlab's tokenizer loader, which reads the trained file back
     */
    @Activate
    public WordPieceTokenizerTrainer(@Reference(target = "(" + TokenizerProperties.IMPLEMENTATION + "="
            + TokenizerProperties.IMPLEMENTATION_BERTLAB + ")") TokenizerLoader loader) {
        this.loader = loader;
    }

    @Override
    public TrainingResult train(Iterable<String> corpus, TrainerSettings settings, Tokenizer template,
            ProgressListener progress) {
        return TRAINING.train(corpus, settings, TRAINING.pipeline(template, settings), loader, progress);
    }
}
