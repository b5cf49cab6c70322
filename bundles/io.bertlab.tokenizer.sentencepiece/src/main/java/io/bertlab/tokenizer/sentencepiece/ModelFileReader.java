package io.bertlab.tokenizer.sentencepiece;

import com.google.protobuf.InvalidProtocolBufferException;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a SentencePiece {@code .model} file (a serialized {@code ModelProto}) and checks it with
 * {@link ModelChecks}. Every failure is a {@link TokenizerFormatException} naming the file, the field and the cause.
 */
final class ModelFileReader {

    private ModelFileReader() {
    }

    /**
     * Reads and checks a model file.
     *
     * @param file the {@code .model} file
     * @return what the conversion needs
     * @throws TokenizerFormatException when the file is empty, not a ModelProto, truncated or unsupported
     * @throws IOException when it cannot be read
     */
    static SentencePieceSpec read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length == 0) {
            throw new TokenizerFormatException(file, "ModelProto",
                    "the file is empty; expected a SentencePiece model (the binary ModelProto its trainer writes)");
        }
        if (looksLikeJson(bytes)) {
            // protobuf would only report a bad tag; a model file never starts with '{' or '[', so say what it is.
            throw new TokenizerFormatException(file, "ModelProto", "the file is JSON text (a tokenizer.json?), not a"
                    + " SentencePiece model; load JSON files under a name ending in .json");
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new TokenizerFormatException(file, "ModelProto", "not a readable SentencePiece model ("
                    + bytes.length + " bytes; truncated, corrupted or of another format): " + e.getMessage().strip(),
                    e);
        }
        return ModelChecks.check(file, proto);
    }

    private static boolean looksLikeJson(byte[] bytes) {
        boolean bom = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF;
        for (int i = bom ? 3 : 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '{' || b == '[') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }
}
