/**
 * Import of BERT weights from an ONNX graph: {@link io.bertlab.model.bert.onnx.OnnxBertImporter} reads the graph's
 * initializers and maps them to HF parameter names by following the graph's structure.
 */
@Export
@Version("1.0.0")
package io.bertlab.model.bert.onnx;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
