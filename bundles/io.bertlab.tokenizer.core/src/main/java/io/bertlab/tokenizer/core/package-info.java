/**
 * bertlab's tokenizer pipeline: {@link io.bertlab.tokenizer.core.TokenizerFiles} reads and writes tokenizer
 * files with the model plugins of a {@link io.bertlab.tokenizer.core.ModelRegistry};
 * {@link io.bertlab.tokenizer.core.BertlabTokenizerLoader} offers the same as a
 * {@link io.bertlab.api.tokenizer.TokenizerLoader} service.
 */
@Export
@Version("2.0.0")
package io.bertlab.tokenizer.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
