package io.bertlab.tokenizer.sentencepiece;

import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * bertlab's {@link TokenizerLoader} with SentencePiece {@code .model} files added: it converts those itself and
 * hands every file, converted or not, to the core's loader. It registers as the same implementation
 * ({@code bertlab}) with a higher {@code service.ranking}, so {@code bertlab tokenize --tokenizer x/spiece.model} and
 * named tokenizers whose {@code file} is a {@code .model} use it with no change to their configuration; without
 * this bundle the core's loader serves alone, as before.
 */
@Component(service = TokenizerLoader.class, property = {
    TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_BERTLAB,
    SentencePieceTokenizerLoader.FORMATS + "=sentencepiece",
    "service.ranking:Integer=100"})
public final class SentencePieceTokenizerLoader implements TokenizerLoader {

    /** Service property naming the file formats a loader adds to the core's. */
    static final String FORMATS = "bertlab.tokenizer.formats";

    private final TokenizerLoader core;

    /**
     * A loader in front of the core's.
     *
     * @param core the core's loader (selected by component name, so this loader never binds itself)
     */
    @Activate
    public SentencePieceTokenizerLoader(
            @Reference(name = "core", target = "(component.name=io.bertlab.tokenizer.core.BertlabTokenizerLoader)")
            TokenizerLoader core) {
        this.core = core;
    }

    @Override
    public Tokenizer load(Path file, Map<String, String> options) throws IOException {
        if (!SentencePieceFiles.isModelFile(file)) {
            return core.load(file, options);
        }
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("SentencePiece .model files take no loader options, got "
                    + options.keySet() + " for " + file);
        }
        return SentencePieceFiles.load(file, core);
    }
}
