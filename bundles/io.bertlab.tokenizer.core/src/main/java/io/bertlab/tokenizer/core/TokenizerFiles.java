package io.bertlab.tokenizer.core;

import io.bertlab.api.command.MalformedTextException;
import io.bertlab.api.command.TextLines;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import io.bertlab.tokenizer.core.json.ConfigNode;
import io.bertlab.tokenizer.core.json.TokenizerJsonReader;
import io.bertlab.tokenizer.core.json.TokenizerJsonWriter;
import io.bertlab.tokenizer.core.pipeline.PipelineTokenizer;
import io.bertlab.tokenizer.core.spi.AddedToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tokenizer files people have ({@code tokenizer.json}, {@code vocab.txt}, {@code vocab.json} with
 * {@code merges.txt}) and writes {@code tokenizer.json}. Vocabulary files become the {@code tokenizer.json} that
 * HuggingFace's Python classes build from them ({@code BertWordPieceTokenizer}, {@code ByteLevelBPETokenizer}), so
 * one reader serves all formats.
 */
public final class TokenizerFiles {

    private static final Set<String> OPTIONS = Set.of(TokenizerLoader.OPTION_LOWERCASE, TokenizerLoader.OPTION_MERGES);
    private static final List<String> BERT_SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");

    private TokenizerFiles() {
    }

    /**
     * Loads a tokenizer file.
     *
     * @param file {@code tokenizer.json}, {@code vocab.txt} or {@code vocab.json}
     * @param options {@link TokenizerLoader#OPTION_LOWERCASE}, {@link TokenizerLoader#OPTION_MERGES}
     * @param models the model plugins
     * @return the tokenizer
     * @throws TokenizerFormatException when the file is malformed
     * @throws IOException when it cannot be read
     */
    public static Tokenizer load(Path file, Map<String, String> options, ModelRegistry models)
            throws IOException {
        for (String key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new IllegalArgumentException("unknown tokenizer loader option '" + key + "'; known: " + OPTIONS);
            }
        }
        String name = file.getFileName().toString();
        String text = readText(file);
        if (name.endsWith(".txt")) {
            boolean lowercase = Boolean.parseBoolean(options.getOrDefault(TokenizerLoader.OPTION_LOWERCASE, "true"));
            return read(file, bertVocabularyTokenizer(file, text, lowercase), models);
        }
        Path merges = options.containsKey(TokenizerLoader.OPTION_MERGES)
                ? file.resolveSibling(options.get(TokenizerLoader.OPTION_MERGES)) : file.resolveSibling("merges.txt");
        ConfigNode root = TokenizerJsonReader.parse(file, text);
        boolean hasModelObject = root.has("model") && root.fields().get("model").isObject();
        if (!hasModelObject && Files.isRegularFile(merges)) {
            return read(file, byteLevelBpeTokenizer(root, merges), models);
        }
        if (!root.has("model") || root.fields().get("model").isInteger()) {
            // a BPE vocabulary maps tokens to ids, and may even hold the token "model": say what is missing
            throw new TokenizerFormatException(file, "(root)", "a BPE vocabulary without its merges: " + merges
                    + " does not exist (or name the merges file with the '" + TokenizerLoader.OPTION_MERGES
                    + "' option); a tokenizer.json would have a \"model\" object");
        }
        return new TokenizerJsonReader(models).read(root);
    }

    /** A tokenizer file's text; invalid UTF-8 (a binary file given by mistake) is named by line and byte. */
    private static String readText(Path file) throws IOException {
        try {
            return TextLines.readText(file);
        } catch (MalformedTextException e) {
            throw new TokenizerFormatException(file, "line " + e.line() + ", byte offset " + e.byteOffset(),
                    "invalid UTF-8 (" + e.bytes() + "): not a text file; expected tokenizer.json, vocab.txt or"
                            + " vocab.json", e);
        }
    }

    /**
     * Reads {@code tokenizer.json} text.
     *
     * @param json the text
     * @param models the model plugins
     * @return the tokenizer
     * @throws TokenizerFormatException when malformed
     */
    public static Tokenizer fromJson(String json, ModelRegistry models) throws TokenizerFormatException {
        return fromJson(json, null, models);
    }

    /**
     * Reads {@code tokenizer.json} text converted from another file, whose errors name that file.
     *
     * @param json the text
     * @param origin the file it was converted from, named in errors
     * @param models the model plugins
     * @return the tokenizer
     * @throws TokenizerFormatException when malformed, or a component or model plugin is missing
     */
    public static Tokenizer fromJson(String json, Path origin, ModelRegistry models)
            throws TokenizerFormatException {
        return new TokenizerJsonReader(models).read(TokenizerJsonReader.parse(origin, json));
    }

    /**
     * Writes a tokenizer as {@code tokenizer.json} text, which HuggingFace and {@link #fromJson} load.
     *
     * @param tokenizer a tokenizer of this bundle
     * @return the JSON text
     * @throws IllegalArgumentException for tokenizers of other implementations
     */
    public static String toJson(Tokenizer tokenizer) {
        if (!(tokenizer instanceof PipelineTokenizer)) {
            throw new IllegalArgumentException("only bertlab pipeline tokenizers can be written, not "
                    + tokenizer.getClass().getName());
        }
        return TokenizerJsonWriter.write((PipelineTokenizer) tokenizer);
    }

    private static PipelineTokenizer read(Path file, Map<String, Object> tokenizerJson, ModelRegistry models)
            throws TokenizerFormatException {
        return new TokenizerJsonReader(models).read(new ConfigNode(file, "", tokenizerJson));
    }

    /**
     * The tokenizer.json of HuggingFace's {@code BertWordPieceTokenizer} for a {@code vocab.txt}.
     */
    private static Map<String, Object> bertVocabularyTokenizer(Path file, String text, boolean lowercase)
            throws TokenizerFormatException {
        if (text.isEmpty()) {
            throw new TokenizerFormatException(file, "line 1", "the file is empty; expected one token per line");
        }
        Map<String, Object> vocab = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
        for (int i = 0; i < count; i++) {
            vocab.put(lines[i].stripTrailing(), i);
        }
        for (String required : List.of("[UNK]", "[CLS]", "[SEP]")) {
            if (!vocab.containsKey(required)) {
                throw new TokenizerFormatException(file, "vocabulary", "special token " + required
                        + " (needed by BERT's " + (required.equals("[UNK]") ? "WordPiece model" : "post-processor")
                        + ") is not in the vocabulary; expected a line " + required);
            }
        }
        List<Object> added = new ArrayList<>();
        for (String special : BERT_SPECIAL_TOKENS) {
            if (vocab.containsKey(special)) {
                added.add(AddedToken.unnormalized(special, (Integer) vocab.get(special), true).toJson());
            }
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("added_tokens", added);
        root.put("normalizer", Map.of("type", "BertNormalizer", "clean_text", true, "handle_chinese_chars", true,
                "lowercase", lowercase));
        root.put("pre_tokenizer", Map.of("type", "BertPreTokenizer"));
        root.put("post_processor", Map.of("type", "BertProcessing", "sep", List.of("[SEP]", vocab.get("[SEP]")),
                "cls", List.of("[CLS]", vocab.get("[CLS]"))));
        root.put("decoder", Map.of("type", "WordPiece", "prefix", "##", "cleanup", true));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "WordPiece");
        model.put("unk_token", "[UNK]");
        model.put("continuing_subword_prefix", "##");
        model.put("max_input_chars_per_word", 100);
        model.put("vocab", vocab);
        root.put("model", model);
        return root;
    }

    /**
     * The tokenizer.json of HuggingFace's {@code ByteLevelBPETokenizer} for {@code vocab.json} and
     * {@code merges.txt}.
     */
    private static Map<String, Object> byteLevelBpeTokenizer(ConfigNode vocabulary, Path mergesFile)
            throws IOException {
        Map<String, Object> vocab = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigNode> e : vocabulary.fields().entrySet()) {
            vocab.put(e.getKey(), e.getValue().asInt());
        }
        List<Object> merges = new ArrayList<>();
        List<String> lines = TextLines.readAll(mergesFile);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("#version")) {
                continue;
            }
            String[] parts = line.split(" ", -1);
            if (parts.length != 2) {
                throw new TokenizerFormatException(mergesFile, "line " + (i + 1),
                        "expected two tokens separated by one space, found \"" + line + "\"");
            }
            merges.add(List.of(parts[0], parts[1]));
        }
        Map<String, Object> byteLevel = new LinkedHashMap<>();
        byteLevel.put("type", "ByteLevel");
        byteLevel.put("add_prefix_space", false);
        byteLevel.put("trim_offsets", false);
        byteLevel.put("use_regex", true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("added_tokens", List.of());
        root.put("normalizer", null);
        root.put("pre_tokenizer", byteLevel);
        root.put("post_processor", byteLevel);
        root.put("decoder", byteLevel);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("type", "BPE");
        model.put("dropout", null);
        model.put("unk_token", null);
        model.put("continuing_subword_prefix", null);
        model.put("end_of_word_suffix", null);
        model.put("fuse_unk", false);
        model.put("byte_fallback", false);
        model.put("vocab", vocab);
        model.put("merges", merges);
        root.put("model", model);
        return root;
    }
}
