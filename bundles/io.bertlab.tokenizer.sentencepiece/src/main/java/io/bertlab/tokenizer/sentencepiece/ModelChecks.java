package io.bertlab.tokenizer.sentencepiece;

import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.ModelProto;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.NormalizerSpec;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.TrainerSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a parsed {@code ModelProto} as SentencePiece does when it loads one, plus what protobuf cannot see: a file
 * cut between two fields parses without error, so a missing {@code trainer_spec} or {@code normalizer_spec} (which
 * SentencePiece writes after the pieces) means truncation.
 */
final class ModelChecks {

    private static final int BYTE_PIECES = 256;

    private ModelChecks() {
    }

    /**
     * Checks the model and extracts what the conversion needs.
     *
     * @param file the file, for messages
     * @param proto the parsed model
     * @return the checked view
     * @throws TokenizerFormatException naming the field and the problem
     */
    static SentencePieceSpec check(Path file, ModelProto proto) throws TokenizerFormatException {
        if (proto.getPiecesCount() == 0) {
            throw new TokenizerFormatException(file, "pieces", "the model has no pieces; expected its vocabulary"
                    + " (is this a SentencePiece .model file?)");
        }
        if (!proto.hasTrainerSpec()) {
            throw truncated(file, "trainer_spec", proto);
        }
        if (!proto.hasNormalizerSpec()) {
            throw truncated(file, "normalizer_spec", proto);
        }
        TrainerSpec trainer = proto.getTrainerSpec();
        ModelType type = modelType(file, trainer);
        if (trainer.getTreatWhitespaceAsSuffix()) {
            throw new TokenizerFormatException(file, "trainer_spec.treat_whitespace_as_suffix", "is true, which is"
                    + " not supported: HuggingFace's Metaspace (and so bertlab) puts the space marker before words");
        }
        List<SentencePieceSpec.Piece> pieces = pieces(file, proto);
        int unkId = unknownPiece(file, pieces, trainer);
        if (trainer.getByteFallback()) {
            requireBytePieces(file, pieces);
        }
        NormalizerSpec normalizer = proto.getNormalizerSpec();
        return new SentencePieceSpec(List.copyOf(pieces), type, unkId, trainer.getByteFallback(),
                normalizer.getPrecompiledCharsmap().toByteArray(), normalizer.getAddDummyPrefix(),
                normalizer.getRemoveExtraWhitespaces(), normalizer.getEscapeWhitespaces());
    }

    private static TokenizerFormatException truncated(Path file, String field, ModelProto proto) {
        return new TokenizerFormatException(file, field, "missing after " + proto.getPiecesCount() + " pieces;"
                + " SentencePiece always writes it after the vocabulary, so the file is truncated");
    }

    private static ModelType modelType(Path file, TrainerSpec trainer) throws TokenizerFormatException {
        ModelType type = ModelType.of(trainer.getModelType());
        if (type == null) {
            throw new TokenizerFormatException(file, "trainer_spec.model_type", "unknown model type "
                    + trainer.getModelType() + "; expected 1 (UNIGRAM) or 2 (BPE)");
        }
        if (!type.supported()) {
            throw new TokenizerFormatException(file, "trainer_spec.model_type", "model type " + type + " is not"
                    + " supported; bertlab reads UNIGRAM and BPE models (those HuggingFace converts to"
                    + " tokenizer.json)");
        }
        return type;
    }

    private static List<SentencePieceSpec.Piece> pieces(Path file, ModelProto proto) throws TokenizerFormatException {
        List<SentencePieceSpec.Piece> pieces = new ArrayList<>(proto.getPiecesCount());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < proto.getPiecesCount(); i++) {
            ModelProto.SentencePiece p = proto.getPieces(i);
            PieceType type = PieceType.of(p.getType());
            if (type == null) {
                throw new TokenizerFormatException(file, "pieces[" + i + "].type", "unknown piece type "
                        + p.getType() + "; expected 1 (NORMAL) to 6 (BYTE)");
            }
            if (p.getPiece().isEmpty()) {
                throw new TokenizerFormatException(file, "pieces[" + i + "].piece", "empty; every piece needs text");
            }
            if (!Float.isFinite(p.getScore())) {
                throw new TokenizerFormatException(file, "pieces[" + i + "].score", "expected a finite number, found "
                        + p.getScore());
            }
            Integer earlier = seen.putIfAbsent(p.getPiece(), i);
            if (earlier != null) {
                throw new TokenizerFormatException(file, "pieces[" + i + "].piece", "\"" + p.getPiece()
                        + "\" is already pieces[" + earlier + "]; every piece must be unique");
            }
            if (type == PieceType.BYTE && byteValue(p.getPiece()) < 0) {
                throw new TokenizerFormatException(file, "pieces[" + i + "].piece", "a BYTE piece must be spelled"
                        + " <0x00> to <0xFF>, found \"" + p.getPiece() + "\"");
            }
            pieces.add(new SentencePieceSpec.Piece(p.getPiece(), p.getScore(), type));
        }
        return pieces;
    }

    private static int unknownPiece(Path file, List<SentencePieceSpec.Piece> pieces, TrainerSpec trainer)
            throws TokenizerFormatException {
        int unkId = -1;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i).type() == PieceType.UNKNOWN) {
                if (unkId >= 0) {
                    throw new TokenizerFormatException(file, "pieces[" + i + "].type", "a second UNKNOWN piece"
                            + " (the first is pieces[" + unkId + "]); a model has exactly one");
                }
                unkId = i;
            }
        }
        if (unkId < 0) {
            throw new TokenizerFormatException(file, "pieces", "no piece of type UNKNOWN; a model needs one for"
                    + " text its vocabulary cannot spell");
        }
        if (trainer.hasUnkId() && trainer.getUnkId() != unkId) {
            throw new TokenizerFormatException(file, "trainer_spec.unk_id", "is " + trainer.getUnkId()
                    + " but the UNKNOWN piece is pieces[" + unkId + "]");
        }
        return unkId;
    }

    private static void requireBytePieces(Path file, List<SentencePieceSpec.Piece> pieces)
            throws TokenizerFormatException {
        boolean[] present = new boolean[BYTE_PIECES];
        for (SentencePieceSpec.Piece p : pieces) {
            if (p.type() == PieceType.BYTE) {
                present[byteValue(p.text())] = true;
            }
        }
        for (int b = 0; b < BYTE_PIECES; b++) {
            if (!present[b]) {
                throw new TokenizerFormatException(file, "pieces", "trainer_spec.byte_fallback is on but the byte"
                        + " piece " + bytePiece(b) + " is missing; byte fallback needs all 256");
            }
        }
    }

    /**
     * The byte a piece such as {@code <0x41>} stands for.
     *
     * @param piece the text
     * @return 0..255, or -1 when the text is not a byte piece
     */
    static int byteValue(String piece) {
        if (piece.length() != 6 || !piece.startsWith("<0x") || piece.charAt(5) != '>') {
            return -1;
        }
        int high = Character.digit(piece.charAt(3), 16);
        int low = Character.digit(piece.charAt(4), 16);
        return high < 0 || low < 0 ? -1 : high * 16 + low;
    }

    /**
     * The byte piece for a byte.
     *
     * @param b 0..255
     * @return e.g. {@code <0x0A>}
     */
    static String bytePiece(int b) {
        return String.format(Locale.ROOT, "<0x%02X>", b);
    }
}
