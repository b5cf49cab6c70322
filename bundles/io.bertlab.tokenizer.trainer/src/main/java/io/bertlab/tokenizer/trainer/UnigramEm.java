package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.tokenizer.unigram.Lattice;
import io.bertlab.tokenizer.unigram.ScoredPiece;
import io.bertlab.tokenizer.unigram.UnigramModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * SentencePiece's Unigram training (Kudo 2018) as HuggingFace's {@code UnigramTrainer} runs it: seed pieces are all
 * characters and the most frequent repeated substrings (by occurrences times length), then rounds of EM
 * sub-iterations (expected counts over every segmentation; a Bayesian M-step with digamma that drops pieces expected
 * less than half a time) each followed by pruning the pieces whose removal costs the least likelihood, keeping the
 * larger of {@code shrinking_factor} of them and 1.1 times the target, until the target is reached; finally every
 * character is ensured and the vocabulary trimmed to exactly its size.
 */
final class UnigramEm {

    /** Settings, with HuggingFace's names. */
    record Config(int vocabSize, List<String> specialTokens, String unkToken, double shrinkingFactor,
            int subIterations, int maxPieceLength, int seedSize) {
    }

    private static final double EXPECTED_FREQUENCY_THRESHOLD = 0.5;
    private static final double REQUIRED_CHARACTER_PENALTY = 0.0001;
    private static final char WORD_BOUNDARY = '\0';

    private final Config config;
    private final String[] words;
    private final long[] counts;
    private final ProgressListener progress;
    /** The data log-likelihood per word occurrence after each E-step, in order. */
    private final List<Double> likelihoods = new ArrayList<>();

    private UnigramEm(Config config, Map<String, Long> wordCounts, ProgressListener progress) {
        this.config = config;
        this.progress = progress;
        words = wordCounts.keySet().toArray(new String[0]);
        Arrays.sort(words);
        counts = new long[words.length];
        for (int i = 0; i < words.length; i++) {
            counts[i] = wordCounts.get(words[i]);
        }
    }

    /** What training produced. */
    record Result(UnigramModel model, List<Double> likelihoods) {
    }

    static Result train(Map<String, Long> wordCounts, Config config, ProgressListener progress) {
        UnigramEm em = new UnigramEm(config, wordCounts, progress);
        UnigramModel model = em.run();
        return new Result(model, List.copyOf(em.likelihoods));
    }

    private UnigramModel run() {
        List<ScoredPiece> pieces = new ArrayList<>();
        pieces.add(new ScoredPiece(config.unkToken(), Double.NaN));
        pieces.addAll(seedPieces());
        int desired = config.vocabSize() * 11 / 10;
        UnigramModel model = new UnigramModel(pieces, 0, false);
        int round = 0;
        while (true) {
            for (int i = 0; i < config.subIterations(); i++) {
                double[] expected = expectationStep(model);
                pieces = maximizationStep(pieces, expected);
                model = new UnigramModel(pieces, 0, false);
                progress.progress("EM round " + (round + 1) + ", " + pieces.size() + " pieces", likelihoods.size(),
                        -1);
            }
            if (pieces.size() <= desired) {
                break;
            }
            pieces = prune(model, pieces);
            model = new UnigramModel(pieces, 0, false);
            round++;
        }
        return finish(model);
    }

    /** Characters by frequency, then repeated substrings by occurrences times length, as log probabilities. */
    private List<ScoredPiece> seedPieces() {
        int total = words.length;
        for (String w : words) {
            total += w.codePointCount(0, w.length());
        }
        int[] text = new int[total];
        int at = 0;
        Map<Integer, Long> characters = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            int index = i;
            for (int c : words[i].codePoints().toArray()) {
                text[at++] = c;
                if (c != WORD_BOUNDARY) {
                    characters.merge(c, counts[index], Long::sum);
                }
            }
            text[at++] = WORD_BOUNDARY;
        }
        List<long[]> characterScores = new ArrayList<>();
        characters.forEach((c, n) -> characterScores.add(new long[] {n, c}));
        // descending by (count, character)
        characterScores.sort((a, b) -> a[0] != b[0] ? Long.compare(b[0], a[0]) : Long.compare(b[1], a[1]));
        List<Substring> substrings = new ArrayList<>();
        RepeatedSubstrings.forEach(text, (start, length, occurrences) -> {
            if (length <= 1 || length > config.maxPieceLength()) {
                return;
            }
            for (int i = start; i < start + length; i++) {
                if (text[i] == WORD_BOUNDARY) {
                    return;
                }
            }
            substrings.add(new Substring(Arrays.copyOfRange(text, start, start + length),
                    (long) occurrences * length));
        });
        substrings.sort(null);
        List<ScoredPiece> seeds = new ArrayList<>();
        for (long[] c : characterScores) {
            seeds.add(new ScoredPiece(new String(Character.toChars((int) c[1])), c[0]));
        }
        for (Substring s : substrings) {
            if (seeds.size() >= config.seedSize()) {
                break;
            }
            seeds.add(new ScoredPiece(new String(s.codePoints, 0, s.codePoints.length), s.score));
        }
        double logSum = Math.log(seeds.stream().mapToDouble(ScoredPiece::score).sum());
        List<ScoredPiece> logProbabilities = new ArrayList<>(seeds.size());
        for (ScoredPiece p : seeds) {
            logProbabilities.add(new ScoredPiece(p.piece(), Math.log(p.score()) - logSum));
        }
        return logProbabilities;
    }

    /** A seed candidate, ordered by descending score, then descending code points. */
    private record Substring(int[] codePoints, long score) implements Comparable<Substring> {
        @Override
        public int compareTo(Substring other) {
            if (score != other.score) {
                return Long.compare(other.score, score);
            }
            return Arrays.compare(other.codePoints, codePoints);
        }
    }

    /** Expected piece counts over all segmentations of all words, on two fixed halves in parallel. */
    private double[] expectationStep(UnigramModel model) {
        int half = words.length / 2;
        CompletableFuture<double[]> second = CompletableFuture.supplyAsync(() -> expectations(model, half,
                words.length));
        double[] expected = expectations(model, 0, half);
        double[] other = second.join();
        for (int i = 0; i < expected.length - 1; i++) {
            expected[i] += other[i];
        }
        double logLikelihood = expected[expected.length - 1] + other[other.length - 1];
        long occurrences = Arrays.stream(counts).sum();
        likelihoods.add(logLikelihood / occurrences);
        return Arrays.copyOf(expected, expected.length - 1);
    }

    /** Expected counts of words [from, to), with their summed log-likelihood in the extra last slot. */
    private double[] expectations(UnigramModel model, int from, int to) {
        double[] expected = new double[model.vocabularySize() + 1];
        double logLikelihood = 0;
        for (int i = from; i < to; i++) {
            Lattice lattice = model.lattice(words[i]);
            logLikelihood += lattice.populateMarginal(counts[i], expected);
        }
        expected[expected.length - 1] = logLikelihood;
        return expected;
    }

    /** Bayesian (digamma) re-estimation; pieces expected less than half a time go; the unknown piece stays. */
    private static List<ScoredPiece> maximizationStep(List<ScoredPiece> pieces, double[] expected) {
        List<ScoredPiece> kept = new ArrayList<>();
        List<Double> frequencies = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < pieces.size(); i++) {
            if (i == 0) {
                kept.add(new ScoredPiece(pieces.get(0).piece(), Double.NaN));
                frequencies.add(Double.NaN);
                continue;
            }
            if (expected[i] < EXPECTED_FREQUENCY_THRESHOLD) {
                continue;
            }
            kept.add(pieces.get(i));
            frequencies.add(expected[i]);
            sum += expected[i];
        }
        double logSum = digamma(sum);
        List<ScoredPiece> result = new ArrayList<>(kept.size());
        for (int i = 0; i < kept.size(); i++) {
            result.add(new ScoredPiece(kept.get(i).piece(), digamma(frequencies.get(i)) - logSum));
        }
        return result;
    }

    /**
     * Keeps the pieces whose removal would lose the most likelihood, estimating the loss by re-segmenting each piece
     * without itself (its second-best segmentation).
     */
    private List<ScoredPiece> prune(UnigramModel model, List<ScoredPiece> pieces) {
        int n = pieces.size();
        boolean[] alwaysKeep = new boolean[n];
        int[][] alternatives = new int[n][];
        for (int id = 1; id < n; id++) {
            Lattice lattice = model.lattice(pieces.get(id).piece());
            List<int[]> best = lattice.nbest(2);
            alternatives[id] = new int[0];
            if (best.size() == 1) {
                alwaysKeep[id] = true;
            } else if (best.get(0).length >= 2) {
                alwaysKeep[id] = false;
            } else if (best.get(0).length == 1) {
                alwaysKeep[id] = true;
                int[] second = best.get(1);
                alternatives[id] = new int[second.length];
                for (int k = 0; k < second.length; k++) {
                    alternatives[id][k] = lattice.pieceId(second[k]);
                }
            }
        }
        double totalWords = 0;
        double[] frequency = new double[n];
        List<List<Integer>> inverted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inverted.add(new ArrayList<>());
        }
        for (int w = 0; w < words.length; w++) {
            Lattice lattice = model.lattice(words[w]);
            totalWords += counts[w];
            for (int node : lattice.viterbi()) {
                int id = lattice.pieceId(node);
                frequency[id] += counts[w];
                inverted.get(id).add(w);
            }
        }
        double sum = Arrays.stream(frequency).sum();
        double logSum = Math.log(sum);
        List<ScoredPiece> kept = new ArrayList<>();
        kept.add(pieces.get(0));
        List<double[]> candidates = new ArrayList<>();
        for (int id = 1; id < n; id++) {
            if (frequency[id] == 0 && !alwaysKeep[id]) {
                continue;
            }
            if (alternatives[id].length == 0) {
                kept.add(pieces.get(id));
                continue;
            }
            double f = 0;
            for (int w : inverted.get(id)) {
                f += counts[w];
            }
            if (f == 0 || Double.isNaN(f)) {
                continue;
            }
            f /= totalWords;
            double logProbability = Math.log(frequency[id]) - logSum;
            // HuggingFace counts the alternatives of all pieces here (alternatives.len()), not of this one; kept so
            // that training follows it.
            double logSumWithout = Math.log(sum + frequency[id] * (n - 1));
            double logProbabilityAlternatives = 0;
            for (int alternative : alternatives[id]) {
                logProbabilityAlternatives += Math.log(frequency[alternative] + frequency[id]) - logSumWithout;
            }
            candidates.add(new double[] {id, f * (logProbability - logProbabilityAlternatives)});
        }
        int prunedSize = Math.max(config.vocabSize() * 11 / 10, (int) (n * config.shrinkingFactor()));
        candidates.sort((a, b) -> Double.compare(b[1], a[1]));
        for (double[] candidate : candidates) {
            if (kept.size() == prunedSize) {
                break;
            }
            kept.add(pieces.get((int) candidate[0]));
        }
        return kept;
    }

    /**
     * Special tokens and the unknown piece first (score 0), then every character (missing ones just below the
     * lowest score) and the best pieces until the vocabulary size, by descending score.
     */
    private UnigramModel finish(UnigramModel model) {
        Map<String, Double> chosen = new LinkedHashMap<>();
        for (String special : config.specialTokens()) {
            chosen.put(special, 0.0);
        }
        chosen.putIfAbsent(config.unkToken(), 0.0);
        int fixed = chosen.size();
        Map<String, Double> existing = new HashMap<>();
        double minScore = Double.POSITIVE_INFINITY;
        for (ScoredPiece p : model.pieces()) {
            existing.putIfAbsent(p.piece(), p.score());
            if (p.score() < minScore) {
                minScore = p.score();
            }
        }
        TreeSet<Integer> characters = new TreeSet<>();
        for (String w : words) {
            w.codePoints().forEach(characters::add);
        }
        double penalty = 0;
        Map<String, Double> others = new LinkedHashMap<>();
        for (int c : characters) {
            String s = new String(Character.toChars(c));
            if (chosen.containsKey(s)) {
                continue;
            }
            Double score = existing.get(s);
            if (score == null) {
                score = minScore + penalty;
                penalty += REQUIRED_CHARACTER_PENALTY;
            }
            others.put(s, score);
        }
        for (ScoredPiece p : model.pieces()) {
            if (fixed + others.size() >= config.vocabSize()) {
                break;
            }
            if (!chosen.containsKey(p.piece()) && !Double.isNaN(p.score())) {
                others.putIfAbsent(p.piece(), p.score());
            }
        }
        List<ScoredPiece> ordered = new ArrayList<>();
        chosen.forEach((piece, score) -> ordered.add(new ScoredPiece(piece, score)));
        List<ScoredPiece> rest = new ArrayList<>();
        others.forEach((piece, score) -> rest.add(new ScoredPiece(piece, score)));
        rest.sort((a, b) -> Double.compare(b.score(), a.score()));
        ordered.addAll(rest);
        int unkId = new ArrayList<>(chosen.keySet()).indexOf(config.unkToken());
        return new UnigramModel(ordered, unkId, false);
    }

    /** The digamma function by recurrence and asymptotic series, as SentencePiece computes it. */
    static double digamma(double x) {
        double result = 0;
        while (x < 7) {
            result -= 1 / x;
            x += 1;
        }
        x -= 0.5;
        double xx = 1 / x;
        double xx2 = xx * xx;
        double xx4 = xx2 * xx2;
        result += Math.log(x) + (1.0 / 24) * xx2 - 7.0 / 960 * xx4 + (31.0 / 8064) * xx4 * xx2
                - (127.0 / 30720) * xx4 * xx4;
        return result;
    }
}
