/**
 * Tokenizers: turning text into the inputs of a BERT-style encoder, exactly as HuggingFace {@code tokenizers} does
 * for the same files. A {@link io.bertlab.api.tokenizer.Tokenizer} service encodes single texts, pairs and batches
 * into immutable {@link io.bertlab.api.tokenizer.Encoding}s; a {@link io.bertlab.api.tokenizer.TokenizerLoader}
 * reads the files people already have; a {@link io.bertlab.api.tokenizer.TokenizerTrainer} builds a vocabulary from
 * a corpus. Services are selected by the properties named in {@link io.bertlab.api.tokenizer.TokenizerProperties}.
 *
 * <p>Offsets are {@code [start, end)} in Unicode code points of the input, as HuggingFace's Python and Node
 * bindings report them (not UTF-16 units, not UTF-8 bytes).
 */
@Export
@Version("1.2.0")
package io.bertlab.api.tokenizer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
