package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.TrainingResult;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Learns BPE merges from word counts exactly as HuggingFace's {@code BpeTrainer} does: special tokens first, then
 * the alphabet by code point (the rarest characters dropped beyond {@code limit_alphabet}), then the most frequent
 * pair is merged until the vocabulary is full or no pair reaches {@code min_frequency}. Equal counts are broken by
 * the smaller pair of ids (left id, then right id), which HuggingFace's merge queue does by ordering pairs
 * ascending; each queue entry keeps the words it was counted in, and a stale count is refreshed and re-queued
 * before it may win.
 *
 * <p>HuggingFace gives the prefixed and suffixed forms of characters their ids in the order of its word map, which
 * is a hash order that differs from run to run; here they are numbered in the order of the words sorted by text,
 * so that training is deterministic.
 */
final class BpeMerges {

    private final BpeConfig config;
    private final List<String> idToToken = new ArrayList<>();
    private final Map<String, Integer> tokenToId = new HashMap<>();
    private final List<int[]> merges = new ArrayList<>();
    private final List<Long> mergeCounts = new ArrayList<>();
    /**
     * Characters per merged token by id, as the length limit counts them; 0 for initial symbols, which count 1
     * (affixes included).
     */
    private int[] symbolLengths = new int[1024];

    private BpeMerges(BpeConfig config) {
        this.config = config;
    }

    /**
     * Trains.
     *
     * @param wordCounts word to count
     * @param config the settings
     * @param progress receives merges done of the merges possible
     * @return the vocabulary and merges
     * @throws IllegalArgumentException when the vocabulary size cannot hold the special tokens and alphabet
     */
    static BpeVocabulary train(Map<String, Long> wordCounts, BpeConfig config, ProgressListener progress) {
        BpeMerges trainer = new BpeMerges(config);
        trainer.run(wordCounts, progress);
        List<TrainingResult.Merge> learned = new ArrayList<>(trainer.merges.size());
        for (int i = 0; i < trainer.merges.size(); i++) {
            int[] m = trainer.merges.get(i);
            learned.add(new TrainingResult.Merge(trainer.idToToken.get(m[0]), trainer.idToToken.get(m[1]),
                    trainer.mergeCounts.get(i)));
        }
        Map<String, Integer> vocabulary = new LinkedHashMap<>();
        for (int id = 0; id < trainer.idToToken.size(); id++) {
            vocabulary.put(trainer.idToToken.get(id), id);
        }
        return new BpeVocabulary(vocabulary, learned);
    }

    private void run(Map<String, Long> wordCounts, ProgressListener progress) {
        for (String special : config.specialTokens()) {
            add(special);
        }
        addAlphabet(wordCounts);
        if (tokenToId.size() > config.vocabSize()) {
            throw new IllegalArgumentException("vocab_size " + config.vocabSize() + " is smaller than the "
                    + config.specialTokens().size() + " special tokens and the alphabet of "
                    + (tokenToId.size() - config.specialTokens().size())
                    + " characters together; raise vocab_size or set limit_alphabet");
        }
        String[] words = wordCounts.keySet().toArray(new String[0]);
        Arrays.sort(words);
        int[][] symbols = new int[words.length][];
        int[] symbolCounts = new int[words.length];
        long[] counts = new long[words.length];
        for (int w = 0; w < words.length; w++) {
            symbols[w] = initialSymbols(words[w]);
            symbolCounts[w] = symbols[w].length;
            counts[w] = wordCounts.get(words[w]);
        }
        PairCounts pairs = new PairCounts();
        for (int w = 0; w < words.length; w++) {
            for (int i = 0; i + 1 < symbolCounts[w]; i++) {
                pairs.addAndNote(PairIndex.pair(symbols[w][i], symbols[w][i + 1]), counts[w], w);
            }
        }
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        pairs.enqueueNoted(queue);
        int maxLength = config.maxTokenLength() > 0 ? config.maxTokenLength() : Integer.MAX_VALUE;
        while (tokenToId.size() < config.vocabSize() && !queue.isEmpty()) {
            Candidate top = queue.poll();
            long current = pairs.get(top.pair);
            if (top.count != current) {
                queue.add(new Candidate(top.pair, current, top.words));
                continue;
            }
            if (top.count < 1 || config.minFrequency() > top.count) {
                break;
            }
            int left = (int) (top.pair >>> 32);
            int right = (int) top.pair;
            int merged = add(idToToken.get(left) + withoutPrefix(idToToken.get(right)));
            setLength(merged, length(left) + length(right));
            merges.add(new int[] {left, right, merged});
            mergeCounts.add(top.count);
            for (int w : top.words) {
                symbolCounts[w] = mergeInWord(symbols[w], symbolCounts[w], left, right, merged, maxLength, counts[w],
                        w, pairs);
            }
            pairs.enqueueNoted(queue);
            progress.progress("merging pairs", tokenToId.size(), config.vocabSize());
        }
    }

    private String withoutPrefix(String token) {
        String prefix = config.continuingSubwordPrefix();
        return prefix != null && token.startsWith(prefix) ? token.substring(prefix.length()) : token;
    }

    /**
     * Merges every non-overlapping occurrence, left to right, updating pair counts; pairs newly formed (unless
     * longer than the limit) are noted for the queue.
     *
     * @return the word's new number of symbols
     */
    private int mergeInWord(int[] word, int size, int left, int right, int merged, int maxLength, long count,
            int wordIndex, PairCounts pairs) {
        int n = size;
        for (int i = 0; i < n; i++) {
            if (word[i] != left || i + 1 >= n || word[i + 1] != right) {
                continue;
            }
            int mergedLength = length(left) + length(right);
            if (i > 0) {
                pairs.add(PairIndex.pair(word[i - 1], left), -count);
                if (length(word[i - 1]) + mergedLength < maxLength) {
                    pairs.addAndNote(PairIndex.pair(word[i - 1], merged), count, wordIndex);
                }
            }
            word[i] = merged;
            System.arraycopy(word, i + 2, word, i + 1, n - i - 2);
            n--;
            if (i < n - 1) {
                pairs.add(PairIndex.pair(right, word[i + 1]), -count);
                if (length(word[i + 1]) + mergedLength < maxLength) {
                    pairs.addAndNote(PairIndex.pair(merged, word[i + 1]), count, wordIndex);
                }
            }
        }
        return n;
    }

    private int length(int id) {
        return id < symbolLengths.length && symbolLengths[id] > 0 ? symbolLengths[id] : 1;
    }

    private void setLength(int id, int length) {
        if (id >= symbolLengths.length) {
            symbolLengths = Arrays.copyOf(symbolLengths, Math.max(id + 1, symbolLengths.length * 2));
        }
        symbolLengths[id] = length;
    }

    private void addAlphabet(Map<String, Long> wordCounts) {
        Map<Integer, Long> frequencies = new HashMap<>();
        wordCounts.forEach((word, count) -> word.codePoints().forEach(c -> frequencies.merge(c, count, Long::sum)));
        for (int c : config.initialAlphabet()) {
            frequencies.put(c, Long.MAX_VALUE);
        }
        List<Map.Entry<Integer, Long>> kept = new ArrayList<>(frequencies.entrySet());
        int toRemove = config.limitAlphabet() > 0 ? Math.max(0, kept.size() - config.limitAlphabet()) : 0;
        if (toRemove > 0) {
            kept.sort(Map.Entry.comparingByValue());
            kept = kept.subList(toRemove, kept.size());
        }
        TreeMap<Integer, Long> byCodePoint = new TreeMap<>();
        kept.forEach(e -> byCodePoint.put(e.getKey(), e.getValue()));
        for (int c : byCodePoint.keySet()) {
            add(new String(Character.toChars(c)));
        }
    }

    /** The word as alphabet symbols with prefix and suffix; characters outside the alphabet are left out. */
    private int[] initialSymbols(String word) {
        int[] codePoints = word.codePoints().toArray();
        int[] symbols = new int[codePoints.length];
        int n = 0;
        for (int i = 0; i < codePoints.length; i++) {
            String s = new String(Character.toChars(codePoints[i]));
            if (!tokenToId.containsKey(s)) {
                continue;
            }
            if (i > 0 && config.continuingSubwordPrefix() != null) {
                s = config.continuingSubwordPrefix() + s;
            }
            if (i == codePoints.length - 1 && config.endOfWordSuffix() != null) {
                s = s + config.endOfWordSuffix();
            }
            symbols[n++] = add(s);
        }
        return Arrays.copyOf(symbols, n);
    }

    /** The id of a token, added at the end of the vocabulary if new. */
    private int add(String token) {
        Integer id = tokenToId.get(token);
        if (id != null) {
            return id;
        }
        int newId = idToToken.size();
        idToToken.add(token);
        tokenToId.put(token, newId);
        return newId;
    }

    /** A pair waiting in the queue with the count it had when queued and the words it was seen in. */
    private record Candidate(long pair, long count, int[] words) implements Comparable<Candidate> {
        /** Highest count first; among equal counts, the smaller (left, right) pair first. */
        @Override
        public int compareTo(Candidate other) {
            if (count != other.count) {
                return Long.compare(other.count, count);
            }
            return Long.compare(pair, other.pair);
        }
    }

    /**
     * Pair counts, and the words in which pairs were counted since the queue was last fed (HuggingFace's
     * {@code where_to_update}), in arrays indexed by {@link PairIndex}.
     */
    private static final class PairCounts {
        private final PairIndex index = new PairIndex();
        private long[] counts = new long[1 << 14];
        /** Per pair index: the words noted since the last {@link #enqueueNoted}, or null. */
        private IntList[] noted = new IntList[1 << 14];
        /** The pair indexes with notes, in the order first noted. */
        private final IntList notedPairs = new IntList();

        void add(long pair, long delta) {
            int i = slot(pair);
            counts[i] += delta;
        }

        /** Adds to a pair's count and notes the word it was counted in. */
        void addAndNote(long pair, long delta, int word) {
            int i = slot(pair);
            counts[i] += delta;
            IntList words = noted[i];
            if (words == null) {
                words = new IntList();
                noted[i] = words;
                notedPairs.add(i);
            }
            // A word's notes arrive together (one word is merged at a time): comparing with the last note is
            // enough to keep each word once.
            words.addUnlessLast(word);
        }

        long get(long pair) {
            int i = index.find(pair);
            return i < 0 ? 0 : counts[i];
        }

        /** Queues each noted pair whose count is positive, with its words, and forgets the notes. */
        void enqueueNoted(PriorityQueue<Candidate> queue) {
            for (int n = 0; n < notedPairs.size(); n++) {
                int i = notedPairs.get(n);
                if (counts[i] > 0) {
                    queue.add(new Candidate(index.pairAt(i), counts[i], noted[i].toArray()));
                }
                noted[i] = null;
            }
            notedPairs.clear();
        }

        private int slot(long pair) {
            int i = index.indexOf(pair);
            if (i >= counts.length) {
                counts = Arrays.copyOf(counts, counts.length * 2);
                noted = Arrays.copyOf(noted, noted.length * 2);
            }
            return i;
        }
    }

    /** A growable list of ints. */
    private static final class IntList {
        private int[] values = new int[4];
        private int size;

        void add(int value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        void addUnlessLast(int value) {
            if (size == 0 || values[size - 1] != value) {
                add(value);
            }
        }

        int get(int i) {
            return values[i];
        }

        int size() {
            return size;
        }

        void clear() {
            size = 0;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
