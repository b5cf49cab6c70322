package io.bertlab.tokenizer.huggingface;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import io.bertlab.api.tokenizer.Direction;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Truncation;
import io.bertlab.api.tokenizer.TruncationStrategy;
import io.bertlab.testing.SharedData;
import io.bertlab.api.tokenizer.Tokenizer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Pairs of long texts truncated to a small length. HuggingFace's {@code merge_with} combines the overflowing parts
 * of the two texts with each other (every part of the first with the second, with each part of the second, and the
 * first with each part of the second, one level nested), so the result grows with the product of the parts' counts:
 * HF's own library needs minutes and gigabytes for two 30,000-character texts at {@code max_length} 16. bertlab gives
 * the same parts, and its allocation stays proportional to what it returns.
 */
class LongPairTruncationTest {

    private static final Path FILE = SharedData.require("tokenizers/bert-base-uncased/tokenizer.json");

    private static String[] pair(int length) throws IOException {
        String text = Files.readString(SharedData.require("text").resolve("botchan_en.txt"));
        return new String[] {text.substring(10_000, 10_000 + length), text.substring(60_000, 60_000 + length)};
    }

    private static Tokenizer tokenizer() {
        return new TokenizerSources.Source("bert-base-uncased", FILE, Map.of()).load();
    }

    @Test
    void overflowingPartsOfALongPairAreHuggingFaces() throws IOException {
        String[] pair = pair(3_000);
        Tokenizer ours = tokenizer();
        for (Truncation truncation : new Truncation[] {Truncation.longestFirst(32),
                new Truncation(TruncationStrategy.LONGEST_FIRST, 64, 8, Direction.RIGHT),
                new Truncation(TruncationStrategy.LONGEST_FIRST, 34, 0, Direction.RIGHT)}) {
            EncodeOptions options = EncodeOptions.of(true, truncation, null);
            try (HuggingFaceOracle oracle = HuggingFaceOracle.fromJson(Files.readString(FILE))) {
                oracle.configure(options);
                HuggingFaceOracle.OracleEncoding theirs = oracle.encodePair(pair[0], pair[1], true);
                Encoding encoding = ours.encodePair(pair[0], pair[1], options);
                assertNull(EncodingComparison.difference(encoding, theirs), truncation.toString());
                assertTrue(encoding.overflowing().size() > 100, "a long pair overflows: " + truncation);
            }
        }
    }

    @Test
    void allocationStaysProportionalToTheResult() throws IOException {
        String[] pair = pair(8_000);
        Tokenizer ours = tokenizer();
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(16), null);
        ours.encodePair(pair[0].substring(0, 500), pair[1].substring(0, 500), options); // warm up
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        Encoding encoding = ours.encodePair(pair[0], pair[1], options);
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        long tokens = tokens(encoding);
        // What a result holds per token: 8 int columns and a token reference, 40 to 44 bytes (array headers on top,
        // for parts of 16 tokens). It is built once in buffers and copied into the Encodings (which copy their
        // arrays): four times that is the budget. Copying each part before merging it, as HF's clone does, took
        // 370 bytes a token here.
        long bound = tokens * 44 * 4;
        System.out.printf("pair of 2 x 8,000 characters at max_length 16: %,d encodings, %,d tokens, %,d MB allocated"
                + " (bound %,d MB)%n", count(encoding), tokens, allocated >> 20, bound >> 20);
        assertTrue(allocated < bound, allocated + " bytes allocated for " + tokens + " tokens");
        assertEquals(16, encoding.ids().length);
    }

    private static long tokens(Encoding e) {
        long n = e.ids().length;
        for (Encoding o : e.overflowing()) {
            n += tokens(o);
        }
        return n;
    }

    private static long count(Encoding e) {
        long n = 1;
        for (Encoding o : e.overflowing()) {
            n += count(o);
        }
        return n;
    }
}
