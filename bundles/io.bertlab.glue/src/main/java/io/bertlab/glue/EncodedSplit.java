package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * A split's examples as BERT inputs, unpadded: {@code [CLS] A [SEP]} or {@code [CLS] A [SEP] B [SEP]}, cut to the
 * maximum length longest-first as HF's {@code run_glue} does. Padding happens per batch.
 *
 * @param examples the examples, in file order
 * @param ids each example's token ids
 * @param typeIds each example's segment ids
 */
record EncodedSplit(List<Example> examples, int[][] ids, int[][] typeIds) {

    private static final int CHUNK = 512;

    /**
     * Encodes examples.
     *
     * @param progress told after each chunk of examples
     */
    static EncodedSplit encode(List<Example> examples, Tokenizer tokenizer, int maxLength, ProgressListener progress) {
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(maxLength), null);
        int[][] ids = new int[examples.size()][];
        int[][] types = new int[examples.size()][];
        for (int start = 0; start < examples.size(); start += CHUNK) {
            List<Example> chunk = examples.subList(start, Math.min(examples.size(), start + CHUNK));
            List<Encoding> encodings = encodeChunk(chunk, tokenizer, options);
            for (int i = 0; i < chunk.size(); i++) {
                ids[start + i] = encodings.get(i).ids();
                types[start + i] = encodings.get(i).typeIds();
            }
            progress.progress("encode", start + chunk.size(), examples.size());
        }
        return new EncodedSplit(examples, ids, types);
    }

    private static List<Encoding> encodeChunk(List<Example> chunk, Tokenizer tokenizer, EncodeOptions options) {
        if (chunk.get(0).isPair()) {
            List<List<String>> pairs = new ArrayList<>(chunk.size());
            for (Example example : chunk) {
                pairs.add(List.of(example.textA(), example.textB()));
            }
            return tokenizer.encodePairBatch(pairs, options);
        }
        return tokenizer.encodeBatch(chunk.stream().map(Example::textA).toList(), options);
    }

    int size() {
        return ids.length;
    }

    int length(int example) {
        return ids[example].length;
    }

    /** The tokens of all examples, special tokens included, padding not: the work a pass really does. */
    long tokens() {
        long total = 0;
        for (int[] row : ids) {
            total += row.length;
        }
        return total;
    }
}
