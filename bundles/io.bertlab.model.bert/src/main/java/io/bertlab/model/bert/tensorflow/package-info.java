/**
 * Import of Google's TensorFlow BERT checkpoints in pure Java: {@link io.bertlab.model.bert.tensorflow.TensorBundle}
 * reads tensor bundles ({@code .index} + {@code .data-*} shards, CRC-checked) and
 * {@link io.bertlab.model.bert.tensorflow.TensorFlowBertImporter} maps Google's variables, configuration and
 * vocabulary to an HF-layout model directory.
 */
@Export
@Version("1.0.0")
package io.bertlab.model.bert.tensorflow;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
