package io.bertlab.analysis.attribution;

/**
 * A head's outputs as functions of the word embeddings of one input, evaluated at many points of the path at once:
 * what Integrated Gradients needs from a model. Each point is the input's {@code [sequence, hidden]} embeddings,
 * flattened.
 */
interface PathFunction {

    /**
     * The head's outputs at each point.
     *
     * @param points the embeddings, one row per point
     * @return {@code [points][outputs]}
     */
    float[][] outputs(float[][] points);

    /**
     * One output and its gradient with respect to the embeddings, at each point.
     *
     * @param points the embeddings, one row per point
     * @param output the output's index
     * @return the output and its gradient per point
     */
    Gradient gradient(float[][] points, int output);

    /**
     * @param values the output at each point
     * @param gradients d output / d embeddings at each point, each as long as a point
     */
    record Gradient(float[] values, float[][] gradients) {
    }
}
