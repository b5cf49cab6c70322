package io.bertlab.integration.equinox;

import ai.djl.huggingface.tokenizers.jni.LibUtils;
import ai.djl.huggingface.tokenizers.jni.TokenizersLibrary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The oracle for tokenizers: HuggingFace {@code tokenizers} itself, through DJL's JNI binding used directly (DJL's
 * {@code HuggingFaceTokenizer} class would rewrite the input from a {@code tokenizer_config.json} beside the file).
 */
final class HuggingFaceTokenizer implements AutoCloseable {

    private final long handle;

    private HuggingFaceTokenizer(long handle) {
        this.handle = handle;
    }

    /** The tokenizer of a {@code tokenizer.json}, with the truncation and padding the file sets. */
    static HuggingFaceTokenizer of(Path tokenizerJson) throws IOException {
        LibUtils.checkStatus();
        return new HuggingFaceTokenizer(TokenizersLibrary.LIB.createTokenizerFromString(
                Files.readString(tokenizerJson)));
    }

    /** Drops the file's padding and truncates to {@code maxLength} tokens (longest first). */
    HuggingFaceTokenizer unpaddedTruncatedTo(int maxLength) {
        TokenizersLibrary.LIB.disablePadding(handle);
        TokenizersLibrary.LIB.setTruncation(handle, maxLength, "LONGEST_FIRST", 0);
        return this;
    }

    Encoded encode(String text) {
        return read(TokenizersLibrary.LIB.encode(handle, text, true));
    }

    Encoded encodePair(String first, String second) {
        return read(TokenizersLibrary.LIB.encodeDual(handle, first, second, true));
    }

    private static Encoded read(long encoding) {
        TokenizersLibrary lib = TokenizersLibrary.LIB;
        try {
            return new Encoded(lib.getTokens(encoding), ints(lib.getTokenIds(encoding)), ints(lib.getTypeIds(encoding)),
                    ints(lib.getAttentionMask(encoding)));
        } finally {
            lib.deleteEncoding(encoding);
        }
    }

    private static int[] ints(long[] values) {
        return Arrays.stream(values).mapToInt(Math::toIntExact).toArray();
    }

    @Override
    public void close() {
        TokenizersLibrary.LIB.deleteTokenizer(handle);
    }

    /** What HF's {@code Encoding} says about one input. */
    record Encoded(String[] tokens, int[] ids, int[] typeIds, int[] attentionMask) {

        int attended() {
            return Arrays.stream(attentionMask).sum();
        }
    }
}
