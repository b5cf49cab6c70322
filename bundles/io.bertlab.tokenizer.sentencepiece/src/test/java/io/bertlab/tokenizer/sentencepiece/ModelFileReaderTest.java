package io.bertlab.tokenizer.sentencepiece;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.CodedOutputStream;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.testing.SharedData;
import io.bertlab.tokenizer.sentencepiece.proto.SentencePieceModel.ModelProto;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading {@code .model} files: the real ones, and every way a file can be wrong — each must fail with a
 * {@link TokenizerFormatException} naming the file, the field and the cause.
 */
class ModelFileReaderTest {

    @TempDir
    Path temp;

    @Test
    void readsTheSharedModels() throws IOException {
        SentencePieceSpec t5 = ModelFileReader.read(SharedData.require("tokenizers/t5-small/spiece.model"));
        assertEquals(32000, t5.pieces().size());
        assertEquals(ModelType.UNIGRAM, t5.modelType());
        assertEquals(2, t5.unkId());
        assertTrue(t5.precompiledCharsmap().length > 0, "T5 normalizes with nmt_nfkc's charsmap");
        assertTrue(t5.addDummyPrefix() && t5.removeExtraWhitespaces() && t5.escapeWhitespaces());

        SentencePieceSpec mistral = ModelFileReader.read(SharedData.require("tokenizers/mistral-7b/tokenizer.model"));
        assertEquals(ModelType.BPE, mistral.modelType());
        assertTrue(mistral.byteFallback());
        assertEquals(0, mistral.precompiledCharsmap().length, "Mistral's normalizer is the identity");
        assertFalse(mistral.removeExtraWhitespaces());
        assertEquals(256, mistral.pieces().stream().filter(p -> p.type() == PieceType.BYTE).count());

        SentencePieceSpec xlnet = ModelFileReader.read(SharedData.require("tokenizers/xlnet-base-cased/spiece.model"));
        assertEquals(9, xlnet.pieces().stream().filter(p -> p.type() == PieceType.USER_DEFINED).count());
        assertEquals(7, xlnet.pieces().stream().filter(p -> p.type() == PieceType.CONTROL).count());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(temp.resolve("spiece.model"));
        assertFails(file, "ModelProto", "the file is empty");
    }

    @Test
    void garbageBytes() throws IOException {
        Path zeros = Files.write(temp.resolve("zeros.model"), new byte[64]);
        assertFails(zeros, "ModelProto", "not a readable SentencePiece model (64 bytes; truncated, corrupted or of"
                + " another format): Protocol message contained an invalid tag (zero)");
        byte[] random = new byte[4096];
        new Random(20240611).nextBytes(random);
        Path noise = Files.write(temp.resolve("noise.model"), random);
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> ModelFileReader.read(noise));
        assertTrue(e.getMessage().startsWith(noise.toString()), e.getMessage());
        Path text = Files.writeString(temp.resolve("readme.model"), "SentencePiece models are binary.\n");
        assertThrows(TokenizerFormatException.class, () -> ModelFileReader.read(text));
    }

    @Test
    void jsonUnderAModelName() throws IOException {
        Path file = temp.resolve("tokenizer.model");
        Files.copy(SharedData.require("tokenizers/t5-small/tokenizer.json"), file);
        assertFails(file, "ModelProto", "the file is JSON text (a tokenizer.json?)");
    }

    @Test
    void truncatedFiles() throws IOException {
        Path original = SharedData.require("tokenizers/mistral-7b/tokenizer.model");
        byte[] bytes = Files.readAllBytes(original);
        ModelProto proto = ModelProto.parseFrom(bytes);
        int piecesEnd = 0;
        for (ModelProto.SentencePiece p : proto.getPiecesList()) {
            piecesEnd += CodedOutputStream.computeMessageSize(1, p);
        }
        int trainerEnd = piecesEnd + CodedOutputStream.computeMessageSize(2, proto.getTrainerSpec());

        assertFails(cut(bytes, 10), "ModelProto", "the input ended unexpectedly in the middle of a field");
        assertFails(cut(bytes, bytes.length / 2), "ModelProto", "in the middle of a field");
        assertFails(cut(bytes, piecesEnd), "trainer_spec", "missing after 32000 pieces");
        assertFails(cut(bytes, piecesEnd + 5), "ModelProto", "in the middle of a field");
        assertFails(cut(bytes, trainerEnd), "normalizer_spec", "missing after 32000 pieces");
        assertFails(cut(bytes, bytes.length - 1), "ModelProto", "in the middle of a field");
    }

    @Test
    void unsupportedModelTypes() throws IOException {
        for (int type : new int[] {3, 4}) {
            ModelProto.Builder model = SyntheticModels.unigram();
            model.getTrainerSpecBuilder().setModelType(type);
            assertFails(write(model), "trainer_spec.model_type",
                    "model type " + (type == 3 ? "WORD" : "CHAR") + " is not supported; bertlab reads UNIGRAM and BPE");
        }
        ModelProto.Builder unknown = SyntheticModels.unigram();
        unknown.getTrainerSpecBuilder().setModelType(7);
        assertFails(write(unknown), "trainer_spec.model_type", "unknown model type 7");
    }

    @Test
    void brokenVocabularies() throws IOException {
        assertFails(write(SyntheticModels.unigram().clearPieces()), "pieces", "the model has no pieces");
        assertFails(write(SyntheticModels.unigram().setPieces(5, SyntheticModels.piece("b", -4, 9))),
                "pieces[5].type", "unknown piece type 9");
        assertFails(write(SyntheticModels.unigram().setPieces(0, SyntheticModels.piece("<unk>", 0, 1))),
                "pieces", "no piece of type UNKNOWN");
        assertFails(write(SyntheticModels.unigram().setPieces(1, SyntheticModels.piece("<s>", 0, 2))),
                "pieces[1].type", "a second UNKNOWN piece (the first is pieces[0])");
        assertFails(write(SyntheticModels.unigram().setPieces(7, SyntheticModels.piece("b", -6, 1))),
                "pieces[7].piece", "\"b\" is already pieces[5]");
        assertFails(write(SyntheticModels.unigram().setPieces(7, SyntheticModels.piece("", -6, 1))),
                "pieces[7].piece", "empty");
        assertFails(write(SyntheticModels.unigram().setPieces(7, SyntheticModels.piece("c", Float.NaN, 1))),
                "pieces[7].score", "expected a finite number");
        ModelProto.Builder wrongUnk = SyntheticModels.unigram();
        wrongUnk.getTrainerSpecBuilder().setUnkId(3);
        assertFails(write(wrongUnk), "trainer_spec.unk_id", "is 3 but the UNKNOWN piece is pieces[0]");
    }

    @Test
    void byteFallbackNeedsEveryBytePiece() throws IOException {
        ModelProto.Builder model = SyntheticModels.bpeWithByteFallback();
        model.setPieces(3 + 0x41, SyntheticModels.piece("A", 0, SyntheticModels.NORMAL));
        assertFails(write(model), "pieces", "byte_fallback is on but the byte piece <0x41> is missing");
        ModelProto.Builder misspelled = SyntheticModels.bpeWithByteFallback();
        misspelled.setPieces(3, SyntheticModels.piece("<0xZZ>", 0, SyntheticModels.BYTE));
        assertFails(write(misspelled), "pieces[3].piece", "a BYTE piece must be spelled <0x00> to <0xFF>");
    }

    @Test
    void whitespaceAsSuffixIsUnsupported() throws IOException {
        ModelProto.Builder model = SyntheticModels.unigram();
        model.getTrainerSpecBuilder().setTreatWhitespaceAsSuffix(true);
        assertFails(write(model), "trainer_spec.treat_whitespace_as_suffix", "not supported");
    }

    private Path write(ModelProto.Builder model) throws IOException {
        return SyntheticModels.write(model, Files.createTempFile(temp, "synthetic", ".model"));
    }

    private Path cut(byte[] bytes, int length) throws IOException {
        return Files.write(temp.resolve("cut-" + length + ".model"), Arrays.copyOf(bytes, length));
    }

    private static void assertFails(Path file, String location, String problem) {
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> ModelFileReader.read(file));
        assertEquals(file.toString(), e.file());
        assertEquals(location, e.location(), e.getMessage());
        assertTrue(e.getMessage().contains(problem), "expected \"" + problem + "\" in: " + e.getMessage());
    }
}
