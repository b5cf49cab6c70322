package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * A split's examples as BERT inputs, unpadded: {@code [CLS] A [SEP]} or {@code [CLS] A [SEP] B [SEP]}, cut to the
 * maximum length longest-first as HF's {@code run_glue} does; or, for heads that read the two texts of a pair apart
 * ({@link HeadSpec#sequencesPerExample()} 2), {@code [CLS] A [SEP]} and {@code [CLS] B [SEP]}, each cut to the maximum
 * length. Padding happens per batch.
 *
 * @param examples the examples, in file order
 * @param ids each example's token ids (of its first text alone, when apart)
 * @param typeIds each example's segment ids
 * @param secondIds each example's second text's token ids when the texts are encoded apart, else {@code null}
 */
record EncodedSplit(List<Example> examples, int[][] ids, int[][] typeIds, int[][] secondIds) {

    private static final int CHUNK = 512;

    /**
     * Encodes examples for a head.
     *
     * @param head the head they are encoded for: it says whether a pair is one sequence or two
     * @param progress told after each chunk of examples
     */
    static EncodedSplit encode(List<Example> examples, Tokenizer tokenizer, int maxLength, HeadSpec head,
            ProgressListener progress) {
        boolean apart = head.sequencesPerExample() == 2;
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(maxLength), null);
        int[][] ids = new int[examples.size()][];
        int[][] types = new int[examples.size()][];
        int[][] second = apart ? new int[examples.size()][] : null;
        for (int start = 0; start < examples.size(); start += CHUNK) {
            List<Example> chunk = examples.subList(start, Math.min(examples.size(), start + CHUNK));
            List<Encoding> encodings = apart ? tokenizer.encodeBatch(chunk.stream().map(Example::textA).toList(),
                    options) : encodeChunk(chunk, tokenizer, options);
            List<Encoding> seconds = apart ? tokenizer.encodeBatch(chunk.stream().map(EncodedSplit::secondText)
                    .toList(), options) : null;
            for (int i = 0; i < chunk.size(); i++) {
                ids[start + i] = encodings.get(i).ids();
                types[start + i] = encodings.get(i).typeIds();
                if (apart) {
                    second[start + i] = seconds.get(i).ids();
                }
            }
            progress.progress("encode", start + chunk.size(), examples.size());
        }
        return new EncodedSplit(examples, ids, types, second);
    }

    private static String secondText(Example example) {
        if (!example.isPair()) {
            throw new IllegalArgumentException("example " + example.id() + " has one text; a head that reads the two"
                    + " texts of a pair apart needs two");
        }
        return example.textB();
    }

    /** Whether the two texts of each pair are encoded apart (then a batch of n examples has 2n sequences). */
    boolean apart() {
        return secondIds != null;
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

    /** The padded length an example needs: its sequence's, or the longer of its two texts' when apart. */
    int length(int example) {
        return apart() ? Math.max(ids[example].length, secondIds[example].length) : ids[example].length;
    }

    /** An example's tokens, special tokens included, padding not: the work a pass really does on it. */
    int tokens(int example) {
        return ids[example].length + (apart() ? secondIds[example].length : 0);
    }

    /** The tokens of all examples, special tokens included, padding not. */
    long tokens() {
        long total = 0;
        for (int i = 0; i < ids.length; i++) {
            total += tokens(i);
        }
        return total;
    }
}
