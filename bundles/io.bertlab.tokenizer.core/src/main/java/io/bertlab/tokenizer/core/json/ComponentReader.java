package io.bertlab.tokenizer.core.json;

import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.Padding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import io.bertlab.tokenizer.core.decoder.BpeDecoder;
import io.bertlab.tokenizer.core.decoder.ByteFallbackDecoder;
import io.bertlab.tokenizer.core.decoder.ByteLevelDecoder;
import io.bertlab.tokenizer.core.decoder.CtcDecoder;
import io.bertlab.tokenizer.core.decoder.Decoder;
import io.bertlab.tokenizer.core.decoder.DecoderSequence;
import io.bertlab.tokenizer.core.decoder.FuseDecoder;
import io.bertlab.tokenizer.core.decoder.MetaspaceDecoder;
import io.bertlab.tokenizer.core.decoder.ReplaceDecoder;
import io.bertlab.tokenizer.core.decoder.StripDecoder;
import io.bertlab.tokenizer.core.decoder.WordPieceDecoder;
import io.bertlab.tokenizer.core.normalizer.BertNormalizer;
import io.bertlab.tokenizer.core.normalizer.ByteLevelNormalizer;
import io.bertlab.tokenizer.core.normalizer.Lowercase;
import io.bertlab.tokenizer.core.normalizer.Normalizer;
import io.bertlab.tokenizer.core.normalizer.NormalizerSequence;
import io.bertlab.tokenizer.core.normalizer.Precompiled;
import io.bertlab.tokenizer.core.normalizer.Prepend;
import io.bertlab.tokenizer.core.normalizer.Replace;
import io.bertlab.tokenizer.core.normalizer.Strip;
import io.bertlab.tokenizer.core.normalizer.StripAccents;
import io.bertlab.tokenizer.core.normalizer.UnicodeNormalizer;
import io.bertlab.tokenizer.core.spi.AddedToken;
import io.bertlab.tokenizer.core.pretokenizer.BertPreTokenizer;
import io.bertlab.tokenizer.core.pretokenizer.ByteLevelPreTokenizer;
import io.bertlab.tokenizer.core.pretokenizer.CharDelimiterSplit;
import io.bertlab.tokenizer.core.pretokenizer.Digits;
import io.bertlab.tokenizer.core.pretokenizer.Metaspace;
import io.bertlab.tokenizer.core.pretokenizer.PreTokenizer;
import io.bertlab.tokenizer.core.pretokenizer.PreTokenizerSequence;
import io.bertlab.tokenizer.core.pretokenizer.Punctuation;
import io.bertlab.tokenizer.core.pretokenizer.Split;
import io.bertlab.tokenizer.core.pretokenizer.SplitBehavior;
import io.bertlab.tokenizer.core.pretokenizer.UnicodeScripts;
import io.bertlab.tokenizer.core.pretokenizer.Whitespace;
import io.bertlab.tokenizer.core.pretokenizer.WhitespaceSplit;
import io.bertlab.tokenizer.core.processor.ByteLevelProcessing;
import io.bertlab.tokenizer.core.processor.PostProcessor;
import io.bertlab.tokenizer.core.processor.ProcessorSequence;
import io.bertlab.tokenizer.core.processor.RobertaProcessing;
import io.bertlab.tokenizer.core.processor.SpecialToken;
import io.bertlab.tokenizer.core.processor.TemplateProcessing;
import io.bertlab.tokenizer.core.text.ByteLevelSettings;
import io.bertlab.tokenizer.core.text.TextPattern;
import java.text.Normalizer.Form;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads the pipeline components of a {@code tokenizer.json} by their {@code type}. */
final class ComponentReader {

    private ComponentReader() {
    }

    static Normalizer normalizer(ConfigNode n) throws TokenizerFormatException {
        String type = n.requiredString("type");
        switch (type) {
            case "BertNormalizer":
                return new BertNormalizer(n.bool("clean_text", true), n.bool("handle_chinese_chars", true),
                        n.optionalBool("strip_accents"), n.bool("lowercase", true));
            case "Lowercase":
                return new Lowercase();
            case "StripAccents":
                return new StripAccents();
            case "NFC":
            case "NFD":
            case "NFKC":
            case "NFKD":
                return new UnicodeNormalizer(Form.valueOf(type));
            case "Strip":
                return new Strip(n.bool("strip_left", true), n.bool("strip_right", true));
            case "Replace":
                return new Replace(pattern(n), n.requiredString("content"));
            case "Prepend":
                return new Prepend(n.requiredString("prepend"));
            case "ByteLevel":
                return new ByteLevelNormalizer();
            case "Precompiled":
                return precompiled(n);
            case "Sequence": {
                List<Normalizer> list = new ArrayList<>();
                for (ConfigNode child : n.array("normalizers")) {
                    list.add(normalizer(child));
                }
                return new NormalizerSequence(list);
            }
            default:
                throw n.error("type", unknown("normalizer", type,
                        "BertNormalizer, Lowercase, StripAccents, NFC, NFD, NFKC, NFKD, Strip, Replace, Prepend, "
                                + "ByteLevel, Precompiled, Sequence"));
        }
    }

    /** SentencePiece's charsmap, base64 in the file; a malformed one is reported at its field. */
    private static Precompiled precompiled(ConfigNode n) throws TokenizerFormatException {
        String charsmap = n.requiredString("precompiled_charsmap");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(charsmap);
        } catch (IllegalArgumentException e) {
            throw n.error("precompiled_charsmap", "expected base64, " + e.getMessage());
        }
        try {
            return new Precompiled(bytes);
        } catch (IllegalArgumentException e) {
            throw n.error("precompiled_charsmap", "expected a SentencePiece charsmap ([trie size][trie][strings]): "
                    + e.getMessage());
        }
    }

    static PreTokenizer preTokenizer(ConfigNode n) throws TokenizerFormatException {
        String type = n.requiredString("type");
        switch (type) {
            case "BertPreTokenizer":
                return new BertPreTokenizer();
            case "Whitespace":
                return new Whitespace();
            case "WhitespaceSplit":
                return new WhitespaceSplit();
            case "ByteLevel":
                return new ByteLevelPreTokenizer(byteLevel(n));
            case "Metaspace":
                return new Metaspace(replacement(n), prependScheme(n), n.bool("split", true));
            case "Punctuation":
                return new Punctuation(behavior(n, SplitBehavior.ISOLATED));
            case "Digits":
                return new Digits(n.bool("individual_digits", false));
            case "CharDelimiterSplit": {
                String delimiter = n.requiredString("delimiter");
                if (delimiter.codePointCount(0, delimiter.length()) != 1) {
                    throw n.error("delimiter", "expected exactly one character, found \"" + delimiter + "\"");
                }
                return new CharDelimiterSplit(delimiter.codePointAt(0));
            }
            case "Split":
                return new Split(pattern(n), behavior(n, null), n.bool("invert", false));
            case "UnicodeScripts":
                return new UnicodeScripts();
            case "Sequence": {
                List<PreTokenizer> list = new ArrayList<>();
                for (ConfigNode child : n.array("pretokenizers")) {
                    list.add(preTokenizer(child));
                }
                return new PreTokenizerSequence(list);
            }
            default:
                throw n.error("type", unknown("pre-tokenizer", type,
                        "BertPreTokenizer, Whitespace, WhitespaceSplit, ByteLevel, Metaspace, Punctuation, Digits, "
                                + "CharDelimiterSplit, Split, UnicodeScripts, Sequence"));
        }
    }

    static PostProcessor postProcessor(ConfigNode n) throws TokenizerFormatException {
        String type = n.requiredString("type");
        switch (type) {
            case "BertProcessing": {
                Object[] sep = tokenAndId(n, "sep");
                Object[] cls = tokenAndId(n, "cls");
                return TemplateProcessing.bert((String) sep[0], (Integer) sep[1], (String) cls[0], (Integer) cls[1]);
            }
            case "RobertaProcessing": {
                Object[] sep = tokenAndId(n, "sep");
                Object[] cls = tokenAndId(n, "cls");
                return new RobertaProcessing((String) sep[0], (Integer) sep[1], (String) cls[0], (Integer) cls[1],
                        n.bool("trim_offsets", true), n.bool("add_prefix_space", true));
            }
            case "ByteLevel":
                return new ByteLevelProcessing(byteLevel(n));
            case "TemplateProcessing":
                return template(n);
            case "Sequence": {
                List<PostProcessor> list = new ArrayList<>();
                for (ConfigNode child : n.array("processors")) {
                    list.add(postProcessor(child));
                }
                return new ProcessorSequence(list);
            }
            default:
                throw n.error("type", unknown("post-processor", type,
                        "TemplateProcessing, BertProcessing, RobertaProcessing, ByteLevel, Sequence"));
        }
    }

    static Decoder decoder(ConfigNode n) throws TokenizerFormatException {
        String type = n.requiredString("type");
        switch (type) {
            case "WordPiece":
                return new WordPieceDecoder(n.string("prefix", "##"), n.bool("cleanup", true));
            case "ByteLevel":
                return new ByteLevelDecoder(byteLevel(n));
            case "Metaspace":
                return new MetaspaceDecoder(replacement(n), prependScheme(n).name().toLowerCase(Locale.ROOT),
                        n.bool("split", true));
            case "BPEDecoder":
                return new BpeDecoder(n.string("suffix", "</w>"));
            case "ByteFallback":
                return new ByteFallbackDecoder();
            case "Fuse":
                return new FuseDecoder();
            case "Strip": {
                String content = n.requiredString("content");
                if (content.codePointCount(0, content.length()) != 1) {
                    throw n.error("content", "expected exactly one character, found \"" + content + "\"");
                }
                return new StripDecoder(content.codePointAt(0), n.integer("start", 0), n.integer("stop", 0));
            }
            case "Replace":
                return new ReplaceDecoder(pattern(n), n.requiredString("content"));
            case "CTC":
                return new CtcDecoder(n.string("pad_token", "<pad>"), n.string("word_delimiter_token", "|"),
                        n.bool("cleanup", true));
            case "Sequence": {
                List<Decoder> list = new ArrayList<>();
                for (ConfigNode child : n.array("decoders")) {
                    list.add(decoder(child));
                }
                return new DecoderSequence(list);
            }
            default:
                throw n.error("type", unknown("decoder", type,
                        "WordPiece, ByteLevel, Metaspace, BPEDecoder, ByteFallback, Fuse, Strip, Replace, CTC, "
                                + "Sequence"));
        }
    }

    static List<AddedToken> addedTokens(List<ConfigNode> nodes) throws TokenizerFormatException {
        List<AddedToken> tokens = new ArrayList<>(nodes.size());
        for (ConfigNode n : nodes) {
            if (n.isNull("id")) {
                throw n.error("id", "expected the token's id, a non-negative integer, found nothing");
            }
            tokens.add(new AddedToken(n.requiredString("content"), n.integer("id", 0), n.bool("special", false),
                    n.bool("single_word", false), n.bool("lstrip", false), n.bool("rstrip", false),
                    n.bool("normalized", true)));
        }
        return tokens;
    }

    static Truncation truncation(ConfigNode n) throws TokenizerFormatException {
        String strategy = n.string("strategy", "LongestFirst");
        TruncationStrategy s;
        switch (strategy) {
            case "LongestFirst":
                s = TruncationStrategy.LONGEST_FIRST;
                break;
            case "OnlyFirst":
                s = TruncationStrategy.ONLY_FIRST;
                break;
            case "OnlySecond":
                s = TruncationStrategy.ONLY_SECOND;
                break;
            default:
                throw n.error("strategy", "expected LongestFirst, OnlyFirst or OnlySecond, found \"" + strategy + "\"");
        }
        return new Truncation(s, n.integer("max_length", 512), n.integer("stride", 0), direction(n));
    }

    static Padding padding(ConfigNode n) throws TokenizerFormatException {
        PaddingStrategy strategy = PaddingStrategy.LONGEST;
        int length = 0;
        if (!n.isNull("strategy")) {
            if (isString(n, "strategy")) {
                String name = n.requiredString("strategy");
                if (!name.equals("BatchLongest")) {
                    throw n.error("strategy", "expected \"BatchLongest\" or {\"Fixed\": length}, found \"" + name
                            + "\"");
                }
            } else {
                ConfigNode s = n.object("strategy");
                if (!s.has("Fixed")) {
                    throw n.error("strategy", "expected \"BatchLongest\" or {\"Fixed\": length}");
                }
                strategy = PaddingStrategy.FIXED;
                length = s.integer("Fixed", 0);
            }
        }
        return new Padding(strategy, length, n.integer("pad_to_multiple_of", 0), direction(n),
                n.integer("pad_id", 0), n.integer("pad_type_id", 0), n.string("pad_token", "[PAD]"));
    }

    private static boolean isString(ConfigNode n, String field) {
        try {
            n.requiredString(field);
            return true;
        } catch (TokenizerFormatException e) {
            return false;
        }
    }

    private static Direction direction(ConfigNode n) throws TokenizerFormatException {
        String direction = n.string("direction", "Right");
        if (direction.equals("Right")) {
            return Direction.RIGHT;
        }
        if (direction.equals("Left")) {
            return Direction.LEFT;
        }
        throw n.error("direction", "expected Left or Right, found \"" + direction + "\"");
    }

    private static TemplateProcessing template(ConfigNode n) throws TokenizerFormatException {
        Map<String, SpecialToken> specials = new LinkedHashMap<>();
        if (!n.isNull("special_tokens")) {
            for (Map.Entry<String, ConfigNode> e : n.object("special_tokens").fields().entrySet()) {
                ConfigNode token = e.getValue();
                List<Integer> ids = new ArrayList<>();
                for (ConfigNode id : token.array("ids")) {
                    ids.add(id.asInt());
                }
                List<String> tokens = new ArrayList<>();
                for (ConfigNode t : token.array("tokens")) {
                    tokens.add(t.asString());
                }
                if (ids.size() != tokens.size()) {
                    throw token.error("tokens", "expected as many tokens as ids (" + ids.size() + "), found "
                            + tokens.size());
                }
                specials.put(token.string("id", e.getKey()), new SpecialToken(token.string("id", e.getKey()), ids,
                        tokens));
            }
        }
        return TemplateProcessing.template(pieces(n, "single", specials), pieces(n, "pair", specials), specials);
    }

    private static List<TemplateProcessing.Piece> pieces(ConfigNode n, String field,
            Map<String, SpecialToken> specials) throws TokenizerFormatException {
        List<TemplateProcessing.Piece> pieces = new ArrayList<>();
        for (ConfigNode element : n.array(field)) {
            if (element.has("Sequence")) {
                ConfigNode s = element.object("Sequence");
                String id = s.requiredString("id");
                if (!id.equals("A") && !id.equals("B")) {
                    throw s.error("id", "expected \"A\" or \"B\", found \"" + id + "\"");
                }
                pieces.add(new TemplateProcessing.Piece(id.equals("A") ? 0 : 1, null, s.integer("type_id", 0)));
            } else if (element.has("SpecialToken")) {
                ConfigNode s = element.object("SpecialToken");
                String id = s.requiredString("id");
                if (!specials.containsKey(id)) {
                    throw s.error("id", "special token \"" + id + "\" is used by the template but missing from "
                            + n.path() + ".special_tokens");
                }
                pieces.add(new TemplateProcessing.Piece(-1, id, s.integer("type_id", 0)));
            } else {
                throw element.error(null, "expected {\"Sequence\": ...} or {\"SpecialToken\": ...}");
            }
        }
        return pieces;
    }

    private static Object[] tokenAndId(ConfigNode n, String field) throws TokenizerFormatException {
        List<ConfigNode> pair = n.array(field);
        if (pair.size() != 2) {
            throw n.error(field, "expected [token, id], found " + pair.size() + " elements");
        }
        return new Object[] {pair.get(0).asString(), pair.get(1).asInt()};
    }

    private static TextPattern pattern(ConfigNode n) throws TokenizerFormatException {
        ConfigNode p = n.object("pattern");
        if (p.has("String")) {
            return TextPattern.literal(p.requiredString("String"));
        }
        if (p.has("Regex")) {
            String regex = p.requiredString("Regex");
            try {
                return TextPattern.regex(regex);
            } catch (java.util.regex.PatternSyntaxException e) {
                throw p.error("Regex", "expected a valid regular expression: " + e.getDescription());
            }
        }
        throw n.error("pattern", "expected {\"String\": ...} or {\"Regex\": ...}");
    }

    private static SplitBehavior behavior(ConfigNode n, SplitBehavior fallback) throws TokenizerFormatException {
        String value = n.string("behavior", null);
        if (value == null) {
            if (fallback == null) {
                throw n.error("behavior", "expected Removed, Isolated, MergedWithPrevious, MergedWithNext or "
                        + "Contiguous, found nothing");
            }
            return fallback;
        }
        SplitBehavior behavior = SplitBehavior.fromJson(value);
        if (behavior == null) {
            throw n.error("behavior", "expected Removed, Isolated, MergedWithPrevious, MergedWithNext or "
                    + "Contiguous, found \"" + value + "\"");
        }
        return behavior;
    }

    private static int replacement(ConfigNode n) throws TokenizerFormatException {
        String replacement = n.string("replacement", "\u2581");
        if (replacement.codePointCount(0, replacement.length()) != 1) {
            throw n.error("replacement", "expected exactly one character, found \"" + replacement + "\"");
        }
        return replacement.codePointAt(0);
    }

    private static Metaspace.PrependScheme prependScheme(ConfigNode n) throws TokenizerFormatException {
        String scheme = n.string("prepend_scheme", null);
        if (scheme == null) {
            return n.bool("add_prefix_space", true) ? Metaspace.PrependScheme.ALWAYS : Metaspace.PrependScheme.NEVER;
        }
        switch (scheme) {
            case "always":
                return Metaspace.PrependScheme.ALWAYS;
            case "first":
                return Metaspace.PrependScheme.FIRST;
            case "never":
                return Metaspace.PrependScheme.NEVER;
            default:
                throw n.error("prepend_scheme", "expected always, first or never, found \"" + scheme + "\"");
        }
    }

    private static String unknown(String kind, String type, String known) {
        return "unknown " + kind + " type \"" + type + "\"; expected one of " + known;
    }

    /** The options every {@code ByteLevel} object carries, with HF's defaults. */
    private static ByteLevelSettings byteLevel(ConfigNode n) throws TokenizerFormatException {
        return new ByteLevelSettings(n.bool("add_prefix_space", true), n.bool("trim_offsets", true),
                n.bool("use_regex", true));
    }
}
