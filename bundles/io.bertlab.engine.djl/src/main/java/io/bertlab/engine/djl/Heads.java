package io.bertlab.engine.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.model.Loss;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.model.bert.BertParameterNames;
import io.bertlab.model.bert.BertParameterNames.Dense;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The task heads of {@link HeadSpec} on NDArrays: their parameters (HF names under the head's name), their logits
 * and their losses, as HF's {@code BertFor...} models compute them.
 */
final class Heads {

    private Heads() {
    }

    /** The mean of each sequence's last hidden states over its attended tokens, {@code [batch, hidden]}. */
    private static NDArray meanOfTokens(NDArray lastHiddenState, EncoderInputs inputs) {
        NDArray attended = inputs.attentionBias().reshape(inputs.batchSize(), inputs.sequenceLength(), 1).eq(0f)
                .toType(DataType.FLOAT32, false);
        return lastHiddenState.mul(attended).sum(new int[] {1}).div(Scalars.atLeast(attended.sum(new int[] {1}), 1f));
    }

    /** The parameters a head owns, with their shapes; the MLM decoder is the word embedding matrix (tied). */
    static Map<String, int[]> parameterShapes(HeadSpec head, ModelConfig config) {
        int hidden = config.hiddenSize();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        if (head instanceof HeadSpec.CosineSimilarity) {
            return shapes; // it trains the encoder only
        }
        if (head instanceof HeadSpec.MaskedLm) {
            Dense transform = new Dense(head.name() + ".transform.dense");
            Dense norm = new Dense(head.name() + ".transform.LayerNorm");
            shapes.put(transform.weight(), new int[] {hidden, hidden});
            shapes.put(transform.bias(), new int[] {hidden});
            shapes.put(norm.weight(), new int[] {hidden});
            shapes.put(norm.bias(), new int[] {hidden});
            shapes.put(head.name() + ".bias", new int[] {config.vocabSize()});
        } else {
            Dense dense = new Dense(head.name());
            shapes.put(dense.weight(), new int[] {outputs(head), hidden});
            shapes.put(dense.bias(), new int[] {outputs(head)});
        }
        return shapes;
    }

    /** The width of a sequence-level head's output. */
    static int outputs(HeadSpec head) {
        if (head instanceof HeadSpec.Classification classification) {
            return classification.numLabels();
        }
        if (head instanceof HeadSpec.Regression || head instanceof HeadSpec.CosineSimilarity) {
            return 1;
        }
        if (head instanceof HeadSpec.NextSentence) {
            return 2;
        }
        throw new IllegalArgumentException("head '" + head.name() + "' scores every token, not the sequence");
    }

    /**
     * The cosine of paired rows, {@code [n, 1]}: rows {@code 0..n-1} hold the pairs' first texts, rows
     * {@code n..2n-1} their second texts. Norms are clamped at 1e-8, as PyTorch's {@code cosine_similarity} does.
     */
    private static NDArray cosineOfPairs(HeadSpec head, NDArray pooled) {
        long rows = pooled.getShape().get(0);
        if (rows % 2 != 0) {
            throw new IllegalArgumentException("head '" + head.name() + "' needs an even number of sequences (first"
                    + " texts, then second texts), got " + rows);
        }
        NDList halves = pooled.split(2);
        NDArray u = halves.get(0);
        NDArray v = halves.get(1);
        // sqrt of the summed squares rather than norm(), which not every engine implements
        NDArray norms = Scalars.atLeast(u.square().sum(new int[] {1}).sqrt(), 1e-8f)
                .mul(Scalars.atLeast(v.square().sum(new int[] {1}).sqrt(), 1e-8f));
        return u.mul(v).sum(new int[] {1}).div(norms).reshape(rows / 2, 1);
    }

    /**
     * A head's logits: {@code [examples, outputs]} for sequence heads, {@code [batch, seq, vocab]} for masked LM.
     * Classification and regression apply dropout to the pooled output (the pooler's or the mean of the tokens) in
     * training, as HF does; NSP does not.
     */
    static NDArray logits(HeadSpec head, ParameterSet parameters, EncoderInputs inputs, EncoderOutput encoded,
            BertEncoder encoder, boolean training) {
        if (head instanceof HeadSpec.MaskedLm) {
            NDArray hidden = encoder.activation().apply(
                    BertEncoder.dense(parameters, new Dense(head.name() + ".transform.dense"),
                            encoded.lastHiddenState()));
            hidden = encoder.layerNorm(parameters, new Dense(head.name() + ".transform.LayerNorm"), hidden);
            return Linear.linear(hidden, parameters.get(BertParameterNames.WORD_EMBEDDINGS),
                    parameters.get(head.name() + ".bias")).singletonOrThrow();
        }
        NDArray pooled = head.readsMeanOfTokens() ? meanOfTokens(encoded.lastHiddenState(), inputs) : encoded.pooledOutput();
        if (head instanceof HeadSpec.CosineSimilarity) {
            return cosineOfPairs(head, pooled);
        }
        if (pooled == null) {
            throw new IllegalStateException("head '" + head.name() + "' needs the pooler, which the session lacks");
        }
        if (!(head instanceof HeadSpec.NextSentence)) {
            pooled = BertEncoder.dropout(pooled, encoder.config().hiddenDropoutProb(), training);
        }
        return BertEncoder.dense(parameters, new Dense(head.name()), pooled);
    }

    /**
     * A head's loss: mean cross-entropy (over examples, or over labelled tokens for masked LM), or mean squared
     * error for regression.
     *
     * @throws IllegalArgumentException when the target does not fit the head or the batch (the message names both)
     */
    static NDArray loss(HeadSpec head, NDArray logits, HeadTarget target, int batchSize, NDManager manager) {
        if (head.loss() == Loss.MEAN_SQUARED_ERROR) {
            if (!(target instanceof HeadTarget.Values values)) {
                throw mismatch(head, target, "Values");
            }
            float[] v = values.values();
            int examples = batchSize / head.sequencesPerExample();
            checkRows(head, v.length, examples);
            return logits.reshape(examples).sub(manager.create(v)).square().mean();
        }
        if (head instanceof HeadSpec.MaskedLm) {
            if (!(target instanceof HeadTarget.TokenLabels tokens)) {
                throw mismatch(head, target, "TokenLabels");
            }
            int[][] labels = tokens.labels();
            checkRows(head, labels.length, batchSize);
            long length = logits.getShape().get(1);
            int vocab = Math.toIntExact(logits.getShape().get(2));
            // Only the labelled rows enter the softmax: a one-hot over every position (batch x length x vocab
            // floats, 500 MB for 32 x 128 x 30,522) made the loss cost more than the whole encoder.
            boolean[] labelled = new boolean[Math.toIntExact(batchSize * length)];
            long[] picked = new long[labelled.length];
            int counted = 0;
            for (int b = 0; b < batchSize; b++) {
                if (labels[b].length != length) {
                    throw new IllegalArgumentException("head '" + head.name() + "': labels row " + b + " has "
                            + labels[b].length + " positions, the batch has " + length);
                }
                for (int t = 0; t < length; t++) {
                    int label = labels[b][t];
                    if (label == HeadTarget.TokenLabels.IGNORE) {
                        continue;
                    }
                    checkLabel(head, label, vocab, b + "][" + t);
                    labelled[Math.toIntExact(b * length + t)] = true;
                    picked[counted++] = label;
                }
            }
            if (counted == 0) {
                throw new IllegalArgumentException("head '" + head.name() + "': no position is labelled (all "
                        + HeadTarget.TokenLabels.IGNORE + ")");
            }
            NDArray perToken = negativeLogLikelihood(labelledRows(logits.reshape(-1, vocab), labelled, counted, manager),
                    java.util.Arrays.copyOf(picked, counted), manager);
            return Scalars.dividedBy(perToken.sum(), counted);
        }
        if (!(target instanceof HeadTarget.ClassLabels classes)) {
            throw mismatch(head, target, "ClassLabels");
        }
        int[] labels = classes.labels();
        checkRows(head, labels.length, batchSize);
        int width = outputs(head);
        long[] indices = new long[labels.length];
        for (int b = 0; b < labels.length; b++) {
            checkLabel(head, labels[b], width, String.valueOf(b));
            indices[b] = labels[b];
        }
        return negativeLogLikelihood(logits, indices, manager).mean();
    }

    /**
     * The rows of {@code [rows, vocab]} logits that a mask keeps, {@code [counted, vocab]}. MXNet's boolean mask
     * selects whole rows with a row mask; PyTorch's (masked_select) wants the mask in the array's own shape and was
     * slower than the whole encoder on a 30,522-word vocabulary, so PyTorch indexes the rows by number instead.
     */
    private static NDArray labelledRows(NDArray logits, boolean[] labelled, int counted, NDManager manager) {
        if (!"PyTorch".equals(logits.getManager().getEngine().getEngineName())) {
            return logits.booleanMask(manager.create(labelled));
        }
        long[] rows = new long[counted];
        for (int i = 0, k = 0; i < labelled.length; i++) {
            if (labelled[i]) {
                rows[k++] = i;
            }
        }
        return logits.get(manager.create(rows));
    }

    /** {@code -log softmax(logits)[label]} per row, through a one-hot mask (supported by every engine). */
    private static NDArray negativeLogLikelihood(NDArray logits, long[] labels, NDManager manager) {
        int classes = Math.toIntExact(logits.getShape().get(1));
        NDArray oneHot = manager.create(labels, new Shape(labels.length)).oneHot(classes, DataType.FLOAT32);
        return logits.logSoftmax(-1).mul(oneHot).sum(new int[] {-1}).neg();
    }

    private static void checkRows(HeadSpec head, int rows, int batchSize) {
        if (rows != batchSize) {
            throw new IllegalArgumentException("head '" + head.name() + "' has " + rows + " targets for a batch of "
                    + batchSize);
        }
    }

    private static void checkLabel(HeadSpec head, int label, int limit, String where) {
        if (label < 0 || label >= limit) {
            throw new IllegalArgumentException("head '" + head.name() + "': label[" + where + "] = " + label
                    + " is outside [0, " + limit + ")");
        }
    }

    private static IllegalArgumentException mismatch(HeadSpec head, HeadTarget target, String expected) {
        return new IllegalArgumentException("head '" + head.name() + "' (" + head.getClass().getSimpleName()
                + ") needs " + expected + " targets, got " + target.getClass().getSimpleName());
    }
}
