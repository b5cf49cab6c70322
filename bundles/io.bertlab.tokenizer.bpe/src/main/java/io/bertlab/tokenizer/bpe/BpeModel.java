package io.bertlab.tokenizer.bpe;

import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.VocabularyModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Byte-pair encoding: a word starts as one symbol per character (with the continuation prefix on non-initial and
 * the end-of-word suffix on the final one), unknown characters become bytes ({@code byte_fallback}) or the unknown
 * token (fused when {@code fuse_unk}), then merges apply in rank order. Without dropout, merged words are cached as
 * HuggingFace does: the first 10,000 distinct words (of fewer than 256 code points) stay, later ones are not added.
 */
public final class BpeModel extends VocabularyModel {

    /** HuggingFace's default cache capacity, in words. */
    private static final int CACHE_CAPACITY = 10_000;
    /** Words of this many code points and more are not cached. */
    private static final int CACHEABLE_LENGTH = 256;

    private final Map<String, Integer> vocab;
    private final List<String[]> mergePairs;
    private final MergeTable merges;
    private final Double dropout;
    private final String unkToken;
    private final int unkId;
    private final String continuingSubwordPrefix;
    private final String endOfWordSuffix;
    private final boolean fuseUnk;
    private final boolean byteFallback;
    private final boolean ignoreMerges;
    private final int[] byteIds = new int[256];
    /** Merged words; none with dropout, whose merges vary from call to call. */
    private final WordCache cache;

    /**
     * A BPE model.
     *
     * @param vocab token to id
     * @param mergePairs merges in rank order, each (left, right)
     * @param options dropout, unknown token, prefix, suffix and flags
     * @throws IllegalArgumentException when a merge or the unknown token is not in the vocabulary
     */
    public BpeModel(Map<String, Integer> vocab, List<String[]> mergePairs, BpeOptions options) {
        super(vocab);
        this.vocab = vocabulary();
        this.mergePairs = List.copyOf(mergePairs);
        this.dropout = options.dropout();
        this.unkToken = options.unkToken();
        this.continuingSubwordPrefix = options.continuingSubwordPrefix();
        this.endOfWordSuffix = options.endOfWordSuffix();
        this.fuseUnk = options.fuseUnk();
        this.byteFallback = options.byteFallback();
        this.ignoreMerges = options.ignoreMerges();
        this.cache = dropout == null || dropout == 0 ? new WordCache(CACHE_CAPACITY) : null;
        if (unkToken != null && !vocab.containsKey(unkToken)) {
            throw new IllegalArgumentException("unk_token '" + unkToken + "' is not in the vocabulary");
        }
        this.unkId = unkToken == null ? -1 : vocab.get(unkToken);
        for (int b = 0; b < 256; b++) {
            Integer id = vocab.get(String.format("<0x%02X>", b));
            byteIds[b] = id == null ? -1 : id;
        }
        int n = mergePairs.size();
        int[] lefts = new int[n];
        int[] rights = new int[n];
        int[] produced = new int[n];
        int prefixLength = continuingSubwordPrefix == null ? 0 : continuingSubwordPrefix.length();
        for (int rank = 0; rank < n; rank++) {
            String[] pair = mergePairs.get(rank);
            lefts[rank] = idOf(pair[0], rank);
            rights[rank] = idOf(pair[1], rank);
            String right = prefixLength > 0 && pair[1].startsWith(continuingSubwordPrefix)
                    ? pair[1].substring(prefixLength) : pair[1];
            produced[rank] = idOf(pair[0] + right, rank);
        }
        merges = new MergeTable(lefts, rights, produced);
    }

    private int idOf(String token, int rank) {
        Integer id = vocab.get(token);
        if (id == null) {
            throw new UnknownMergeTokenException(rank, token);
        }
        return id;
    }

    /** A merge names a token that the vocabulary lacks. */
    static final class UnknownMergeTokenException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int rank;

        UnknownMergeTokenException(int rank, String token) {
            super("token \"" + token + "\" of merge " + rank + " is not in the vocabulary");
            this.rank = rank;
        }

        int rank() {
            return rank;
        }
    }

    @Override
    public String type() {
        return "BPE";
    }

    @Override
    public void tokenize(int[] cps, int from, int length, TokenSink sink) {
        if (ignoreMerges) {
            Integer id = vocab.get(new String(cps, from, length));
            if (id != null) {
                sink.token(id, 0, length);
                return;
            }
        }
        // HuggingFace caches words of fewer than 256 (UTF-8) bytes; the limit only decides what is worth caching.
        boolean cacheable = cache != null && length < CACHEABLE_LENGTH;
        int hash = 0;
        if (cacheable) {
            hash = WordCache.hash(cps, from, length);
            int[] hit = cache.get(cps, from, length, hash);
            if (hit != null) {
                for (int i = WordCache.tokensStart(length); i < hit.length; i += 3) {
                    sink.token(hit[i], hit[i + 1], hit[i + 2]);
                }
                return;
            }
        }
        BpeWord word = initialSymbols(cps, from, length);
        word.mergeAll(merges, dropout == null ? 0 : dropout, ThreadLocalRandom.current());
        if (cacheable && !cache.isFull()) {
            cache.put(cps, from, length, hash, word);
        }
        word.forEach(sink::token);
    }

    private BpeWord initialSymbols(int[] cps, int from, int length) {
        BpeWord word = new BpeWord(length);
        int pendingUnkStart = -1;
        int pendingUnkEnd = -1;
        for (int i = 0; i < length; i++) {
            int id = symbolId(cps[from + i], i == 0, i == length - 1);
            if (id >= 0) {
                if (pendingUnkStart >= 0) {
                    word.add(unkId, pendingUnkStart, pendingUnkEnd);
                    pendingUnkStart = -1;
                }
                word.add(id, i, i + 1);
                continue;
            }
            if (byteFallback && addBytes(word, cps[from + i], i)) {
                continue;
            }
            if (unkId >= 0) {
                if (pendingUnkStart >= 0 && fuseUnk) {
                    pendingUnkEnd = i + 1;
                } else {
                    if (pendingUnkStart >= 0) {
                        word.add(unkId, pendingUnkStart, pendingUnkEnd);
                    }
                    pendingUnkStart = i;
                    pendingUnkEnd = i + 1;
                }
            }
        }
        if (pendingUnkStart >= 0) {
            word.add(unkId, pendingUnkStart, pendingUnkEnd);
        }
        return word;
    }

    private int symbolId(int c, boolean first, boolean last) {
        boolean prefixed = !first && !isEmpty(continuingSubwordPrefix);
        boolean suffixed = last && !isEmpty(endOfWordSuffix);
        Integer id;
        if (!prefixed && !suffixed) {
            id = vocab.get(c < 0x10000 ? String.valueOf((char) c) : new String(Character.toChars(c)));
        } else {
            StringBuilder symbol = new StringBuilder(8);
            if (prefixed) {
                symbol.append(continuingSubwordPrefix);
            }
            symbol.appendCodePoint(c);
            if (suffixed) {
                symbol.append(endOfWordSuffix);
            }
            id = vocab.get(symbol.toString());
        }
        return id == null ? -1 : id;
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    /** Byte fallback: one {@code <0xNN>} token per UTF-8 byte, all spanning the character; false if any is missing. */
    private boolean addBytes(BpeWord word, int c, int index) {
        byte[] bytes = new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (byteIds[b & 0xFF] < 0) {
                return false;
            }
        }
        for (byte b : bytes) {
            word.add(byteIds[b & 0xFF], index, index + 1);
        }
        return true;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "BPE");
        json.put("dropout", dropout);
        json.put("unk_token", unkToken);
        json.put("continuing_subword_prefix", continuingSubwordPrefix);
        json.put("end_of_word_suffix", endOfWordSuffix);
        json.put("fuse_unk", fuseUnk);
        json.put("byte_fallback", byteFallback);
        json.put("ignore_merges", ignoreMerges);
        json.put("vocab", vocab);
        List<Object> mergeList = new ArrayList<>(mergePairs.size());
        for (String[] pair : mergePairs) {
            mergeList.add(List.of(pair[0], pair[1]));
        }
        json.put("merges", mergeList);
        return json;
    }
}
