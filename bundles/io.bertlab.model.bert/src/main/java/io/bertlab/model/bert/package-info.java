/**
 * BERT checkpoints: the configuration ({@code config.json} as HuggingFace writes it), the weights by their HF
 * parameter names, and the safetensors format they are stored in. Engines load model directories through
 * {@link io.bertlab.model.bert.ModelDirectory}; every problem with a file is a
 * {@link io.bertlab.api.model.CheckpointException} naming the file and the tensor or field.
 *
 * <p>1.1: {@link io.bertlab.model.bert.ModelDirectory#parameterNames} and
 * {@link io.bertlab.model.bert.Safetensors#tensorNames}, the names of a checkpoint's tensors from the safetensors
 * header alone.
 */
@Export
@Version("1.1.0")
package io.bertlab.model.bert;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
