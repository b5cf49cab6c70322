package io.bertlab.tokenizer.bpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Byte-level offset trimming done as each token is made (when no prefix space is kept on a first token) gives what
 * HuggingFace's order gives: trimming each encoding and overflowing part after truncation. The same processor
 * inside a {@code Sequence} is trimmed that second way, so the two must agree on every field, overflowing parts
 * included, for singles, pairs, truncation with stride and padding. (The HF parity tests compare with HF itself.)
 */
class ByteLevelTrimmingTest {

    private static final ModelRegistry MODELS = ModelRegistry.of(new BpeModelFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<EncodeOptions> MODES = List.of(EncodeOptions.plain(),
            EncodeOptions.plain().withSpecialTokens(false),
            EncodeOptions.of(true, new Truncation(TruncationStrategy.LONGEST_FIRST, 12, 3, Direction.RIGHT),
                    new Padding(PaddingStrategy.FIXED, 16, 0, Direction.LEFT, 1, 0, "<pad>")),
            EncodeOptions.of(true, new Truncation(TruncationStrategy.ONLY_SECOND, 20, 2, Direction.LEFT), null));

    private static final List<String> TRICKY = List.of("", " ", "   ", " leading", "trailing ", "  two  spaces  ",
            "tab\there", "new\nline \n", "<mask> and  <mask>", " <s> </s>", "caf\u00e9 \u00e0 la  cr\u00e8me",
            "\u3000ideographic\u3000space", "emoji \uD83D\uDE00  ", "nbsp\u00a0inside", "\u0120 already byte-level",
            "a   b    c", "end   ", "added <x>  token", " <x>  ", "x <x>  <x>  ");

    private static final String SPACE = "\u0120";

    @ParameterizedTest(name = "{0}, post-processor {1}, add_prefix_space {2}")
    @CsvSource({"roberta-base, RobertaProcessing, false", "roberta-base, RobertaProcessing, true",
        "gpt2, ByteLevel, false", "gpt2, ByteLevel, true"})
    void tokenByTokenEqualsAfterTruncation(String folder, String processor, boolean addPrefixSpace)
            throws Exception {
        ObjectNode file = (ObjectNode) JSON.readTree(
                Files.readString(SharedData.require("tokenizers/" + folder + "/tokenizer.json")));
        ObjectNode post = (ObjectNode) file.get("post_processor");
        assertEquals(processor, post.get("type").asText());
        post.put("trim_offsets", true);
        post.put("add_prefix_space", addPrefixSpace);
        // The pre-tokenizer adds the prefix space the processor keeps.
        ((ObjectNode) file.get("pre_tokenizer")).put("add_prefix_space", addPrefixSpace);
        // Tokens with more than one space at an end, which these vocabularies lack: a merge of two spaces (the
        // last merge), and an added token with spaces on both sides.
        ObjectNode model = (ObjectNode) file.get("model");
        int next = 0;
        for (Iterator<JsonNode> ids = model.get("vocab").elements(); ids.hasNext();) {
            next = Math.max(next, ids.next().asInt() + 1);
        }
        for (JsonNode token : file.get("added_tokens")) {
            next = Math.max(next, token.get("id").asInt() + 1);
        }
        ((ObjectNode) model.get("vocab")).put(SPACE + SPACE, next);
        ArrayNode merges = (ArrayNode) model.get("merges");
        if (merges.get(0).isTextual()) {
            merges.add(SPACE + " " + SPACE);
        } else {
            merges.addArray().add(SPACE).add(SPACE);
        }
        ((ArrayNode) file.get("added_tokens")).addObject().put("id", next + 1).put("content", " <x>  ")
                .put("single_word", false).put("lstrip", false).put("rstrip", false).put("normalized", false)
                .put("special", true);
        Tokenizer direct = TokenizerFiles.fromJson(JSON.writeValueAsString(file), MODELS);
        ObjectNode sequence = JSON.createObjectNode().put("type", "Sequence");
        sequence.putArray("processors").add(post.deepCopy());
        file.set("post_processor", sequence);
        Tokenizer afterwards = TokenizerFiles.fromJson(JSON.writeValueAsString(file), MODELS);

        List<String> texts = new ArrayList<>(TRICKY);
        for (String name : List.of("text/botchan_en.txt", "text/dom_casmurro_pt.txt")) {
            List<String> lines = Files.readAllLines(SharedData.require(name), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i += 37) {
                texts.add(lines.get(i));
            }
        }
        int trimmed = 0;
        int manySpaces = 0;
        for (EncodeOptions mode : MODES) {
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                String other = texts.get((i * 7 + 3) % texts.size());
                Object expected = outcome(() -> afterwards.encode(text, mode));
                assertEquals(expected, outcome(() -> direct.encode(text, mode)), () -> mode + ": \"" + text + "\"");
                assertEquals(outcome(() -> afterwards.encodePair(text, other, mode)),
                        outcome(() -> direct.encodePair(text, other, mode)),
                        () -> mode + ": \"" + text + "\" / \"" + other + "\"");
                if (expected instanceof Encoding e) {
                    for (int t = 0; t < e.length(); t++) {
                        if (e.token(t).startsWith(SPACE)
                                && e.offsetEnds()[t] - e.offsetStarts()[t] < e.token(t).length()) {
                            trimmed++;
                        }
                        if (e.token(t).equals(SPACE + SPACE) || e.token(t).equals(" <x>  ")) {
                            manySpaces++;
                        }
                    }
                }
            }
        }
        assertNotEquals(0, trimmed, "no offsets were trimmed: the comparison proves nothing");
        assertNotEquals(0, manySpaces, "no token with several spaces at an end");
    }

    /** The encoding, or the exception's class and message (truncation that cannot be done fails both ways). */
    private static Object outcome(Supplier<Encoding> encode) {
        try {
            return encode.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }
}
