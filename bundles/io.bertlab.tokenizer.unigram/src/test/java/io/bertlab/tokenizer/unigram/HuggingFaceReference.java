package io.bertlab.tokenizer.unigram;

import ai.djl.huggingface.tokenizers.jni.CharSpan;
import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import io.bertlab.api.tokenizer.Encoding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * HuggingFace {@code tokenizers} (Rust) through DJL's JNI binding, used directly: DJL's {@code HuggingFaceTokenizer}
 * may rewrite inputs and settings from a {@code tokenizer_config.json} beside the file, the reference must not.
 * Results are bertlab {@link Encoding}s, offsets in code points; tokens HuggingFace gives no offsets (special
 * tokens) get (0, 0), as bertlab reports them.
 */
final class HuggingFaceReference implements AutoCloseable {

    private static final TokenizersLibrary LIB = TokenizersLibrary.LIB;

    private final long handle;

    private HuggingFaceReference(long handle) {
        this.handle = handle;
    }

    static HuggingFaceReference load(Path tokenizerJson) throws IOException {
        return fromJson(Files.readString(tokenizerJson));
    }

    static HuggingFaceReference fromJson(String tokenizerJson) {
        LibUtils.checkStatus();
        return new HuggingFaceReference(LIB.createTokenizerFromString(tokenizerJson));
    }

    Encoding encode(String text) {
        return read(LIB.encode(handle, text, true));
    }

    Encoding encodePair(String first, String second) {
        return read(LIB.encodeDual(handle, first, second, true));
    }

    String decode(int[] ids) {
        long[] longs = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            longs[i] = ids[i];
        }
        return LIB.decode(handle, longs, false);
    }

    private static Encoding read(long encoding) {
        try {
            CharSpan[] spans = LIB.getTokenCharSpans(encoding);
            int[] starts = new int[spans.length];
            int[] ends = new int[spans.length];
            for (int i = 0; i < spans.length; i++) {
                if (spans[i] != null) {
                    starts[i] = spans[i].getStart();
                    ends[i] = spans[i].getEnd();
                }
            }
            return new Encoding(LIB.getTokens(encoding), ints(LIB.getTokenIds(encoding)),
                    ints(LIB.getTypeIds(encoding)), ints(LIB.getAttentionMask(encoding)),
                    ints(LIB.getSpecialTokenMask(encoding)), starts, ends, ints(LIB.getWordIds(encoding)),
                    ints(LIB.getSequenceIds(encoding)), List.of());
        } finally {
            LIB.deleteEncoding(encoding);
        }
    }

    private static int[] ints(long[] longs) {
        return Arrays.stream(longs).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public void close() {
        LIB.deleteTokenizer(handle);
    }
}
