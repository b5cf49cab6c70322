package io.bertlab.tokenizer.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.decoder.Decoder;
import io.bertlab.tokenizer.core.normalizer.Normalizer;
import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.pipeline.AddedVocabulary;
import io.bertlab.tokenizer.core.pipeline.Pipeline;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import io.bertlab.tokenizer.core.pretokenizer.PreTokenizer;
import io.bertlab.tokenizer.core.processor.PostProcessor;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Reads a HuggingFace {@code tokenizer.json} into a {@link PipelineTokenizer}. */
public final class TokenizerJsonReader {

    private final ModelRegistry models;

    /**
     * A reader.
     *
     * @param models the model plugins to read {@code model} with
     */
    public TokenizerJsonReader(ModelRegistry models) {
        this.models = models;
    }

    /**
     * Parses JSON text.
     *
     * @param file the file it came from (for messages), or null
     * @param json the text
     * @return the root node
     * @throws TokenizerFormatException when empty or not JSON, naming line and column
     */
    public static ConfigNode parse(Path file, String json) throws TokenizerFormatException {
        if (json.isBlank()) {
            throw new TokenizerFormatException(file, "(root)", "the file is empty; expected a JSON object");
        }
        try {
            Object root = JsonTree.parse(json);
            if (!(root instanceof Map)) {
                throw new TokenizerFormatException(file, "(root)", "expected a JSON object, found "
                        + ConfigNode.describe(root));
            }
            return new ConfigNode(file, "", root);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "(root)" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new TokenizerFormatException(file, where, "not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading JSON from memory", e); // a String reader never fails
        }
    }

    /**
     * Reads a parsed {@code tokenizer.json}.
     *
     * @param root the root object
     * @return the tokenizer
     * @throws TokenizerFormatException when a component is unknown or malformed
     */
    public PipelineTokenizer read(ConfigNode root) throws TokenizerFormatException {
        Normalizer normalizer = root.isNull("normalizer") ? null
                : ComponentReader.normalizer(root.object("normalizer"));
        PreTokenizer preTokenizer = root.isNull("pre_tokenizer") ? null
                : ComponentReader.preTokenizer(root.object("pre_tokenizer"));
        PostProcessor postProcessor = root.isNull("post_processor") ? null
                : ComponentReader.postProcessor(root.object("post_processor"));
        Decoder decoder = root.isNull("decoder") ? null : ComponentReader.decoder(root.object("decoder"));
        TokenizerModel model = model(root.object("model"));
        List<AddedToken> added = root.isNull("added_tokens") ? List.of()
                : ComponentReader.addedTokens(root.array("added_tokens"));
        EncodeOptions defaults = EncodeOptions.of(true,
                root.isNull("truncation") ? null : ComponentReader.truncation(root.object("truncation")),
                root.isNull("padding") ? null : ComponentReader.padding(root.object("padding")));
        return new PipelineTokenizer(new Pipeline(normalizer, preTokenizer, model, postProcessor, decoder,
                new AddedVocabulary(added, normalizer)), defaults);
    }

    private TokenizerModel model(ConfigNode node) throws TokenizerFormatException {
        String type = node.string("type", null);
        ModelFactory factory = type != null ? models.find(type) : models.recognize(node);
        if (factory == null) {
            throw node.error(type == null ? null : "type", type == null
                    ? "the model has no \"type\" and its fields match no installed model plugin (installed: "
                            + models.types() + ")"
                    : "unknown model type \"" + type + "\"; installed model plugins: " + models.types());
        }
        return factory.read(node);
    }
}
