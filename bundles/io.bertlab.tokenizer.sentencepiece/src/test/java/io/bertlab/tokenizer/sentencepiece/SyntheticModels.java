package io.bertlab.tokenizer.sentencepiece;

import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.ModelProto;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.NormalizerSpec;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.TrainerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small {@code ModelProto}s written with the generated builders, for the cases the shared models do not cover
 * (other whitespace settings, unsupported types, broken vocabularies).
 */
final class SyntheticModels {

    static final int NORMAL = 1;
    static final int UNKNOWN = 2;
    static final int CONTROL = 3;
    static final int USER_DEFINED = 4;
    static final int UNUSED = 5;
    static final int BYTE = 6;

    private SyntheticModels() {
    }

    /**
     * A tiny Unigram model: {@code <unk> <s> </s>}, then {@code ▁}, {@code ▁a}, {@code b}, {@code ▁ab}, {@code c},
     * {@code a}, and the user-defined {@code @}.
     *
     * @return a builder to adjust
     */
    static ModelProto.Builder unigram() {
        ModelProto.Builder model = ModelProto.newBuilder()
                .addPieces(piece("<unk>", 0, UNKNOWN))
                .addPieces(piece("<s>", 0, CONTROL))
                .addPieces(piece("</s>", 0, CONTROL))
                .addPieces(piece("\u2581", -2, NORMAL))
                .addPieces(piece("\u2581a", -3, NORMAL))
                .addPieces(piece("b", -4, NORMAL))
                .addPieces(piece("\u2581ab", -5, NORMAL))
                .addPieces(piece("c", -6, NORMAL))
                .addPieces(piece("a", -7, NORMAL))
                .addPieces(piece("@", 0, USER_DEFINED));
        model.setTrainerSpec(TrainerSpec.newBuilder().setModelType(1).setVocabSize(model.getPiecesCount()));
        model.setNormalizerSpec(NormalizerSpec.newBuilder().setName("identity"));
        return model;
    }

    /**
     * A tiny BPE model with byte fallback: {@code <unk> <s> </s>}, the 256 byte pieces, then {@code ▁}, {@code a},
     * {@code b}, {@code ▁a}, {@code ab}, {@code ▁ab} (scores falling with the id, as SentencePiece's trainer writes).
     *
     * @return a builder to adjust
     */
    static ModelProto.Builder bpeWithByteFallback() {
        ModelProto.Builder model = ModelProto.newBuilder()
                .addPieces(piece("<unk>", 0, UNKNOWN))
                .addPieces(piece("<s>", 0, CONTROL))
                .addPieces(piece("</s>", 0, CONTROL));
        for (int b = 0; b < 256; b++) {
            model.addPieces(piece(ModelChecks.bytePiece(b), 0, BYTE));
        }
        String[] normal = {"\u2581", "a", "b", "\u2581a", "ab", "\u2581ab"};
        for (int i = 0; i < normal.length; i++) {
            model.addPieces(piece(normal[i], -i, NORMAL));
        }
        model.setTrainerSpec(TrainerSpec.newBuilder().setModelType(2).setByteFallback(true)
                .setVocabSize(model.getPiecesCount()));
        model.setNormalizerSpec(NormalizerSpec.newBuilder().setName("identity").setRemoveExtraWhitespaces(false));
        return model;
    }

    static ModelProto.SentencePiece piece(String text, float score, int type) {
        return ModelProto.SentencePiece.newBuilder().setPiece(text).setScore(score).setType(type).build();
    }

    /**
     * Writes a model to a file.
     *
     * @param model the model
     * @param file the file, e.g. {@code dir/spiece.model}
     * @return the file
     * @throws IOException when it cannot be written
     */
    static Path write(ModelProto.Builder model, Path file) throws IOException {
        Files.write(file, model.build().toByteArray());
        return file;
    }
}
