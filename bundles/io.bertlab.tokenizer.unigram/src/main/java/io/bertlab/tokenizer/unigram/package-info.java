/**
 * The Unigram model: {@link io.bertlab.tokenizer.unigram.UnigramModel} segments words,
 * {@link io.bertlab.tokenizer.unigram.Lattice} holds all segmentations of one word (Viterbi, n-best, sampling,
 * expected counts for training), {@link io.bertlab.tokenizer.unigram.UnigramModelFactory} reads it from
 * {@code tokenizer.json} as a model plugin.
 */
@Export
@Version("1.0.0")
package io.bertlab.tokenizer.unigram;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
