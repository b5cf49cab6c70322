package io.bertlab.tokenizer.huggingface;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.PaddingStrategy;
import io.bertlab.api.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@link Tokenizer} backed by HuggingFace's Rust library through DJL's JNI binding. The native tokenizer holds
 * truncation and padding as state, so calls are serialized; offsets are code points ({@code encode_char_offsets}).
 */
final class NativeTokenizer implements Tokenizer, AutoCloseable {

    private final long handle;
    private final EncodeOptions defaults;
    private final Map<String, Integer> vocabulary;
    private final Map<Integer, String> tokensById = new HashMap<>();

    NativeTokenizer(long handle, Map<String, Integer> vocabulary) {
        this.handle = handle;
        this.defaults = NativeSettings.read(handle);
        this.vocabulary = Map.copyOf(vocabulary);
        vocabulary.forEach((token, id) -> tokensById.putIfAbsent(id, token));
    }

    @Override
    public EncodeOptions defaults() {
        return defaults;
    }

    @Override
    public synchronized Encoding encode(String text, EncodeOptions options) {
        NativeSettings.apply(handle, options);
        return read(call(() -> TokenizersLibrary.LIB.encode(handle, text, options.addSpecialTokens())));
    }

    @Override
    public synchronized Encoding encodePair(String first, String second, EncodeOptions options) {
        NativeSettings.apply(handle, options);
        return read(call(() -> TokenizersLibrary.LIB.encodeDual(handle, first, second, options.addSpecialTokens())));
    }

    @Override
    public synchronized List<Encoding> encodeBatch(List<String> texts, EncodeOptions options) {
        List<Encoding> result = new ArrayList<>(texts.size());
        for (String text : texts) {
            result.add(encode(text, withoutBatchPadding(options)));
        }
        return BatchPadding.pad(result, options);
    }

    @Override
    public synchronized List<Encoding> encodePairBatch(List<List<String>> pairs, EncodeOptions options) {
        List<Encoding> result = new ArrayList<>(pairs.size());
        for (List<String> pair : pairs) {
            result.add(encodePair(pair.get(0), pair.get(1), withoutBatchPadding(options)));
        }
        return BatchPadding.pad(result, options);
    }

    private static EncodeOptions withoutBatchPadding(EncodeOptions options) {
        // One call at a time: batch-longest padding happens after all encodings are known.
        return options.padding().filter(p -> p.strategy() == PaddingStrategy.LONGEST).isPresent()
                ? options.with((io.bertlab.api.tokenizer.Padding) null) : options;
    }

    private static long call(java.util.function.LongSupplier nativeCall) {
        try {
            return nativeCall.getAsLong();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static Encoding read(long encoding) {
        try {
            TokenizersLibrary lib = TokenizersLibrary.LIB;
            CharSpan[] spans = lib.getTokenCharSpans(encoding);
            int[] sequenceIds = ints(lib.getSequenceIds(encoding));
            int[] starts = new int[spans.length];
            int[] ends = new int[spans.length];
            for (int i = 0; i < spans.length; i++) {
                if (spans[i] != null) {
                    starts[i] = spans[i].getStart();
                    ends[i] = spans[i].getEnd();
                } else {
                    sequenceIds[i] = -1;
                }
            }
            List<Encoding> overflowing = new ArrayList<>();
            for (long o : lib.getOverflowing(encoding)) {
                overflowing.add(read(o));
            }
            return new Encoding(lib.getTokens(encoding), ints(lib.getTokenIds(encoding)), ints(lib.getTypeIds(encoding)),
                    ints(lib.getAttentionMask(encoding)), ints(lib.getSpecialTokenMask(encoding)), starts, ends,
                    ints(lib.getWordIds(encoding)), sequenceIds, overflowing);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    private static int[] ints(long[] longs) {
        return Arrays.stream(longs).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public synchronized String decode(int[] ids, boolean skipSpecialTokens) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return TokenizersLibrary.LIB.decode(handle, longs, skipSpecialTokens);
    }

    @Override
    public int vocabularySize() {
        return vocabulary.size();
    }

    @Override
    public OptionalInt tokenToId(String token) {
        Integer id = vocabulary.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public Optional<String> idToToken(int id) {
        return Optional.ofNullable(tokensById.get(id));
    }

    @Override
    public Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    @Override
    public synchronized void close() {
        TokenizersLibrary.LIB.deleteTokenizer(handle);
    }
}
