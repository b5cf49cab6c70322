package io.bertlab.tokenizer.bpe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The BPE word cache keeps HuggingFace's policy (the first words stay, then it stops adding) and never changes a
 * result.
 */
class WordCacheTest {

    /** A word of code points, in the middle of a larger array as words are in their text. */
    private static int[] text(String word) {
        int[] cps = word.codePoints().toArray();
        int[] text = new int[cps.length + 4];
        System.arraycopy(cps, 0, text, 2, cps.length);
        return text;
    }

    /** One symbol per code point, ids 100 + index. */
    private static BpeWord symbols(int length) {
        BpeWord word = new BpeWord(length);
        for (int i = 0; i < length; i++) {
            word.add(100 + i, i, i + 1);
        }
        return word;
    }

    private static int[] tokens(WordCache cache, String word) {
        int[] text = text(word);
        int length = word.codePointCount(0, word.length());
        int[] entry = cache.get(text, 2, length, WordCache.hash(text, 2, length));
        return entry == null ? null : Arrays.copyOfRange(entry, WordCache.tokensStart(length), entry.length);
    }

    private static void put(WordCache cache, String word) {
        int[] text = text(word);
        int length = word.codePointCount(0, word.length());
        cache.put(text, 2, length, WordCache.hash(text, 2, length), symbols(length));
    }

    @Test
    void keepsTheFirstWordsAndThenStopsAdding() {
        WordCache cache = new WordCache(3);
        for (String word : List.of("ab", "abc", "b\u00e9", "later", "\uD83D\uDE00x")) {
            put(cache, word);
        }
        assertEquals(3, cache.size());
        assertTrue(cache.isFull());
        assertArrayEquals(new int[] {100, 0, 1, 101, 1, 2}, tokens(cache, "ab"));
        assertArrayEquals(new int[] {100, 0, 1, 101, 1, 2, 102, 2, 3}, tokens(cache, "abc"));
        assertArrayEquals(new int[] {100, 0, 1, 101, 1, 2}, tokens(cache, "b\u00e9"));
        assertNull(tokens(cache, "later"));
        assertNull(tokens(cache, "\uD83D\uDE00x"));
        assertNull(tokens(cache, "a"));
        put(cache, "ab");
        assertEquals(3, cache.size());
    }

    @Test
    void concurrentWritersNeverPassTheCapacity() throws Exception {
        WordCache cache = new WordCache(500);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                done.add(pool.submit(() -> {
                    // Every thread offers the same words, so some race for the same key and some for the last places.
                    for (int w = 0; w < 2_000; w++) {
                        put(cache, "w" + w);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(500, cache.size());
        int found = 0;
        for (int w = 0; w < 2_000; w++) {
            String word = "w" + w;
            int[] tokens = tokens(cache, word);
            if (tokens != null) {
                found++;
                assertEquals(3 * word.length(), tokens.length, word);
            }
        }
        assertEquals(500, found);
    }

    @Test
    void aFullCacheChangesNoResult() throws Exception {
        // More distinct words than the model caches (10,000), twice over: the second pass meets cached words and
        // words that came too late to be cached, and each must come out as it did the first time.
        Tokenizer tokenizer = TokenizerFiles.fromJson("{\"model\": {\"type\": \"BPE\", \"vocab\": {\"a\": 0, \"b\": 1,"
                + " \"c\": 2, \"ab\": 3, \"abc\": 4, \"ca\": 5}, \"merges\": [\"a b\", \"ab c\", \"c a\"]}}",
                ModelRegistry.of(new BpeModelFactory()));
        List<String> words = new ArrayList<>();
        for (int w = 0; w < 12_000; w++) {
            StringBuilder word = new StringBuilder();
            for (int v = w; ; v /= 3) {
                word.append("abc".charAt(v % 3));
                if (v < 3) {
                    break;
                }
            }
            words.add(word.toString());
        }
        List<Encoding> first = new ArrayList<>();
        for (String word : words) {
            first.add(tokenizer.encode(word, EncodeOptions.plain()));
        }
        for (int w = 0; w < words.size(); w++) {
            assertEquals(first.get(w), tokenizer.encode(words.get(w), EncodeOptions.plain()), words.get(w));
        }
        // "a b" (rank 0) before "c a" (rank 2), then "ab c": two "abc".
        assertArrayEquals(new int[] {4, 4}, first.get(words.indexOf("abcabc")).ids());
    }
}
