package io.bertlab.tokenizer.unigram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * All segmentations of one word: a node per vocabulary piece (or unknown character) found at a position, between a
 * begin-of-sentence and an end-of-sentence node. Serves the best path (Viterbi), the n best paths, sampling with a
 * smoothing exponent (subword regularisation) and the expected piece counts of the Unigram trainer's E-step, each
 * computed as HuggingFace's {@code lattice.rs} computes it. Positions are code points of the word.
 */
public final class Lattice {

    /** Node index of the begin-of-sentence node. */
    private static final int BOS = 0;
    /** Node index of the end-of-sentence node. */
    private static final int EOS = 1;
    /** Above this many open hypotheses the n-best search keeps only the best few, as HuggingFace does. */
    private static final int MAX_AGENDA_SIZE = 100_000;
    private static final int MIN_AGENDA_SIZE = 512;
    /** log(exp(x) + exp(y)) ignores the smaller term beyond this difference. */
    private static final double MINUS_LOG_EPSILON = 50.0;

    private final int length;
    private int nodeCount;
    private int[] pieceIds = new int[32];
    private int[] starts = new int[32];
    private int[] lengths = new int[32];
    private double[] scores = new double[32];
    private final NodeLists beginNodes;
    private final NodeLists endNodes;

    /**
     * An empty lattice for a word.
     *
     * @param length the word's length in code points
     */
    public Lattice(int length) {
        this.length = length;
        beginNodes = new NodeLists(length + 1);
        endNodes = new NodeLists(length + 1);
        addNode(-1, 0, 0, 0.0);
        addNode(-1, length, 0, 0.0);
        endNodes.add(0, BOS);
        beginNodes.add(length, EOS);
    }

    /**
     * Adds a node.
     *
     * @param start where the piece starts, in code points
     * @param pieceLength its length in code points
     * @param score its log probability
     * @param pieceId its vocabulary id
     */
    public void insert(int start, int pieceLength, double score, int pieceId) {
        int node = addNode(pieceId, start, pieceLength, score);
        beginNodes.add(start, node);
        endNodes.add(start + pieceLength, node);
    }

    private int addNode(int pieceId, int start, int pieceLength, double score) {
        if (nodeCount == pieceIds.length) {
            int capacity = nodeCount * 2;
            pieceIds = Arrays.copyOf(pieceIds, capacity);
            starts = Arrays.copyOf(starts, capacity);
            lengths = Arrays.copyOf(lengths, capacity);
            scores = Arrays.copyOf(scores, capacity);
        }
        pieceIds[nodeCount] = pieceId;
        starts[nodeCount] = start;
        lengths[nodeCount] = pieceLength;
        scores[nodeCount] = score;
        return nodeCount++;
    }

    /** @return the word's length in code points */
    public int length() {
        return length;
    }

    /**
     * @param node a node index from a path
     * @return its vocabulary id
     */
    public int pieceId(int node) {
        return pieceIds[node];
    }

    /**
     * @param node a node index from a path
     * @return its start in the word, in code points
     */
    public int start(int node) {
        return starts[node];
    }

    /**
     * @param node a node index from a path
     * @return its end (exclusive) in the word, in code points
     */
    public int end(int node) {
        return starts[node] + lengths[node];
    }

    /**
     * The best segmentation.
     *
     * @return its nodes in order, without the sentence boundaries; empty when some position cannot be reached
     */
    public int[] viterbi() {
        double[] backtraceScores = new double[nodeCount];
        int[] previous = new int[nodeCount];
        return viterbi(backtraceScores, previous) ? path(previous) : new int[0];
    }

    /** Fills the best score of a path ending with each node and its predecessor; false when one is unreachable. */
    private boolean viterbi(double[] backtraceScores, int[] previous) {
        Arrays.fill(previous, -1);
        for (int pos = 0; pos <= length; pos++) {
            if (beginNodes.size(pos) == 0) {
                return false;
            }
            for (int b = 0; b < beginNodes.size(pos); b++) {
                int right = beginNodes.get(pos, b);
                double bestScore = 0;
                int bestNode = -1;
                for (int e = 0; e < endNodes.size(pos); e++) {
                    int left = endNodes.get(pos, e);
                    double score = backtraceScores[left] + scores[right];
                    if (bestNode < 0 || score > bestScore) {
                        bestNode = left;
                        bestScore = score;
                    }
                }
                if (bestNode < 0) {
                    return false;
                }
                previous[right] = bestNode;
                backtraceScores[right] = bestScore;
            }
        }
        return true;
    }

    private int[] path(int[] previous) {
        int count = 0;
        for (int node = previous[EOS]; node != BOS; node = previous[node]) {
            count++;
        }
        int[] path = new int[count];
        for (int node = previous[EOS]; node != BOS; node = previous[node]) {
            path[--count] = node;
        }
        return path;
    }

    /**
     * The n best segmentations, best first, by A* search from the end with the Viterbi scores as the heuristic.
     *
     * @param n how many
     * @return up to n paths of node indices
     */
    public List<int[]> nbest(int n) {
        List<int[]> paths = new ArrayList<>();
        if (n <= 0) {
            return paths;
        }
        double[] backtraceScores = new double[nodeCount];
        int[] previous = new int[nodeCount];
        boolean reachable = viterbi(backtraceScores, previous);
        if (n == 1) {
            paths.add(reachable ? path(previous) : new int[0]);
            return paths;
        }
        if (!reachable) {
            return paths;
        }
        PriorityQueue<Hypothesis> agenda = new PriorityQueue<>();
        agenda.add(new Hypothesis(EOS, null, scores[EOS], scores[EOS]));
        while (!agenda.isEmpty()) {
            Hypothesis top = agenda.poll();
            if (top.node == BOS) {
                paths.add(top.next.pathToEnd());
                if (paths.size() == n) {
                    return paths;
                }
                continue;
            }
            int pos = starts[top.node];
            for (int e = 0; e < endNodes.size(pos); e++) {
                int left = endNodes.get(pos, e);
                agenda.add(new Hypothesis(left, top, backtraceScores[left] + top.pathScore,
                        scores[left] + top.pathScore));
            }
            if (agenda.size() > MAX_AGENDA_SIZE) {
                PriorityQueue<Hypothesis> kept = new PriorityQueue<>();
                for (int i = Math.min(MIN_AGENDA_SIZE, n * 10); i > 0; i--) {
                    kept.add(agenda.poll());
                }
                agenda = kept;
            }
        }
        return paths;
    }

    /**
     * A segmentation drawn with probability proportional to {@code exp(theta * score)} (forward-filtering,
     * backward-sampling).
     *
     * @param theta the smoothing exponent ({@code alpha} of subword regularisation); 0 draws uniformly
     * @param random the source of randomness
     * @return the path's node indices
     */
    public int[] sample(double theta, RandomGenerator random) {
        if (length == 0) {
            return new int[0];
        }
        double[] alpha = forward(theta);
        List<Integer> reversed = new ArrayList<>();
        double z = alpha[EOS];
        int node = EOS;
        double[] weights = new double[8];
        while (true) {
            int pos = starts[node];
            int count = endNodes.size(pos);
            if (weights.length < count) {
                weights = new double[count];
            }
            double total = 0;
            for (int e = 0; e < count; e++) {
                int left = endNodes.get(pos, e);
                weights[e] = Math.exp(alpha[left] + theta * scores[left] - z);
                total += weights[e];
            }
            double draw = random.nextDouble() * total;
            int chosen = count - 1;
            for (int e = 0; e < count; e++) {
                draw -= weights[e];
                if (draw < 0) {
                    chosen = e;
                    break;
                }
            }
            node = endNodes.get(pos, chosen);
            if (node == BOS) {
                break;
            }
            z = alpha[node];
            reversed.add(node);
        }
        int[] path = new int[reversed.size()];
        for (int i = 0; i < path.length; i++) {
            path[i] = reversed.get(path.length - 1 - i);
        }
        return path;
    }

    /** alpha[node]: log of the summed (theta-scaled) weight of all paths from the start up to the node's start. */
    private double[] forward(double theta) {
        double[] alpha = new double[nodeCount];
        for (int pos = 0; pos <= length; pos++) {
            for (int b = 0; b < beginNodes.size(pos); b++) {
                int right = beginNodes.get(pos, b);
                for (int e = 0; e < endNodes.size(pos); e++) {
                    int left = endNodes.get(pos, e);
                    alpha[right] = logSumExp(alpha[right], theta * (scores[left] + alpha[left]), e == 0);
                }
            }
        }
        return alpha;
    }

    /**
     * Adds each node's expected count (its marginal probability times {@code frequency}) to {@code expected}, indexed
     * by vocabulary id: the E-step of Unigram training.
     *
     * @param frequency how often the word occurs
     * @param expected expected counts by vocabulary id
     * @return frequency times the log of the word's total probability
     */
    public double populateMarginal(double frequency, double[] expected) {
        double[] alpha = forward(1.0);
        double[] beta = new double[nodeCount];
        for (int pos = length; pos >= 0; pos--) {
            for (int e = 0; e < endNodes.size(pos); e++) {
                int left = endNodes.get(pos, e);
                for (int b = 0; b < beginNodes.size(pos); b++) {
                    int right = beginNodes.get(pos, b);
                    beta[left] = logSumExp(beta[left], scores[right] + beta[right], b == 0);
                }
            }
        }
        double z = alpha[EOS];
        for (int pos = 0; pos < length; pos++) {
            for (int b = 0; b < beginNodes.size(pos); b++) {
                int node = beginNodes.get(pos, b);
                expected[pieceIds[node]] += frequency * Math.exp(alpha[node] + scores[node] + beta[node] - z);
            }
        }
        return frequency * z;
    }

    private static double logSumExp(double x, double y, boolean first) {
        if (first) {
            return y;
        }
        double min = Math.min(x, y);
        double max = Math.max(x, y);
        return max > min + MINUS_LOG_EPSILON ? max : max + Math.log(Math.exp(min - max) + 1.0);
    }

    /** A partial path from some node to the end: f = g + best score from the start to the node. */
    private static final class Hypothesis implements Comparable<Hypothesis> {
        final int node;
        final Hypothesis next;
        final double estimate;
        final double pathScore;

        Hypothesis(int node, Hypothesis next, double estimate, double pathScore) {
            this.node = node;
            this.next = next;
            this.estimate = estimate;
            this.pathScore = pathScore;
        }

        /** Best estimate first. */
        @Override
        public int compareTo(Hypothesis other) {
            return Double.compare(other.estimate, estimate);
        }

        /** The nodes from this one up to, without, the end-of-sentence node. */
        int[] pathToEnd() {
            int count = 0;
            for (Hypothesis h = this; h.next != null; h = h.next) {
                count++;
            }
            int[] path = new int[count];
            int i = 0;
            for (Hypothesis h = this; h.next != null; h = h.next) {
                path[i++] = h.node;
            }
            return path;
        }
    }

    /** Per position, a growable list of node indices. */
    private static final class NodeLists {
        private final int[][] lists;
        private final int[] sizes;

        NodeLists(int positions) {
            lists = new int[positions][];
            sizes = new int[positions];
        }

        void add(int pos, int node) {
            int[] list = lists[pos];
            if (list == null) {
                list = new int[4];
                lists[pos] = list;
            } else if (sizes[pos] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                lists[pos] = list;
            }
            list[sizes[pos]++] = node;
        }

        int size(int pos) {
            return sizes[pos];
        }

        int get(int pos, int i) {
            return lists[pos][i];
        }
    }
}
