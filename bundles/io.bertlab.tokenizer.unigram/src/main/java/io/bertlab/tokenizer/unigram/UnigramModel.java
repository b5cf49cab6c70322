package io.bertlab.tokenizer.unigram;

import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.random.RandomGenerator;

/**
 * The Unigram language-model tokenizer (Kudo 2018), segmenting each word as HuggingFace {@code tokenizers} does: the
 * Viterbi path over all vocabulary pieces, a character no piece covers scored as the lowest piece score minus 10
 * and mapped to {@code unk_id}, consecutive unknown pieces fused into one, and with {@code byte_fallback} an unknown
 * piece spelled as {@code <0xNN>} byte pieces (all spanning it) when every byte has one. Ties keep the path found
 * first. Besides the best segmentation it offers the n best and sampled ones (subword regularisation).
 */
public final class UnigramModel implements TokenizerModel {

    /** How far below the lowest piece score an unknown character scores, as in SentencePiece. */
    static final double UNKNOWN_PENALTY = 10.0;

    private final List<ScoredPiece> pieces;
    private final double[] scores;
    private final Integer unkId;
    private final boolean byteFallback;
    private final double unknownScore;
    private final Map<String, Integer> vocabulary;
    private final PieceTrie trie;
    private final int[] byteIds = new int[256];

    /**
     * A model.
     *
     * @param pieces the vocabulary in id order
     * @param unkId the id of the unknown piece, or null when the model has none
     * @param byteFallback whether unknown pieces are spelled as {@code <0xNN>} byte pieces
     * @throws IllegalArgumentException when {@code unkId} is outside the vocabulary or the vocabulary is empty
     *     while an unknown id is given
     */
    public UnigramModel(List<ScoredPiece> pieces, Integer unkId, boolean byteFallback) {
        if (unkId != null && pieces.isEmpty()) {
            throw new IllegalArgumentException("the vocabulary is empty but at least the unknown piece is needed");
        }
        if (unkId != null && (unkId < 0 || unkId >= pieces.size())) {
            throw new IllegalArgumentException("unk_id " + unkId + " is outside the vocabulary of " + pieces.size()
                    + " pieces");
        }
        this.pieces = List.copyOf(pieces);
        this.unkId = unkId;
        this.byteFallback = byteFallback;
        scores = new double[pieces.size()];
        Map<String, Integer> ids = new HashMap<>(pieces.size() * 2);
        trie = new PieceTrie(pieces.size());
        double minScore = Double.POSITIVE_INFINITY;
        for (int id = 0; id < pieces.size(); id++) {
            ScoredPiece p = pieces.get(id);
            scores[id] = p.score();
            if (p.score() < minScore) {
                minScore = p.score(); // NaN (a trainer's unknown piece) never counts, as in HuggingFace
            }
            ids.put(p.piece(), id);
            trie.add(p.piece(), id);
        }
        unknownScore = minScore - UNKNOWN_PENALTY;
        vocabulary = Collections.unmodifiableMap(ids);
        for (int b = 0; b < 256; b++) {
            byteIds[b] = ids.getOrDefault(String.format("<0x%02X>", b), -1);
        }
    }

    /** @return the vocabulary in id order */
    public List<ScoredPiece> pieces() {
        return pieces;
    }

    /** @return the unknown piece's id, or null */
    public Integer unkId() {
        return unkId;
    }

    /** @return whether unknown pieces fall back to byte pieces */
    public boolean byteFallback() {
        return byteFallback;
    }

    @Override
    public String type() {
        return "Unigram";
    }

    @Override
    public void tokenize(int[] codePoints, int from, int length, TokenSink sink) {
        double[] bestScore = new double[length + 1];
        int[] bestStart = new int[length + 1];
        int[] bestId = new int[length + 1];
        Arrays.fill(bestStart, -1);
        for (int start = 0; start < length; start++) {
            double scoreHere = bestScore[start];
            boolean hasSingleCharacterPiece = false;
            int node = PieceTrie.ROOT;
            for (int end = start; end < length; end++) {
                node = trie.next(node, codePoints[from + end]);
                if (node == PieceTrie.NONE) {
                    break;
                }
                int id = trie.pieceAt(node);
                if (id == PieceTrie.NONE) {
                    continue;
                }
                relax(bestScore, bestStart, bestId, start, end + 1, scores[id] + scoreHere, id);
                hasSingleCharacterPiece |= end == start;
            }
            if (!hasSingleCharacterPiece) {
                double candidate = unknownScore + scoreHere;
                if (bestStart[start + 1] < 0 || candidate > bestScore[start + 1]) {
                    if (unkId == null) {
                        throw new IllegalStateException("unknown character U+"
                                + Integer.toHexString(codePoints[from + start]).toUpperCase()
                                + " but the Unigram model has no unk_id");
                    }
                    relax(bestScore, bestStart, bestId, start, start + 1, candidate, unkId);
                }
            }
        }
        emitBestPath(codePoints, from, length, bestStart, bestId, sink);
    }

    private static void relax(double[] bestScore, int[] bestStart, int[] bestId, int start, int end, double candidate,
            int id) {
        if (bestStart[end] < 0 || candidate > bestScore[end]) {
            bestScore[end] = candidate;
            bestStart[end] = start;
            bestId[end] = id;
        }
    }

    /** Walks the best path back from the end, fusing runs of unknown pieces, and emits it in order. */
    private void emitBestPath(int[] codePoints, int from, int length, int[] bestStart, int[] bestId,
            TokenSink sink) {
        int[] segmentStarts = new int[length];
        int[] segmentEnds = new int[length];
        int[] segmentIds = new int[length];
        int count = 0;
        int fusedEnd = -1;
        int fusedStart = -1;
        for (int end = length; end > 0; end = bestStart[end]) {
            int start = bestStart[end];
            if (unkId != null && bestId[end] == unkId) {
                fusedStart = start;
                fusedEnd = fusedEnd < 0 ? end : fusedEnd;
                continue;
            }
            if (fusedEnd >= 0) {
                segmentStarts[count] = fusedStart;
                segmentEnds[count] = fusedEnd;
                segmentIds[count++] = -1;
                fusedEnd = -1;
            }
            segmentStarts[count] = start;
            segmentEnds[count] = end;
            segmentIds[count++] = bestId[end];
        }
        if (fusedEnd >= 0) {
            segmentStarts[count] = fusedStart;
            segmentEnds[count] = fusedEnd;
            segmentIds[count++] = -1;
        }
        for (int i = count - 1; i >= 0; i--) {
            if (segmentIds[i] >= 0) {
                sink.token(segmentIds[i], segmentStarts[i], segmentEnds[i]);
            } else {
                emitUnknown(codePoints, from, segmentStarts[i], segmentEnds[i], sink);
            }
        }
    }

    /**
     * A fused unknown segment is looked up by its text (as HuggingFace does: it may spell a piece), then spelled in
     * bytes when byte fallback has all of them, else it is the unknown piece, named by its text as HuggingFace names
     * it.
     */
    private void emitUnknown(int[] codePoints, int from, int start, int end, TokenSink sink) {
        String text = new String(codePoints, from + start, end - start);
        Integer id = vocabulary.get(text);
        if (id != null) {
            sink.token(id, start, end);
            return;
        }
        if (byteFallback) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            boolean allKnown = true;
            for (byte b : bytes) {
                allKnown &= byteIds[b & 0xFF] >= 0;
            }
            if (allKnown) {
                for (byte b : bytes) {
                    sink.token(byteIds[b & 0xFF], start, end);
                }
                return;
            }
        }
        sink.tokenWithWordText(unkId, start, end);
    }

    /**
     * The lattice of a word with every piece found in it, for n-best search, sampling and training.
     *
     * @param word the word
     * @return its lattice
     */
    public Lattice lattice(String word) {
        int[] codePoints = word.codePoints().toArray();
        Lattice lattice = new Lattice(codePoints.length);
        for (int start = 0; start < codePoints.length; start++) {
            boolean hasSingleCharacterPiece = false;
            int node = PieceTrie.ROOT;
            for (int end = start; end < codePoints.length; end++) {
                node = trie.next(node, codePoints[end]);
                if (node == PieceTrie.NONE) {
                    break;
                }
                int id = trie.pieceAt(node);
                if (id != PieceTrie.NONE) {
                    lattice.insert(start, end + 1 - start, scores[id], id);
                    hasSingleCharacterPiece |= end == start;
                }
            }
            if (!hasSingleCharacterPiece && unkId != null) {
                lattice.insert(start, 1, unknownScore, unkId);
            }
        }
        return lattice;
    }

    /**
     * The n most probable segmentations of a word, best first.
     *
     * @param word the word
     * @param n how many
     * @return up to n segmentations, each a list of pieces
     */
    public List<List<String>> nbest(String word, int n) {
        Lattice lattice = lattice(word);
        List<List<String>> result = new ArrayList<>();
        for (int[] path : lattice.nbest(n)) {
            result.add(pieces(word, lattice, path));
        }
        return result;
    }

    /**
     * A segmentation of a word drawn with probability proportional to its likelihood raised to {@code alpha}
     * (subword regularisation, Kudo 2018): large alpha approaches the best path, 0 is uniform over segmentations.
     *
     * @param word the word
     * @param alpha the smoothing exponent
     * @param random the source of randomness
     * @return the pieces
     */
    public List<String> sample(String word, double alpha, RandomGenerator random) {
        Lattice lattice = lattice(word);
        return pieces(word, lattice, lattice.sample(alpha, random));
    }

    private static List<String> pieces(String word, Lattice lattice, int[] path) {
        int[] codePoints = word.codePoints().toArray();
        List<String> result = new ArrayList<>(path.length);
        for (int node : path) {
            result.add(new String(codePoints, lattice.start(node), lattice.end(node) - lattice.start(node)));
        }
        return result;
    }

    @Override
    public int vocabularySize() {
        return pieces.size();
    }

    @Override
    public OptionalInt tokenToId(String token) {
        Integer id = vocabulary.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    @Override
    public String idToToken(int id) {
        return id >= 0 && id < pieces.size() ? pieces.get(id).piece() : null;
    }

    @Override
    public Map<String, Integer> vocabulary() {
        return vocabulary;
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", "Unigram");
        json.put("unk_id", unkId);
        List<Object> vocab = new ArrayList<>(pieces.size());
        for (ScoredPiece p : pieces) {
            vocab.add(List.of(p.piece(), p.score()));
        }
        json.put("vocab", vocab);
        json.put("byte_fallback", byteFallback);
        return json;
    }
}
