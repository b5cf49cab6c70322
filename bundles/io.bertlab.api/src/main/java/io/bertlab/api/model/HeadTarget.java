package io.bertlab.api.model;

/** The targets of one head for one batch. */
public sealed interface HeadTarget {

    /**
     * One class per sequence, for {@link HeadSpec.Classification} and {@link HeadSpec.NextSentence}.
     *
     * @param labels class index per example, {@code [batch]}
     */
    record ClassLabels(int[] labels) implements HeadTarget {

        /**
         * Copies the labels.
         *
         * @param labels class index per example
         */
        public ClassLabels {
            labels = labels.clone();
        }

        /**
         * The labels.
         *
         * @return a copy, one class index per example
         */
        @Override
        public int[] labels() {
            return labels.clone();
        }
    }

    /**
     * One value per sequence, for {@link HeadSpec.Regression}.
     *
     * @param values target per example, {@code [batch]}
     */
    record Values(float[] values) implements HeadTarget {

        /**
         * Copies the values.
         *
         * @param values target per example
         */
        public Values {
            values = values.clone();
        }

        /**
         * The target values.
         *
         * @return a copy, one value per example
         */
        @Override
        public float[] values() {
            return values.clone();
        }
    }

    /**
     * One label per token, for {@link HeadSpec.MaskedLm}: the original token id at masked positions and
     * {@link #IGNORE} elsewhere.
     *
     * @param labels token id or {@link #IGNORE} per position, {@code [batch][sequence]}
     */
    record TokenLabels(int[][] labels) implements HeadTarget {

        /** The label of positions that do not count in the loss (as in HF: {@code -100}). */
        public static final int IGNORE = -100;

        /**
         * Copies the labels.
         *
         * @param labels token id or {@link #IGNORE} per position
         */
        public TokenLabels {
            labels = copy(labels);
        }

        /**
         * The token labels.
         *
         * @return a copy, {@code [batch][sequence]}
         */
        @Override
        public int[][] labels() {
            return copy(labels);
        }

        private static int[][] copy(int[][] rows) {
            int[][] copy = new int[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                copy[i] = rows[i].clone();
            }
            return copy;
        }
    }
}
