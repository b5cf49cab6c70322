package io.bertlab.engine.java.train;

import io.bertlab.model.bert.BertWeights;
import io.bertlab.model.bert.Weight;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/** The trainable parameters of a session, each with its gradient, by HF name. */
final class Parameters {

    /**
     * One parameter: values, accumulated gradient and shape.
     *
     * @param name the HF name
     * @param shape the dimensions
     * @param values the values, updated in place by the optimizer
     * @param gradient the gradient, accumulated by backward passes
     */
    record Parameter(String name, int[] shape, float[] values, float[] gradient) {
    }

    private final Map<String, Parameter> byName = new LinkedHashMap<>();

    /**
     * Copies every weight of a checkpoint.
     *
     * @param weights the weights (not changed)
     * @return the parameters
     */
    static Parameters copyOf(BertWeights weights) {
        Parameters parameters = new Parameters();
        for (Weight w : weights.all()) {
            parameters.add(w.name(), w.shape(), w.values().clone());
        }
        return parameters;
    }

    private void add(String name, int[] shape, float[] values) {
        byName.put(name, new Parameter(name, shape.clone(), values, new float[values.length]));
    }

    /**
     * Adds a dense layer's weight {@code [out, in]} drawn from {@code N(0, std)} and a zero bias, unless present.
     *
     * @param prefix the module name
     * @param out outputs
     * @param in inputs
     * @param std the standard deviation
     * @param random the random source
     */
    void initDense(String prefix, int out, int in, double std, SplittableRandom random) {
        if (!byName.containsKey(prefix + ".weight")) {
            float[] w = new float[out * in];
            for (int i = 0; i < w.length; i++) {
                w[i] = (float) (gaussian(random) * std);
            }
            add(prefix + ".weight", new int[] {out, in}, w);
        }
        initConstant(prefix + ".bias", out, 0f);
    }

    /**
     * Adds a LayerNorm (scale 1, shift 0), unless present.
     *
     * @param prefix the module name
     * @param width the normalised width
     */
    void initLayerNorm(String prefix, int width) {
        initConstant(prefix + ".weight", width, 1f);
        initConstant(prefix + ".bias", width, 0f);
    }

    /**
     * Adds a vector filled with a constant, unless present.
     *
     * @param name the parameter name
     * @param length its length
     * @param value the fill value
     */
    void initConstant(String name, int length, float value) {
        if (!byName.containsKey(name)) {
            float[] v = new float[length];
            Arrays.fill(v, value);
            add(name, new int[] {length}, v);
        }
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    Parameter get(String name) {
        Parameter p = byName.get(name);
        if (p == null) {
            throw new IllegalStateException("no parameter named '" + name + "'");
        }
        return p;
    }

    boolean contains(String name) {
        return byName.containsKey(name);
    }

    float[] values(String name) {
        return get(name).values();
    }

    float[] gradient(String name) {
        return get(name).gradient();
    }

    Iterable<Parameter> all() {
        return byName.values();
    }

    void zeroGradients() {
        for (Parameter p : byName.values()) {
            Arrays.fill(p.gradient(), 0f);
        }
    }

    /**
     * The current values as checkpoint weights (copies).
     *
     * @return the weights
     */
    BertWeights toWeights() {
        BertWeights weights = new BertWeights();
        for (Parameter p : byName.values()) {
            weights.put(new Weight(p.name(), p.shape(), p.values().clone()));
        }
        return weights;
    }
}
