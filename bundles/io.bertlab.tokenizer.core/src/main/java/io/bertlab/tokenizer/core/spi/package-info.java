/**
 * The service provider interface through which model plugins (WordPiece, BPE, Unigram, ...) join the pipeline of
 * {@code io.bertlab.tokenizer.core}. A plugin registers a {@link io.bertlab.tokenizer.core.spi.ModelFactory} as a
 * Declarative Services component with the property {@code bertlab.tokenizer.model=<type>} (the {@code type} of the
 * {@code model} object in {@code tokenizer.json}); outside OSGi the same factories are found with
 * {@link java.util.ServiceLoader}.
 */
@Export
@Version("1.3.0")
package io.bertlab.tokenizer.core.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
