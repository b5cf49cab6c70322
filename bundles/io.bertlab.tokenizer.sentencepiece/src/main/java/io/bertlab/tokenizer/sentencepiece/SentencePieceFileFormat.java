package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.tokenizer.core.spi.TokenizerFileFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * SentencePiece {@code .model} files as a tokenizer file format of bertlab's loader: {@code bertlab tokenize
 * --tokenizer x/spiece.model} and named tokenizers whose {@code file} is a {@code .model} read them with no other
 * change. The file becomes the {@code tokenizer.json} HF's converters would write (see {@link SentencePieceFiles});
 * the core builds the pipeline from it with the installed Unigram and BPE plugins.
 */
@Component(property = TokenizerFileFormat.PROPERTY + "=sentencepiece")
public final class SentencePieceFileFormat implements TokenizerFileFormat {


    @Override
    public boolean reads(Path file) {
        return SentencePieceFiles.isModelFile(file);
    }

    @Override
    public String toTokenizerJson(Path file, Map<String, String> options) throws IOException {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("SentencePiece .model files take no loader options, got "
                    + options.keySet() + " for " + file);
        }
        // a mapper per conversion, not a static one: this component activates for every tokenizer loaded, and
        // Jackson's data binding costs a cold JVM about 0.1 s to set up
        return new ObjectMapper().writeValueAsString(SentencePieceFiles.tokenizerJson(file));
    }
}
