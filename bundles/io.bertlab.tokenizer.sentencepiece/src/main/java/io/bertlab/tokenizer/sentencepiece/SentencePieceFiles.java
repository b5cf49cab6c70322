package io.bertlab.tokenizer.sentencepiece;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.api.tokenizer.TokenizerLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Loads SentencePiece {@code .model} files: {@link ModelFileReader} checks the protobuf,
 * {@link TokenizerJsonConverter} turns it into a {@code tokenizer.json} tree, and the core's loader builds the
 * pipeline from that tree with the installed model plugins — one pipeline for every file format.
 *
 * <p>The tree reaches the core as a temporary {@code tokenizer.json} file because the core offers no exported way
 * to read a tree from another bundle: {@code TokenizerFiles.fromJson} returns a type of its private
 * {@code pipeline} package, which this bundle cannot import.
 */
final class SentencePieceFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

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
     * The {@code tokenizer.json} tree of a model file.
     *
     * @param file the {@code .model} file
     * @return the tree
     * @throws TokenizerFormatException when the file is malformed or unsupported
     * @throws IOException when it cannot be read
     */
    static ObjectNode tokenizerJson(Path file) throws IOException {
        return TokenizerJsonConverter.convert(ModelFileReader.read(file));
    }

    /**
     * Loads a model file.
     *
     * @param file the {@code .model} file
     * @param core the core's loader, which reads the converted {@code tokenizer.json}
     * @return the tokenizer
     * @throws TokenizerFormatException when the file is malformed, unsupported, or needs a component or model
     *     plugin that is not installed (the message names the {@code .model} file and the component)
     * @throws IOException when it cannot be read
     */
    static Tokenizer load(Path file, TokenizerLoader core) throws IOException {
        ObjectNode tree = tokenizerJson(file);
        Path converted = Files.createTempFile("bertlab-sentencepiece-", ".json");
        try {
            JSON.writeValue(converted.toFile(), tree);
            return core.load(converted, Map.of());
        } catch (TokenizerFormatException e) {
            throw new TokenizerFormatException(file, "converted tokenizer.json, " + e.location(),
                    problem(e, converted), e);
        } finally {
            Files.deleteIfExists(converted);
        }
    }

    /** The exception's message without the temporary file and location it starts with. */
    private static String problem(TokenizerFormatException e, Path converted) {
        String prefix = converted + ": " + e.location() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
