package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of a converted model that HuggingFace takes from the model family's tokenizer class, named with its
 * settings in the {@code tokenizer_config.json} beside the {@code .model} ({@code tokenizer_class}, with or without
 * {@code Fast}). What each class adds is what transformers' {@code convert_slow_tokenizer.py} converters add, in the
 * form of the {@code tokenizer.json} files HF wrote for them:
 * <ul>
 * <li>{@code AlbertTokenizer}, {@code XLNetTokenizer}: normalizers before the charsmap ({@code ``} and {@code ''}
 * to {@code "}; NFKD and accent stripping unless {@code keep_accents}; lower-casing if {@code do_lower_case},
 * which is ALBERT's default and not XLNet's) and the post-processor ({@code [CLS] A [SEP] B [SEP]}; XLNet:
 * {@code A <sep> B <sep> <cls>}); XLNet's pieces that end in a digit and a comma score 100 lower (its
 * converter's {@code check_number_comma}; ALBERT's tokenizer.json as transformers 5 writes it keeps their
 * scores);</li>
 * <li>{@code T5Tokenizer}: {@code extra_ids} (default 100) special tokens {@code <extra_id_N>} after the pieces,
 * numbered down, and {@code A </s> B </s>};</li>
 * <li>{@code LlamaTokenizer} (Llama, Mistral): {@code bos_token} before each text if {@code add_bos_token}
 * (default), {@code eos_token} after it if {@code add_eos_token}. The whitespace layout stays the non-legacy one
 * of {@link WhitespaceStages}.</li>
 * </ul>
 * Without the file, or for another class, nothing is added: a bare {@code .model}.
 */
final class TokenizerClass {

    static final String CONFIG_FILE = "tokenizer_config.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double NUMBER_COMMA_PENALTY = 100;
    private static final int T5_DEFAULT_EXTRA_IDS = 100;

    /** The families whose converters add something. */
    enum Family {
        NONE, ALBERT, XLNET, T5, LLAMA
    }

    private final Family family;
    private final boolean keepAccents;
    private final boolean lowercase;
    private final int extraIds;
    private final boolean addBos;
    private final boolean addEos;
    private final String bosToken;
    private final String eosToken;
    /** The ids of the special tokens the post-processor uses, checked against the model's pieces. */
    private final Map<String, Integer> specialIds = new HashMap<>();

    private TokenizerClass(Family family, Settings settings) throws TokenizerFormatException {
        this.family = family;
        this.keepAccents = settings.flag("keep_accents", false);
        this.lowercase = settings.flag("do_lower_case", family == Family.ALBERT);
        this.extraIds = settings.count("extra_ids", family == Family.T5 ? T5_DEFAULT_EXTRA_IDS : 0);
        this.addBos = settings.flag("add_bos_token", true);
        this.addEos = settings.flag("add_eos_token", false);
        this.bosToken = settings.token("bos_token", "<s>");
        this.eosToken = settings.token("eos_token", "</s>");
    }

    /** A bare model: nothing added. */
    static TokenizerClass none() {
        try {
            return new TokenizerClass(Family.NONE, new Settings(null, JSON.createObjectNode()));
        } catch (TokenizerFormatException e) {
            throw new IllegalStateException("no settings cannot be wrong", e);
        }
    }

    /**
     * Reads the {@code tokenizer_config.json} beside a model file, if there is one.
     *
     * @param modelFile the {@code .model} file
     * @param spec the model read from it
     * @return the class's settings, or {@link #none()} without the file
     * @throws TokenizerFormatException when the file is not a JSON object, a setting has the wrong type, or a
     *         special token the class's post-processor needs is not a piece of the model
     * @throws IOException when it cannot be read
     */
    static TokenizerClass besideModel(Path modelFile, SentencePieceSpec spec) throws IOException {
        Path config = modelFile.toAbsolutePath().resolveSibling(CONFIG_FILE);
        if (!Files.isRegularFile(config)) {
            return none();
        }
        JsonNode settings;
        try {
            settings = JSON.readTree(config.toFile());
        } catch (JsonProcessingException e) {
            throw new TokenizerFormatException(config, e.getLocation() == null ? "(document)"
                    : "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr(),
                    "not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (settings == null || !settings.isObject()) {
            throw new TokenizerFormatException(config, "(document)", "expected a JSON object of tokenizer settings");
        }
        JsonNode name = settings.path("tokenizer_class");
        if (!name.isMissingNode() && !name.isNull() && !name.isTextual()) {
            throw new TokenizerFormatException(config, "tokenizer_class", "expected a class name, got " + name);
        }
        String className = name.asText("").replaceFirst("Fast$", "");
        Family family = switch (className) {
            case "AlbertTokenizer" -> Family.ALBERT;
            case "XLNetTokenizer" -> Family.XLNET;
            case "T5Tokenizer" -> Family.T5;
            case "LlamaTokenizer" -> Family.LLAMA;
            default -> Family.NONE;
        };
        TokenizerClass result = new TokenizerClass(family, new Settings(config, settings));
        for (String token : result.specialTokens()) {
            result.specialIds.put(token, pieceId(spec.pieces(), token, config, family));
        }
        return result;
    }

    /** The special tokens of the post-processor. */
    private List<String> specialTokens() {
        return switch (family) {
            case ALBERT -> List.of("[CLS]", "[SEP]");
            case XLNET -> List.of("<sep>", "<cls>");
            case T5 -> List.of("</s>");
            case LLAMA -> {
                List<String> tokens = new ArrayList<>();
                if (addBos) {
                    tokens.add(bosToken);
                }
                if (addEos) {
                    tokens.add(eosToken);
                }
                yield tokens;
            }
            case NONE -> List.of();
        };
    }

    private static int pieceId(List<SentencePieceSpec.Piece> pieces, String token, Path config, Family family)
            throws TokenizerFormatException {
        for (int id = 0; id < pieces.size(); id++) {
            if (pieces.get(id).text().equals(token)) {
                return id;
            }
        }
        throw new TokenizerFormatException(config, "tokenizer_class", "the post-processor of " + family
                + " needs the special token " + token + ", which is not a piece of the model beside it");
    }

    Family family() {
        return family;
    }

    /**
     * The normalizers the class puts before the charsmap.
     *
     * @return the components, in order (empty for most classes)
     */
    List<ObjectNode> normalizersBeforeCharsmap() {
        List<ObjectNode> parts = new ArrayList<>();
        if (family != Family.ALBERT && family != Family.XLNET) {
            return parts;
        }
        parts.add(literalReplace("``", "\""));
        parts.add(literalReplace("''", "\""));
        if (!keepAccents) {
            parts.add(JsonNodes.component("NFKD"));
            parts.add(JsonNodes.component("StripAccents"));
        }
        if (lowercase) {
            parts.add(JsonNodes.component("Lowercase"));
        }
        return parts;
    }

    /**
     * A piece's score in the converted vocabulary: XLNet's converter lowers pieces that end in a digit and a comma
     * ({@code "▁1,"}) by 100 ({@code check_number_comma}).
     *
     * @param piece the piece
     * @return its score, widened as Python's {@code float} does
     */
    double score(SentencePieceSpec.Piece piece) {
        double score = piece.score();
        boolean penalized = family == Family.XLNET && endsWithDigitComma(piece.text());
        return penalized ? score - NUMBER_COMMA_PENALTY : score;
    }

    private static boolean endsWithDigitComma(String piece) {
        if (piece.codePointCount(0, piece.length()) < 2 || !piece.endsWith(",")) {
            return false;
        }
        int beforeComma = piece.codePointBefore(piece.length() - 1);
        // Python's str.isdigit: decimal digits and the other digits 0-9 (superscripts, circled digits, ...).
        int value = Character.getNumericValue(beforeComma);
        return Character.isDigit(beforeComma)
                || (Character.getType(beforeComma) == Character.OTHER_NUMBER && value >= 0 && value <= 9);
    }

    /**
     * The tokens the class appends after the model's pieces: T5's {@code <extra_id_N>}, from the highest number
     * down, so that {@code <extra_id_0>} is the last id.
     *
     * @return the token texts, in id order
     */
    List<String> appendedTokens() {
        List<String> tokens = new ArrayList<>();
        if (family == Family.T5) {
            for (int n = extraIds - 1; n >= 0; n--) {
                tokens.add("<extra_id_" + n + ">");
            }
        }
        return tokens;
    }

    /**
     * The post-processor.
     *
     * @return the {@code TemplateProcessing} component, or null for none
     */
    ObjectNode postProcessor() {
        Template template = new Template();
        switch (family) {
            case ALBERT -> {
                template.single("[CLS]", 0).sequence("A", 0).single("[SEP]", 0);
                template.pair("[CLS]", 0).pairSequence("A", 0).pair("[SEP]", 0).pairSequence("B", 1).pair("[SEP]", 1);
            }
            case XLNET -> {
                template.sequence("A", 0).single("<sep>", 0).single("<cls>", 2);
                template.pairSequence("A", 0).pair("<sep>", 0).pairSequence("B", 1).pair("<sep>", 1).pair("<cls>", 2);
            }
            case T5 -> {
                template.sequence("A", 0).single("</s>", 0);
                template.pairSequence("A", 0).pair("</s>", 0).pairSequence("B", 0).pair("</s>", 0);
            }
            case LLAMA -> {
                boolean bos = addBos;
                boolean eos = addEos;
                if (!bos && !eos) {
                    return null;
                }
                for (int typeId = 0; typeId < 2; typeId++) {
                    if (bos) {
                        template.pair(bosToken, typeId);
                    }
                    template.pairSequence(typeId == 0 ? "A" : "B", typeId);
                    if (eos) {
                        template.pair(eosToken, typeId);
                    }
                }
                if (bos) {
                    template.single(bosToken, 0);
                }
                template.sequence("A", 0);
                if (eos) {
                    template.single(eosToken, 0);
                }
            }
            default -> {
                return null;
            }
        }
        return template.toJson();
    }

    /** A {@code TemplateProcessing} under construction: single and pair templates, special tokens by piece id. */
    private final class Template {
        private final ArrayNode single = JsonNodes.array();
        private final ArrayNode pair = JsonNodes.array();
        private final ObjectNode specialTokens = JsonNodes.object();

        Template single(String token, int typeId) {
            single.add(special(token, typeId));
            return this;
        }

        Template pair(String token, int typeId) {
            pair.add(special(token, typeId));
            return this;
        }

        Template sequence(String id, int typeId) {
            single.add(sequenceItem(id, typeId));
            return this;
        }

        Template pairSequence(String id, int typeId) {
            pair.add(sequenceItem(id, typeId));
            return this;
        }

        private ObjectNode sequenceItem(String id, int typeId) {
            ObjectNode item = JsonNodes.object();
            item.putObject("Sequence").put("id", id).put("type_id", typeId);
            return item;
        }

        private ObjectNode special(String token, int typeId) {
            if (!specialTokens.has(token)) {
                ObjectNode entry = specialTokens.putObject(token).put("id", token);
                entry.putArray("ids").add(specialIds.get(token));
                entry.putArray("tokens").add(token);
            }
            ObjectNode item = JsonNodes.object();
            item.putObject("SpecialToken").put("id", token).put("type_id", typeId);
            return item;
        }

        ObjectNode toJson() {
            ObjectNode processor = JsonNodes.component("TemplateProcessing");
            processor.set("single", single);
            processor.set("pair", pair);
            processor.set("special_tokens", specialTokens);
            return processor;
        }
    }

    private static ObjectNode literalReplace(String text, String content) {
        ObjectNode replace = JsonNodes.component("Replace");
        replace.set("pattern", JsonNodes.literal(text));
        replace.put("content", content);
        return replace;
    }

    /** The settings of a {@code tokenizer_config.json}, each checked for its type; absent or null means the default. */
    private record Settings(Path config, JsonNode json) {

        boolean flag(String field, boolean defaultValue) throws TokenizerFormatException {
            JsonNode value = present(field);
            if (value == null) {
                return defaultValue;
            }
            if (!value.isBoolean()) {
                throw new TokenizerFormatException(config, field, "expected true or false, got " + value);
            }
            return value.booleanValue();
        }

        int count(String field, int defaultValue) throws TokenizerFormatException {
            JsonNode value = present(field);
            if (value == null) {
                return defaultValue;
            }
            if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
                throw new TokenizerFormatException(config, field, "expected a count (0 or more), got " + value);
            }
            return value.intValue();
        }

        /** A token setting: its text, or an added-token object's {@code content}, as transformers writes either. */
        String token(String field, String defaultValue) throws TokenizerFormatException {
            JsonNode value = present(field);
            if (value == null) {
                return defaultValue;
            }
            if (value.isTextual()) {
                return value.asText();
            }
            if (value.path("content").isTextual()) {
                return value.path("content").asText();
            }
            throw new TokenizerFormatException(config, field, "expected a token (text or {\"content\": ...}), got "
                    + value);
        }

        /** The field's value, or null where it is absent or JSON null (both mean "the class's default"). */
        private JsonNode present(String field) {
            JsonNode value = json.path(field);
            return value.isMissingNode() || value.isNull() ? null : value;
        }
    }
}
