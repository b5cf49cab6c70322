package io.bertlab.spark;

import io.bertlab.api.command.CommandException;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.ForwardResult;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.model.service.command.BatchBuilder;
import io.bertlab.model.service.command.Pooling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Embeds batches of texts exactly as {@code bertlab embed} does — the same encode options, {@link BatchBuilder}'s
 * padding to the batch's longest text, the model's forward pass, {@link Pooling} and its normalisation — with two
 * differences for corpora: a text that cannot be embedded (null, empty, or refused by the tokenizer or the model)
 * gets a reason instead of failing the batch; and, if asked, the texts of a call are sorted by length before they
 * are cut into batches, so that a batch pads less.
 */
final class Embedder {

    /**
     * One text's result.
     *
     * @param embedding the vector; empty when the text has none
     * @param tokens the attended tokens ({@code embed}'s "tokens"), special tokens included; 0 without a vector
     * @param truncated whether the text was cut to the model's {@code max_position_embeddings}
     * @param error why there is no vector, or {@code null}
     */
    record Result(float[] embedding, int tokens, boolean truncated, String error) {

        static Result failed(String reason) {
            return new Result(new float[0], 0, false, reason);
        }
    }

    private final SharedModel model;
    private final String modelName;
    private final Pooling pooling;
    private final boolean normalize;
    private final int batchSize;
    private final boolean sortByLength;

    /**
     * @param batchSize texts per forward pass
     * @param sortByLength whether the texts of one call are sorted by token count before they are cut into batches
     *        (less padding; the results keep the call's order); {@code false} batches consecutive texts, as
     *        {@code embed} does
     */
    Embedder(SharedModel model, String modelName, Pooling pooling, boolean normalize, int batchSize,
            boolean sortByLength) {
        this.model = model;
        this.modelName = modelName;
        this.pooling = pooling;
        this.normalize = normalize;
        this.batchSize = batchSize;
        this.sortByLength = sortByLength;
    }

    /**
     * Embeds texts, {@code batchSize} per forward pass.
     *
     * @param texts the texts, any of them {@code null}
     * @return one result per text, in order
     * @throws IllegalArgumentException when the options do not fit the model ({@code pooler} on a model without one)
     */
    List<Result> embed(List<?> texts) {
        Result[] results = new Result[texts.size()];
        List<Integer> rows = new ArrayList<>(texts.size());
        List<String> good = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            String reason = BadText.reason(texts.get(i));
            if (reason != null) {
                results[i] = Result.failed(reason);
            } else {
                rows.add(i);
                good.add(texts.get(i).toString());
            }
        }
        List<Encoding> encodings = encode(good, rows, results);
        List<Integer> order = new ArrayList<>(encodings.size());
        for (int i = 0; i < encodings.size(); i++) {
            if (encodings.get(i) != null) {
                order.add(i);
            }
        }
        if (sortByLength) {
            order.sort(Comparator.comparingInt(i -> encodings.get(i).length())); // stable: ties keep their order
        }
        for (int start = 0; start < order.size(); start += batchSize) {
            List<Integer> batch = order.subList(start, Math.min(order.size(), start + batchSize));
            forward(batch.stream().map(encodings::get).toList(), batch.stream().map(rows::get).toList(), results);
        }
        return List.of(results);
    }

    /** The encodings, as {@code embed} encodes; a text the tokenizer throws on gets a reason and a {@code null}. */
    private List<Encoding> encode(List<String> texts, List<Integer> rows, Result[] results) {
        try {
            return model.tokenizer().encodeBatch(texts, model.embedOptions());
        } catch (RuntimeException batchFailure) {
            List<Encoding> encodings = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                try {
                    encodings.add(model.tokenizer().encode(texts.get(i), model.embedOptions()));
                } catch (RuntimeException e) {
                    encodings.add(null);
                    results[rows.get(i)] = Result.failed("tokenization failed: " + e.getMessage());
                }
            }
            return encodings;
        }
    }

    /** One forward pass, pooled as {@code embed} pools. */
    private void forward(List<Encoding> encodings, List<Integer> rows, Result[] results) {
        Batch batch = BatchBuilder.of(encodings);
        ForwardResult result;
        try {
            result = model.model().forward(batch);
        } catch (IllegalArgumentException e) {
            // the engine refused an input (a token id outside the model's vocabulary, ...): find the text at fault
            if (encodings.size() == 1) {
                results[rows.get(0)] = Result.failed("the model refused the input: " + e.getMessage());
            } else {
                for (int i = 0; i < encodings.size(); i++) {
                    forward(List.of(encodings.get(i)), List.of(rows.get(i)), results);
                }
            }
            return;
        }
        try {
            pooling.requireSupportedBy(result, modelName);
        } catch (CommandException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        for (int row = 0; row < encodings.size(); row++) {
            float[] embedding = pooling.pool(result, batch, row);
            if (normalize) {
                Pooling.normalize(embedding);
            }
            Encoding encoding = encodings.get(row);
            results[rows.get(row)] = new Result(embedding, attended(encoding), !encoding.overflowing().isEmpty(),
                    null);
        }
    }

    /** As {@code embed} counts "tokens": the attended positions. */
    private static int attended(Encoding encoding) {
        int count = 0;
        for (int mask : encoding.attentionMask()) {
            count += mask;
        }
        return count;
    }
}
