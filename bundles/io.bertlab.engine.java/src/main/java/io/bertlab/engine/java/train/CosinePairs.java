package io.bertlab.engine.java.train;

/**
 * The cosine of paired rows, forward and backward: the output of
 * {@link io.bertlab.api.model.HeadSpec.CosineSimilarity}, whose batch holds the first texts of {@code n} pairs in rows
 * {@code 0..n-1} and the second texts in rows {@code n..2n-1}. Norms are clamped at {@value #EPSILON}, as PyTorch's
 * {@code cosine_similarity} does, so that an all-zero vector gives 0, not NaN.
 */
final class CosinePairs {

    private static final double EPSILON = 1e-8;

    private CosinePairs() {
    }

    /**
     * @param pooled {@code [2n, hidden]}
     * @param hidden the hidden size
     * @return {@code [n]}: the cosine of rows {@code i} and {@code n+i}
     */
    static float[] forward(float[] pooled, int hidden) {
        int pairs = pairs(pooled, hidden);
        float[] cosines = new float[pairs];
        for (int i = 0; i < pairs; i++) {
            Pair p = new Pair(pooled, i * hidden, (pairs + i) * hidden, hidden);
            cosines[i] = (float) p.cosine();
        }
        return cosines;
    }

    /**
     * d cos / du = v / (|u| |v|) - cos u / |u|^2 (and symmetrically for v), scaled by the cosine's gradient.
     *
     * @param dCosines gradient of each pair's cosine, {@code [n]}
     * @param pooled the forward's input, {@code [2n, hidden]}
     * @param hidden the hidden size
     * @return the gradient of the pooled rows, {@code [2n, hidden]}
     */
    static float[] backward(float[] dCosines, float[] pooled, int hidden) {
        int pairs = pairs(pooled, hidden);
        float[] dPooled = new float[pooled.length];
        for (int i = 0; i < pairs; i++) {
            int u = i * hidden;
            int v = (pairs + i) * hidden;
            Pair p = new Pair(pooled, u, v, hidden);
            double cosine = p.cosine();
            double normProduct = p.normU * p.normV;
            for (int j = 0; j < hidden; j++) {
                dPooled[u + j] = (float) (dCosines[i] * (pooled[v + j] / normProduct
                        - cosine * pooled[u + j] / (p.normU * p.normU)));
                dPooled[v + j] = (float) (dCosines[i] * (pooled[u + j] / normProduct
                        - cosine * pooled[v + j] / (p.normV * p.normV)));
            }
        }
        return dPooled;
    }

    private static int pairs(float[] pooled, int hidden) {
        int rows = pooled.length / hidden;
        if (rows % 2 != 0) {
            throw new IllegalArgumentException("a cosine-similarity head needs an even number of sequences (first"
                    + " texts, then second texts), got " + rows);
        }
        return rows / 2;
    }

    /** The dot product and the clamped norms of two rows, in double precision. */
    private static final class Pair {
        final double dot;
        final double normU;
        final double normV;

        Pair(float[] pooled, int u, int v, int hidden) {
            double d = 0;
            double uu = 0;
            double vv = 0;
            for (int j = 0; j < hidden; j++) {
                d += (double) pooled[u + j] * pooled[v + j];
                uu += (double) pooled[u + j] * pooled[u + j];
                vv += (double) pooled[v + j] * pooled[v + j];
            }
            dot = d;
            normU = Math.max(Math.sqrt(uu), EPSILON);
            normV = Math.max(Math.sqrt(vv), EPSILON);
        }

        double cosine() {
            return dot / (normU * normV);
        }
    }
}
