/**
 * BERT checkpoints: the configuration ({@code config.json} as HuggingFace writes it), the weights by their HF
 * parameter names, and the safetensors format they are stored in. Engines load model directories through
 * {@link io.bertlab.model.bert.ModelDirectory}; every problem with a file is a
 * {@link io.bertlab.api.model.CheckpointException} naming the file and the tensor or field.
 *
 * <p>1.1: {@link io.bertlab.model.bert.ModelDirectory#parameterNames} and
 * {@link io.bertlab.model.bert.Safetensors#tensorNames}, the names of a checkpoint's tensors from the safetensors
 * header alone.
 *
 * <p>1.2: {@link io.bertlab.model.bert.ModelDirectory#check}, a model directory checked from its configuration and
 * safetensors header without reading tensor data; {@link io.bertlab.model.bert.Safetensors#shapes} and
 * {@link io.bertlab.model.bert.BertWeightsCheck#verify(io.bertlab.api.model.ModelConfig, java.util.Map,
 * java.nio.file.Path)} beneath it.
 */
@Export
@Version("1.2.0")
package io.bertlab.model.bert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
