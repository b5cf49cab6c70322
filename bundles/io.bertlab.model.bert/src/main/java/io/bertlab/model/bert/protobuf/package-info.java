/**
 * The protobuf wire format, read without generated classes: shared by the ONNX and TensorFlow importers; not exported.
 */
package io.bertlab.model.bert.protobuf;
