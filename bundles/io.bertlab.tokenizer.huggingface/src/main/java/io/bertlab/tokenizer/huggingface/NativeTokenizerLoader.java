package io.bertlab.tokenizer.huggingface;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.api.tokenizer.TokenizerProperties;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * The {@link TokenizerLoader} of the HuggingFace implementation: reads {@code tokenizer.json} with HuggingFace's
 * Rust library (DJL's native binding, loaded once per JVM, offline).
 */
@Component(service = TokenizerLoader.class,
        property = TokenizerProperties.IMPLEMENTATION + "=" + TokenizerProperties.IMPLEMENTATION_HUGGINGFACE)
public final class NativeTokenizerLoader implements TokenizerLoader {


    @Override
    public Tokenizer load(Path file, Map<String, String> options) throws IOException {
        if (!options.isEmpty()) {
            throw new IllegalArgumentException("the huggingface implementation takes no loader options, got "
                    + options.keySet());
        }
        if (!file.getFileName().toString().endsWith(".json")) {
            throw new TokenizerFormatException(file, "(file)", "the huggingface implementation reads tokenizer.json"
                    + " only; use the bertlab implementation for vocab.txt and vocab.json with merges.txt");
        }
        String json = Files.readString(file, StandardCharsets.UTF_8);
        Map<String, Integer> vocabulary = vocabulary(file, json);
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        // DJL finds its native library and services through the context class loader; inside OSGi that must be
        // this bundle's.
        Thread.currentThread().setContextClassLoader(NativeTokenizerLoader.class.getClassLoader());
        try {
            LibUtils.checkStatus();
            return new NativeTokenizer(TokenizersLibrary.LIB.createTokenizerFromString(json), vocabulary);
        } catch (RuntimeException e) {
            throw new TokenizerFormatException(file, "(root)", "HuggingFace could not read it: " + e.getMessage(), e);
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    private static Map<String, Integer> vocabulary(Path file, String json) throws TokenizerFormatException {
        JsonNode root;
        try {
            // a mapper per load, not a static one: this loader activates whenever tokenizers are looked up, and
            // Jackson's data binding costs a cold JVM about 0.1 s to set up
            root = new ObjectMapper().readTree(json);
        } catch (IOException e) {
            throw new TokenizerFormatException(file, "(root)", "not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TokenizerFormatException(file, "(root)", "expected a JSON object");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        JsonNode vocab = root.path("model").path("vocab");
        if (vocab.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = vocab.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                vocabulary.put(e.getKey(), e.getValue().asInt());
            }
        } else if (vocab.isArray()) {
            // Unigram: [piece, score] pairs, the id is the position.
            for (int i = 0; i < vocab.size(); i++) {
                vocabulary.putIfAbsent(vocab.get(i).path(0).asText(), i);
            }
        }
        for (JsonNode added : root.path("added_tokens")) {
            vocabulary.put(added.path("content").asText(), added.path("id").asInt());
        }
        return vocabulary;
    }
}
