package io.bertlab.glue;

import io.bertlab.api.glue.GlueTask;
import io.bertlab.api.model.HeadSpec;

/**
 * What sits on the encoder for a task: {@code --head dense} (HF's {@code run_glue}: one sequence, {@code [CLS] A
 * [SEP] B [SEP]}, pooled, then a dense layer) or {@code --head cosine} for similarity tasks (each text encoded alone,
 * the cosine of their mean embeddings trained toward the gold score, as sentence-transformers'
 * {@code CosineSimilarityLoss} trains a bi-encoder).
 */
enum HeadKind {
    /** A dense classifier or regressor over the pooled pair. */
    DENSE,
    /** The cosine of the two texts' embeddings, for regression tasks over pairs. */
    COSINE;

    /**
     * The cosine is trained toward {@code score / 5} and read back times 5: the similarity tasks score pairs up to 5
     * (STS-B from 0, ASSIN2 from 1). Pearson and Spearman do not change under this scaling.
     */
    static final double COSINE_SCALE = 5.0;

    /** The name of the cosine head: the key of its targets and outputs (it has no parameters). */
    static final String COSINE_HEAD = "similarity";

    /** {@code null} (run states and heads saved before the option existed) reads as {@link #DENSE}. */
    static HeadKind orDense(HeadKind kind) {
        return kind == null ? DENSE : kind;
    }

    /** Whether this head can be trained for a task: the cosine needs a regression task over pairs. */
    boolean fits(GlueTask task) {
        return this == DENSE || task.head() instanceof HeadSpec.Regression && task.pair();
    }

    /**
     * The head for a task.
     *
     * @param pooling how the dense head pools ({@code null}: the pooler); the cosine always reads the mean
     * @throws IllegalArgumentException when the cosine is asked for a task it does not fit
     */
    HeadSpec head(GlueTask task, HeadSpec.Pooling pooling) {
        if (this == DENSE) {
            return task.head() instanceof HeadSpec.SequenceHead sequence && pooling != null
                    ? sequence.withPooling(pooling) : task.head();
        }
        if (!fits(task)) {
            throw new IllegalArgumentException("--head cosine scores pairs of texts on a scale (STS-B, ASSIN2-STS); "
                    + task.name() + " is " + (task.pair() ? "a classification task" : "not a task over pairs"));
        }
        return new HeadSpec.CosineSimilarity(COSINE_HEAD);
    }
}
