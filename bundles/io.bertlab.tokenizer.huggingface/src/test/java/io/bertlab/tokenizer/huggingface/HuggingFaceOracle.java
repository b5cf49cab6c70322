package io.bertlab.tokenizer.huggingface;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.bertlab.api.tokenizer.EncodeOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * HuggingFace {@code tokenizers} itself, through DJL's JNI binding used directly: DJL's
 * {@code HuggingFaceTokenizer} would rewrite the input (lower-casing, accent stripping from
 * {@code tokenizer_config.json}), which the oracle must not do. Offsets come from {@code encode_char_offsets}, so
 * they are in Unicode code points as in HuggingFace's Python binding; special tokens and padding report no offsets
 * (null).
 */
final class HuggingFaceOracle implements AutoCloseable {

    private final long handle;

    private HuggingFaceOracle(long handle) {
        this.handle = handle;
    }

    static HuggingFaceOracle fromJson(String tokenizerJson) {
        LibUtils.checkStatus();
        return new HuggingFaceOracle(TokenizersLibrary.LIB.createTokenizerFromString(tokenizerJson));
    }

    /** Applies truncation and padding, as the adapter does (DJL pads with HuggingFace's defaults). */
    void configure(EncodeOptions options) {
        NativeSettings.apply(handle, options);
    }

    OracleEncoding encode(String text, boolean addSpecialTokens) {
        return read(TokenizersLibrary.LIB.encode(handle, text, addSpecialTokens));
    }

    OracleEncoding encodePair(String first, String second, boolean addSpecialTokens) {
        return read(TokenizersLibrary.LIB.encodeDual(handle, first, second, addSpecialTokens));
    }

    String decode(int[] ids, boolean skipSpecialTokens) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return TokenizersLibrary.LIB.decode(handle, longs, skipSpecialTokens);
    }

    private static OracleEncoding read(long encoding) {
        try {
            TokenizersLibrary lib = TokenizersLibrary.LIB;
            CharSpan[] spans = lib.getTokenCharSpans(encoding);
            int[] starts = new int[spans.length];
            int[] ends = new int[spans.length];
            boolean[] hasOffsets = new boolean[spans.length];
            for (int i = 0; i < spans.length; i++) {
                if (spans[i] != null) {
                    starts[i] = spans[i].getStart();
                    ends[i] = spans[i].getEnd();
                    hasOffsets[i] = true;
                }
            }
            List<OracleEncoding> overflowing = new ArrayList<>();
            for (long o : lib.getOverflowing(encoding)) {
                overflowing.add(read(o));
            }
            return new OracleEncoding(lib.getTokens(encoding), ints(lib.getTokenIds(encoding)),
                    ints(lib.getTypeIds(encoding)), ints(lib.getAttentionMask(encoding)),
                    ints(lib.getSpecialTokenMask(encoding)), starts, ends, hasOffsets, ints(lib.getWordIds(encoding)),
                    overflowing);
        } finally {
            TokenizersLibrary.LIB.deleteEncoding(encoding);
        }
    }

    private static int[] ints(long[] longs) {
        return Arrays.stream(longs).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public void close() {
        TokenizersLibrary.LIB.deleteTokenizer(handle);
    }

    /** What HuggingFace returned for one input. */
    record OracleEncoding(String[] tokens, int[] ids, int[] typeIds, int[] attentionMask, int[] specialTokensMask,
            int[] starts, int[] ends, boolean[] hasOffsets, int[] wordIds, List<OracleEncoding> overflowing) {
    }
}
