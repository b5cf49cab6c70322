package io.bertlab.tokenizer.wordpiece;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Builds a {@link WordPieceAutomaton} from a vocabulary: first the trie with its two roots, then each node's failure
 * link and failure pops in order of depth, as Aho-Corasick builds its failure function (each node's depend only on
 * shallower nodes').
 *
 * <p>Word-start and continuation pieces get separate roots rather than one trie holding {@code ##} literally, so
 * that a word which itself starts with the prefix (say {@code ##a}) is matched against whole vocabulary entries, as
 * HuggingFace matches a word's first piece, and the prefix entry itself ({@code ##}) can start a word but never be
 * an (empty) continuation.
 */
final class WordPieceAutomatonBuilder {

    /** The failure of a node from which no split goes on. */
    private static final long NONE = -1L;

    private final CodePointTrie trie = new CodePointTrie();
    private final int wordRoot = trie.addNode();
    private final int suffixRoot = trie.addNode();

    // Per node, sized to an upper bound of the node count.
    private final int[] parent;
    private final int[] label;
    private final int[] depth;
    private final int[] token;
    private final long[] failures;

    private long[] pops = new long[1024];
    private int popCount;

    private WordPieceAutomatonBuilder(int maxNodes) {
        parent = new int[maxNodes];
        label = new int[maxNodes];
        depth = new int[maxNodes];
        token = new int[maxNodes];
        failures = new long[maxNodes];
        Arrays.fill(token, WordPieceAutomaton.NO_TOKEN);
    }

    /**
     * The automaton of a vocabulary.
     *
     * @param vocab token to id
     * @param continuingSubwordPrefix the prefix that marks continuation entries, e.g. {@code ##}
     * @return the automaton
     */
    static WordPieceAutomaton build(Map<String, Integer> vocab, String continuingSubwordPrefix) {
        int prefixLength = continuingSubwordPrefix.codePointCount(0, continuingSubwordPrefix.length());
        List<int[]> tokens = new ArrayList<>(vocab.size());
        List<Integer> ids = new ArrayList<>(vocab.size());
        int maxNodes = 2;
        for (Map.Entry<String, Integer> e : vocab.entrySet()) {
            int[] codePoints = e.getKey().codePoints().toArray();
            tokens.add(codePoints);
            ids.add(e.getValue());
            maxNodes += 2 * codePoints.length;
        }
        WordPieceAutomatonBuilder builder = new WordPieceAutomatonBuilder(maxNodes);
        for (int i = 0; i < tokens.size(); i++) {
            int[] codePoints = tokens.get(i);
            int id = ids.get(i);
            builder.insert(builder.wordRoot, codePoints, 0, id);
            // The bare prefix would be an empty continuation, which HuggingFace never looks up.
            if (codePoints.length > prefixLength && startsWith(codePoints, continuingSubwordPrefix)) {
                builder.insert(builder.suffixRoot, codePoints, prefixLength, id);
            }
        }
        return builder.link();
    }

    private static boolean startsWith(int[] codePoints, String prefix) {
        int i = 0;
        for (int offset = 0; offset < prefix.length(); offset += Character.charCount(prefix.codePointAt(offset))) {
            if (codePoints[i++] != prefix.codePointAt(offset)) {
                return false;
            }
        }
        return true;
    }

    private void insert(int root, int[] codePoints, int from, int id) {
        int node = root;
        for (int i = from; i < codePoints.length; i++) {
            int child = trie.addChild(node, codePoints[i]);
            parent[child] = node;
            label[child] = codePoints[i];
            depth[child] = depth[node] + 1;
            node = child;
        }
        token[node] = id;
        // The edge into the node carries its token too, so matching learns it without another read.
        trie.setValue(parent[node], label[node], id);
    }

    private WordPieceAutomaton link() {
        int nodes = trie.nodeCount();
        failures[wordRoot] = NONE;
        failures[suffixRoot] = NONE;
        for (int node : byDepth(nodes)) {
            if (node != wordRoot && node != suffixRoot) {
                failures[node] = failureOf(node);
            }
        }
        return new WordPieceAutomaton(trie, wordRoot, suffixRoot, Arrays.copyOf(failures, nodes),
                Arrays.copyOf(pops, popCount));
    }

    /** The failure of a node whose parent and all shallower nodes have theirs. */
    private long failureOf(int node) {
        if (token[node] != WordPieceAutomaton.NO_TOKEN) {
            // The node is a piece: MaxMatch takes all of it, and the next piece is a continuation.
            int start = popCount;
            appendPop(Pieces.markLast(Pieces.pack(token[node], depth[node])));
            return WordPieceAutomaton.failure(suffixRoot, start);
        }
        // Not a piece: MaxMatch pops what it would have popped at the parent, then keeps popping along the
        // parent's failure chain until a continuation node can take this node's code point.
        int codePoint = label[node];
        int last = parent[node];
        while (failures[last] != NONE && trie.child(WordPieceAutomaton.link(failures[last]), codePoint) < 0) {
            last = WordPieceAutomaton.link(failures[last]);
        }
        if (failures[last] == NONE) {
            return NONE;
        }
        int link = trie.child(WordPieceAutomaton.link(failures[last]), codePoint);
        if (last == parent[node]) {
            // The same pops as the parent's: share them.
            return WordPieceAutomaton.failure(link, WordPieceAutomaton.popsStart(failures[last]));
        }
        int start = popCount;
        for (int chain = parent[node];; chain = WordPieceAutomaton.link(failures[chain])) {
            appendPops(WordPieceAutomaton.popsStart(failures[chain]));
            if (chain == last) {
                break;
            }
        }
        pops[popCount - 1] = Pieces.markLast(pops[popCount - 1]);
        return WordPieceAutomaton.failure(link, start);
    }

    /** Appends a list of pops, unmarked, so that more can follow. */
    private void appendPops(int start) {
        for (int p = start;; p++) {
            long pop = pops[p];
            appendPop(Pieces.unmarkLast(pop));
            if (Pieces.isLast(pop)) {
                return;
            }
        }
    }

    private void appendPop(long pop) {
        if (popCount == pops.length) {
            pops = Arrays.copyOf(pops, popCount * 2);
        }
        pops[popCount++] = pop;
    }

    /** All nodes, shallowest first (a counting sort on depth). */
    private int[] byDepth(int nodes) {
        int maxDepth = 0;
        for (int node = 0; node < nodes; node++) {
            maxDepth = Math.max(maxDepth, depth[node]);
        }
        int[] start = new int[maxDepth + 2];
        for (int node = 0; node < nodes; node++) {
            start[depth[node] + 1]++;
        }
        for (int d = 1; d < start.length; d++) {
            start[d] += start[d - 1];
        }
        int[] order = new int[nodes];
        for (int node = 0; node < nodes; node++) {
            order[start[depth[node]]++] = node;
        }
        return order;
    }
}
