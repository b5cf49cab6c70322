/**
 * Looking inside the model (a private package: the bundle exports nothing, it provides the services of
 * {@code io.bertlab.api.analysis} and three commands).
 *
 * <p>{@link io.bertlab.analysis.EngineAttentionCapture} runs any engine's forward pass with
 * {@code ForwardOptions.attentions()} and keeps every layer's softmax probabilities;
 * {@link io.bertlab.analysis.HeadPatternStatistics} reduces many captures to per-head statistics after Clark et al.
 * 2019, classified by {@link io.bertlab.analysis.HeadClasses} and printed by
 * {@link io.bertlab.analysis.StatisticsReport}; {@link io.bertlab.analysis.SelfAttentionTracer} computes a toy
 * multi-head self-attention step by step, printed by {@link io.bertlab.analysis.TraceReport};
 * {@link io.bertlab.analysis.BertVizViews} draws captures and attributions as self-contained HTML;
 * {@link io.bertlab.analysis.NeuronCapture} computes one layer's query and key vectors from its input and the
 * checkpoint's weights, checked against the engine's attention, for the neuron view.
 *
 * <p>Direction convention everywhere: in a head's {@code [n, n]} matrix, row {@code i} is the attending token (the
 * query) and column {@code j} the attended token (the key); each row sums to 1.
 */
package io.bertlab.analysis;
