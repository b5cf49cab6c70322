package io.bertlab.model.bert.tensorflow;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.model.CheckpointException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tokenizer.json} that HF's {@code BertTokenizerFast} saves for a Google {@code vocab.txt}: BERT
 * normalizer (lower-casing and, with it, accent stripping, as Google's {@code do_lower_case} does), BERT
 * pre-tokenizer, WordPiece with {@code ##} continuations, {@code [CLS] A [SEP] B [SEP]} template. Written here, with
 * the layout and field order HF uses, so that a TensorFlow import needs no tokenizer bundle.
 */
final class BertTokenizerJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> SPECIAL_TOKENS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]");
    /** HF's default for WordPiece: longer words become {@code [UNK]}. */
    private static final int MAX_INPUT_CHARS_PER_WORD = 100;

    private BertTokenizerJson() {
    }

    /**
     * Reads a vocabulary as HF does: one token per line, the line number is the id.
     *
     * @param vocab the {@code vocab.txt}
     * @return token to id, in id order (a repeated token keeps its last line, as in HF)
     * @throws CheckpointException when the file is missing or lacks a special token
     * @throws IOException when the file cannot be read
     */
    static Map<String, Integer> readVocabulary(Path vocab) throws IOException {
        String text;
        try {
            text = Files.readString(vocab, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new CheckpointException(vocab, null, "missing: no such file", e);
        }
        Map<String, Integer> ids = new LinkedHashMap<>();
        int id = 0;
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            ids.put(text.substring(start, end), id++);
            start = end + 1;
        }
        for (String special : SPECIAL_TOKENS) {
            if (!ids.containsKey(special)) {
                throw new CheckpointException(vocab, special, "BERT vocabulary lacks this special token");
            }
        }
        return ids;
    }

    /**
     * Builds the JSON.
     *
     * @param vocabulary token to id, as {@link #readVocabulary(Path)} returns it
     * @param lowercase Google's {@code do_lower_case}
     * @return the tokenizer.json tree
     */
    static ObjectNode build(Map<String, Integer> vocabulary, boolean lowercase) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.0");
        root.putNull("truncation");
        root.putNull("padding");
        ArrayNode added = root.putArray("added_tokens");
        SPECIAL_TOKENS.stream().sorted((a, b) -> Integer.compare(vocabulary.get(a), vocabulary.get(b)))
                .forEach(token -> added.addObject()
                        .put("id", vocabulary.get(token))
                        .put("content", token)
                        .put("single_word", false)
                        .put("lstrip", false)
                        .put("rstrip", false)
                        .put("normalized", false)
                        .put("special", true));
        ObjectNode normalizer = root.putObject("normalizer");
        normalizer.put("type", "BertNormalizer");
        normalizer.put("clean_text", true);
        normalizer.put("handle_chinese_chars", true);
        // null: accents are stripped exactly when lower-casing, as Google's tokenization.py does
        normalizer.putNull("strip_accents");
        normalizer.put("lowercase", lowercase);
        root.putObject("pre_tokenizer").put("type", "BertPreTokenizer");
        ObjectNode post = root.putObject("post_processor");
        post.put("type", "TemplateProcessing");
        ArrayNode single = post.putArray("single");
        special(single, "[CLS]", 0);
        sequence(single, "A", 0);
        special(single, "[SEP]", 0);
        ArrayNode pair = post.putArray("pair");
        special(pair, "[CLS]", 0);
        sequence(pair, "A", 0);
        special(pair, "[SEP]", 0);
        sequence(pair, "B", 1);
        special(pair, "[SEP]", 1);
        ObjectNode specials = post.putObject("special_tokens");
        for (String token : List.of("[CLS]", "[SEP]")) {
            ObjectNode entry = specials.putObject(token);
            entry.put("id", token);
            entry.putArray("ids").add(vocabulary.get(token));
            entry.putArray("tokens").add(token);
        }
        ObjectNode decoder = root.putObject("decoder");
        decoder.put("type", "WordPiece");
        decoder.put("prefix", "##");
        decoder.put("cleanup", true);
        ObjectNode model = root.putObject("model");
        model.put("type", "WordPiece");
        model.put("unk_token", "[UNK]");
        model.put("continuing_subword_prefix", "##");
        model.put("max_input_chars_per_word", MAX_INPUT_CHARS_PER_WORD);
        ObjectNode vocab = model.putObject("vocab");
        vocabulary.forEach(vocab::put);
        return root;
    }

    /**
     * Serializes the JSON as HF does (UTF-8, not ASCII-escaped).
     *
     * @param tree the tokenizer.json tree
     * @return its bytes
     * @throws IOException never in practice (serializing a tree in memory)
     */
    static byte[] bytes(ObjectNode tree) throws IOException {
        return JSON.writeValueAsBytes(tree);
    }

    private static void special(ArrayNode pieces, String token, int typeId) {
        ObjectNode inner = pieces.addObject().putObject("SpecialToken");
        inner.put("id", token);
        inner.put("type_id", typeId);
    }

    private static void sequence(ArrayNode pieces, String id, int typeId) {
        ObjectNode inner = pieces.addObject().putObject("Sequence");
        inner.put("id", id);
        inner.put("type_id", typeId);
    }
}
