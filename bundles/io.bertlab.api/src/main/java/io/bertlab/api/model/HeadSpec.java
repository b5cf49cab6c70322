package io.bertlab.api.model;

import java.util.Objects;

/**
 * A task head described as data; every engine implements each kind. A head's {@link #name()} is also the prefix of
 * its parameters in checkpoints (HF names by default: {@code classifier.weight}, {@code cls.predictions.bias}, ...),
 * so heads saved by one session are found again by the next.
 */
public sealed interface HeadSpec {

    /** How a sequence-level head reduces the encoder's tokens to the one vector it reads. */
    enum Pooling {
        /**
         * The pooler, {@code tanh(dense(h[CLS]))}, as HF's {@code BertForSequenceClassification} reads it; where the
         * checkpoint has no pooler (sentence encoders such as all-MiniLM-L6-v2) it is initialised as HF does.
         */
        POOLER,
        /**
         * The mean of the last hidden states over the attention mask (padding excluded), as sentence-transformers
         * pools: what a pooler-less sentence encoder was trained to produce. No pooler is created or used.
         */
        MEAN
    }

    /**
     * A head that reads one vector per sequence (or pair) and can choose how it is pooled.
     *
     * @since 1.2
     */
    sealed interface SequenceHead extends HeadSpec {

        /**
         * How the sequence is pooled for this head.
         *
         * @return the pooling
         */
        Pooling pooling();

        /**
         * The same head over another pooling; its parameters keep their names and shapes.
         *
         * @param pooling the pooling
         * @return the head
         */
        SequenceHead withPooling(Pooling pooling);
    }

    /**
     * Whether this head reads the pooler's output (sequence heads over {@link Pooling#POOLER}, next-sentence
     * prediction), so that an engine must run, and a checkpoint without one must initialise, the pooler.
     *
     * @return whether the pooler is read
     * @since 1.3
     */
    default boolean readsPooler() {
        return this instanceof SequenceHead sequence ? sequence.pooling() == Pooling.POOLER : this instanceof NextSentence;
    }

    /**
     * Whether this head reads the mean of the tokens' last hidden states over the attention mask.
     *
     * @return whether the mean of the tokens is read
     * @since 1.3
     */
    default boolean readsMeanOfTokens() {
        return this instanceof SequenceHead sequence ? sequence.pooling() == Pooling.MEAN
                : this instanceof CosineSimilarity;
    }

    /**
     * How many encoder rows this head reads per example: 2 for {@link CosineSimilarity}, whose examples are pairs
     * of sequences encoded apart, else 1. The head's logits and targets have one row per example.
     *
     * @return the encoder rows per example
     * @since 1.4
     */
    default int sequencesPerExample() {
        return this instanceof CosineSimilarity ? 2 : 1;
    }

    /**
     * The head's name: the key of its targets and outputs, and the prefix of its parameters.
     *
     * @return the name
     */
    String name();

    /**
     * The loss this head is trained with.
     *
     * @return the loss
     */
    Loss loss();

    /**
     * Classification of a whole sequence (or pair) over its pooled output ({@link Pooling#POOLER} by default): dropout,
     * then a dense layer to {@code numLabels} logits ({@code <name>.weight [numLabels, hidden]},
     * {@code <name>.bias}); cross-entropy against {@link HeadTarget.ClassLabels}.
     *
     * @param name the head's name, {@code classifier} in HF checkpoints
     * @param numLabels the number of classes, at least 2
     * @param pooling how the sequence is pooled
     */
    record Classification(String name, int numLabels, Pooling pooling) implements SequenceHead {

        /**
         * Validates the fields.
         *
         * @param name the head's name
         * @param numLabels the number of classes
         * @param pooling how the sequence is pooled
         */
        public Classification {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pooling, "pooling");
            if (numLabels < 2) {
                throw new IllegalArgumentException("a classification head needs at least 2 labels, got " + numLabels);
            }
        }

        /**
         * A classifier over the pooler, as HF's.
         *
         * @param name the head's name
         * @param numLabels the number of classes
         */
        public Classification(String name, int numLabels) {
            this(name, numLabels, Pooling.POOLER);
        }

        @Override
        public Classification withPooling(Pooling newPooling) {
            return new Classification(name, numLabels, newPooling);
        }

        /**
         * A classifier with HF's parameter names ({@code classifier.*}).
         *
         * @param numLabels the number of classes
         * @return the head
         */
        public static Classification of(int numLabels) {
            return new Classification("classifier", numLabels);
        }

        @Override
        public Loss loss() {
            return Loss.CROSS_ENTROPY;
        }
    }

    /**
     * Regression of a whole sequence (or pair) over its pooled output ({@link Pooling#POOLER} by default): dropout,
     * then a dense layer to one value ({@code <name>.weight [1, hidden]}, {@code <name>.bias}); mean squared error
     * against {@link HeadTarget.Values}.
     *
     * @param name the head's name, {@code classifier} in HF checkpoints
     * @param pooling how the sequence is pooled
     */
    record Regression(String name, Pooling pooling) implements SequenceHead {

        /**
         * Validates the fields.
         *
         * @param name the head's name
         * @param pooling how the sequence is pooled
         */
        public Regression {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pooling, "pooling");
        }

        /**
         * A regressor over the pooler, as HF's.
         *
         * @param name the head's name
         */
        public Regression(String name) {
            this(name, Pooling.POOLER);
        }

        @Override
        public Regression withPooling(Pooling newPooling) {
            return new Regression(name, newPooling);
        }

        /**
         * A regressor with HF's parameter names ({@code classifier.*}).
         *
         * @return the head
         */
        public static Regression of() {
            return new Regression("classifier");
        }

        @Override
        public Loss loss() {
            return Loss.MEAN_SQUARED_ERROR;
        }
    }

    /**
     * Similarity of two texts encoded apart (a siamese bi-encoder, as sentence-transformers trains one with its
     * {@code CosineSimilarityLoss}): a batch of {@code 2n} sequences holds the first texts of {@code n} pairs in rows
     * {@code 0..n-1} and their second texts in rows {@code n..2n-1}; each row is pooled by the mean of its tokens
     * (no dropout after pooling) and the head's output for pair {@code i} is the cosine of rows {@code i} and
     * {@code n+i}, {@code [n, 1]}. Mean squared error against {@link HeadTarget.Values} (one per pair, on the
     * cosine's scale). The head has no parameters: it trains the encoder only.
     *
     * @param name the head's name, the key of its targets and outputs
     * @since 1.4
     */
    record CosineSimilarity(String name) implements HeadSpec {

        /**
         * Validates the fields.
         *
         * @param name the head's name
         */
        public CosineSimilarity {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public Loss loss() {
            return Loss.MEAN_SQUARED_ERROR;
        }
    }

    /**
     * Masked language modelling over every position: dense + activation + LayerNorm
     * ({@code <name>.transform.dense.*}, {@code <name>.transform.LayerNorm.*}), then logits over the vocabulary
     * through the word embedding matrix (tied weights) plus {@code <name>.bias}; cross-entropy against
     * {@link HeadTarget.TokenLabels}, positions labelled {@link HeadTarget.TokenLabels#IGNORE} excluded.
     *
     * @param name the head's name, {@code cls.predictions} in HF checkpoints
     */
    record MaskedLm(String name) implements HeadSpec {

        /**
         * Validates the fields.
         *
         * @param name the head's name
         */
        public MaskedLm {
            Objects.requireNonNull(name, "name");
        }

        /**
         * The MLM head with HF's parameter names ({@code cls.predictions.*}).
         *
         * @return the head
         */
        public static MaskedLm of() {
            return new MaskedLm("cls.predictions");
        }

        @Override
        public Loss loss() {
            return Loss.CROSS_ENTROPY;
        }
    }

    /**
     * Next-sentence prediction over the pooled output: a dense layer to 2 logits ({@code <name>.weight [2, hidden]},
     * {@code <name>.bias}), class 0 = IsNext, 1 = NotNext; cross-entropy against {@link HeadTarget.ClassLabels}.
     *
     * @param name the head's name, {@code cls.seq_relationship} in HF checkpoints
     */
    record NextSentence(String name) implements HeadSpec {

        /**
         * Validates the fields.
         *
         * @param name the head's name
         */
        public NextSentence {
            Objects.requireNonNull(name, "name");
        }

        /**
         * The NSP head with HF's parameter names ({@code cls.seq_relationship.*}).
         *
         * @return the head
         */
        public static NextSentence of() {
            return new NextSentence("cls.seq_relationship");
        }

        @Override
        public Loss loss() {
            return Loss.CROSS_ENTROPY;
        }
    }
}
