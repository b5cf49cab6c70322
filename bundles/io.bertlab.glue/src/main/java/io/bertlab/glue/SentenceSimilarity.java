package io.bertlab.glue;

import io.bertlab.api.glue.Example;
import io.bertlab.api.glue.Prediction;
import io.bertlab.api.model.Batch;
import io.bertlab.api.model.Model;
import io.bertlab.api.model.Tensor;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.util.ArrayList;
import java.util.List;

/**
 * Zero-shot semantic similarity: each sentence embedded alone (the mean of its tokens' last hidden states, as
 * sentence-transformers pools), the pair scored by the cosine of its two embeddings. No training.
 */
final class SentenceSimilarity {

    private final Model model;
    private final Tokenizer tokenizer;
    private final int maxLength;

    SentenceSimilarity(Model model, Tokenizer tokenizer, int maxLength) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
    }

    /** One prediction per pair: the score is the cosine, in [-1, 1]. */
    List<Prediction> score(List<Example> pairs, int batchSize, ProgressBar bar) {
        List<Prediction> predictions = new ArrayList<>(pairs.size());
        for (int start = 0; start < pairs.size(); start += batchSize) {
            List<Example> chunk = pairs.subList(start, Math.min(pairs.size(), start + batchSize));
            List<String> sentences = new ArrayList<>(2 * chunk.size());
            for (Example pair : chunk) {
                sentences.add(pair.textA());
                sentences.add(pair.textB());
            }
            float[][] embeddings = embed(sentences);
            for (int i = 0; i < chunk.size(); i++) {
                predictions.add(new Prediction(chunk.get(i).id(), Example.NO_LABEL, cosine(embeddings[2 * i],
                        embeddings[2 * i + 1])));
            }
            bar.update(start + chunk.size(), start + chunk.size(), Double.NaN);
        }
        return predictions;
    }

    private float[][] embed(List<String> sentences) {
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(maxLength), null);
        List<int[]> ids = new ArrayList<>();
        tokenizer.encodeBatch(sentences, options).forEach(encoding -> ids.add(encoding.ids()));
        int length = ids.stream().mapToInt(row -> row.length).max().orElse(1);
        int[][] padded = new int[ids.size()][length];
        int[][] types = new int[ids.size()][length];
        int[][] mask = new int[ids.size()][length];
        for (int row = 0; row < ids.size(); row++) {
            System.arraycopy(ids.get(row), 0, padded[row], 0, ids.get(row).length);
            java.util.Arrays.fill(mask[row], 0, ids.get(row).length, 1);
        }
        Tensor hidden = model.forward(new Batch(padded, types, mask)).lastHiddenState();
        float[][] pooled = new float[ids.size()][];
        for (int row = 0; row < ids.size(); row++) {
            pooled[row] = meanOfTokens(hidden, row, ids.get(row).length);
        }
        return pooled;
    }

    private static float[] meanOfTokens(Tensor hidden, int row, int tokens) {
        double[] sum = new double[hidden.dim(2)];
        for (int t = 0; t < tokens; t++) {
            float[] vector = hidden.vector(row, t);
            for (int d = 0; d < sum.length; d++) {
                sum[d] += vector[d];
            }
        }
        float[] mean = new float[sum.length];
        for (int d = 0; d < sum.length; d++) {
            mean[d] = (float) (sum[d] / tokens);
        }
        return mean;
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            normA += (double) a[i] * a[i];
            normB += (double) b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
