/**
 * SentencePiece {@code .model} files for bertlab's tokenizer pipeline (a private package: the bundle exports
 * nothing and publishes a {@link io.bertlab.tokenizer.core.spi.TokenizerFileFormat} service).
 * {@link io.bertlab.tokenizer.sentencepiece.ModelFileReader} parses and checks the {@code ModelProto},
 * {@link io.bertlab.tokenizer.sentencepiece.TokenizerJsonConverter} turns it into the {@code tokenizer.json} tree
 * HuggingFace's converters build ({@link io.bertlab.tokenizer.sentencepiece.WhitespaceStages},
 * {@link io.bertlab.tokenizer.sentencepiece.ModelJson}, {@link io.bertlab.tokenizer.sentencepiece.BpeMerges},
 * {@link io.bertlab.tokenizer.sentencepiece.AddedTokens}), and
 * {@link io.bertlab.tokenizer.sentencepiece.SentencePieceFileFormat} hands it to the core's loader.
 */
package io.bertlab.tokenizer.sentencepiece;
