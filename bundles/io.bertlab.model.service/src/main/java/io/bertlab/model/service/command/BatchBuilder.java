package io.bertlab.model.service.command;

import io.bertlab.api.model.Batch;
import io.bertlab.api.tokenizer.Encoding;
import java.util.List;

/**
 * Stacks encodings into one batch, padding the shorter ones (id 0, masked out) to the longest. Public (the package
 * stays private to the bundle) so that code outside OSGi that embeds as {@code embed} does runs this very code.
 */
public final class BatchBuilder {

    private BatchBuilder() {
    }

    /**
     * The batch of encodings, padded to the longest.
     *
     * @param encodings at least one
     * @return the batch
     */
    public static Batch of(List<Encoding> encodings) {
        int length = encodings.stream().mapToInt(Encoding::length).max().orElse(0);
        int[][] ids = new int[encodings.size()][length];
        int[][] types = new int[encodings.size()][length];
        int[][] mask = new int[encodings.size()][length];
        for (int row = 0; row < encodings.size(); row++) {
            Encoding encoding = encodings.get(row);
            System.arraycopy(encoding.ids(), 0, ids[row], 0, encoding.length());
            System.arraycopy(encoding.typeIds(), 0, types[row], 0, encoding.length());
            System.arraycopy(encoding.attentionMask(), 0, mask[row], 0, encoding.length());
        }
        return new Batch(ids, types, mask);
    }
}
