package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads SentencePiece {@code .model} files: {@link ModelFileReader} checks the protobuf and
 * {@link TokenizerJsonConverter} turns it into a {@code tokenizer.json} tree, from which the core's loader builds the
 * pipeline with the installed model plugins — one pipeline for every file format.
 */
final class SentencePieceFiles {

    private SentencePieceFiles() {
    }

    /**
     * Whether a file is a SentencePiece model, told by its name ({@code spiece.model}, {@code tokenizer.model},
     * {@code sentencepiece.bpe.model}, ...).
     *
     * @param file the file
     * @return true for names ending in {@code .model}
     */
    static boolean isModelFile(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".model");
    }

    /**
     * The {@code tokenizer.json} tree of a model file, with the tokenizer class's part when a
     * {@code tokenizer_config.json} lies beside it.
     *
     * @param file the {@code .model} file
     * @return the tree
     * @throws TokenizerFormatException when the file is malformed or unsupported
     * @throws IOException when it cannot be read
     */
    static ObjectNode tokenizerJson(Path file) throws IOException {
        SentencePieceSpec spec = ModelFileReader.read(file);
        return TokenizerJsonConverter.convert(spec, TokenizerClass.besideModel(file, spec));
    }
}
