/**
 * Token attributions (a private package: the bundle exports nothing, it provides an
 * {@code io.bertlab.api.analysis.AttributionMethod} and the {@code explain} command).
 *
 * <p>{@link io.bertlab.analysis.attribution.IntegratedGradients} integrates the gradient of a head's output along the
 * straight path from a baseline to the input's word embeddings ({@link io.bertlab.analysis.attribution.Integrator},
 * over the points and weights of a {@link io.bertlab.analysis.attribution.Quadrature}), through any engine's
 * training session ({@link io.bertlab.analysis.attribution.SessionPath}).
 */
package io.bertlab.analysis.attribution;
