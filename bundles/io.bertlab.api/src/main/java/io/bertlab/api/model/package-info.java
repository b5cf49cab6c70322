/**
 * Models and engines: the model-level contract every BERT backend implements.
 *
 * <p>An {@link io.bertlab.api.model.Engine} service (selected by {@value io.bertlab.api.model.EngineProperties#ENGINE}
 * and {@value io.bertlab.api.model.EngineProperties#DEVICE}) loads a model directory ({@code config.json} +
 * {@code model.safetensors}) into a {@link io.bertlab.api.model.Model}. A model runs the encoder forward on a
 * {@link io.bertlab.api.model.Batch} and opens {@link io.bertlab.api.model.TrainingSession}s in which task heads,
 * described as data by {@link io.bertlab.api.model.HeadSpec}, are trained with an
 * {@link io.bertlab.api.model.OptimizerSpec}, evaluated, attributed (gradients with respect to input embeddings)
 * and saved. Values cross the contract as immutable {@link io.bertlab.api.model.Tensor}s, never as engine types.
 */
@Export
@Version("1.4.0")
package io.bertlab.api.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
