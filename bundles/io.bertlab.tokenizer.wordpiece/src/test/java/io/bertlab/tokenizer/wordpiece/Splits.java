package io.bertlab.tokenizer.wordpiece;

import io.bertlab.tokenizer.wordpiece.GreedyReference.Piece;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: run the model on one word, and read a {@code vocab.txt}. */
final class Splits {

    private Splits() {
    }

    /**
     * The model's pieces for a word, passed in the middle of a larger array so that offsets relative to
     * {@code from} are checked too.
     */
    static List<Piece> of(WordPieceModel model, String word) {
        int[] cps = word.codePoints().toArray();
        int[] padded = new int[cps.length + 6];
        padded[0] = 'x';
        padded[1] = '#';
        padded[2] = 'y';
        System.arraycopy(cps, 0, padded, 3, cps.length);
        padded[padded.length - 1] = 'z';
        List<Piece> pieces = new ArrayList<>();
        model.tokenize(padded, 3, cps.length, (id, start, end) -> pieces.add(new Piece(id, start, end)));
        return pieces;
    }

    /** A {@code vocab.txt}: one token a line, ids by line number; a repeated line keeps its first id. */
    static Map<String, Integer> readVocab(Path file) {
        try {
            Map<String, Integer> vocab = new LinkedHashMap<>();
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                vocab.putIfAbsent(lines.get(i).stripTrailing(), i);
            }
            return vocab;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
