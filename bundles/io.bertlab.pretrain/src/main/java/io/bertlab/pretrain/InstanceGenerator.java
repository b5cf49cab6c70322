package io.bertlab.pretrain;

import java.util.ArrayList;
import java.util.List;

/**
 * Google's {@code create_training_instances}, {@code create_instances_from_document} and {@code truncate_seq_pair},
 * draw for draw with CPython's {@code random.Random(seed)}: with {@link MaskingMode#GOOGLE} and the same corpus,
 * vocabulary and flags, the instances (and their order) are those the script makes.
 *
 * <p>The order of draws: the documents are shuffled once; then, {@code dupe_factor} times over all documents, each
 * document draws its target length ({@code random() < short_seq_prob} then {@code randint(2, max_num_tokens)}) and
 * is cut into chunks of whole sentences reaching that length; each chunk draws the end of A
 * ({@code randint(1, len - 1)} when it has 2+ sentences), then whether B is random ({@code random() < 0.5}, not
 * drawn for a one-sentence chunk, which always takes a random B); a random B draws its document (up to 10 tries
 * to find another one) and its first sentence, and the chunk's unused sentences are put back; the pair is
 * truncated (longer side, front or back by {@code random() < 0.5}) and masked. Finally all instances are shuffled.
 */
public final class InstanceGenerator {

    /** Told how far generation is: passes over the corpus and instances so far. */
    @FunctionalInterface
    public interface Progress {
        /**
         * Called after each pass over the corpus.
         *
         * @param pass the pass just finished, from 1 to {@code dupe_factor}
         * @param instances the instances made so far
         */
        void passDone(int pass, int instances);
    }

    /**
     * Counts of one run, for reports and checks: Google's script takes a random B for every one-sentence chunk, so
     * the share of NotNext instances is 50 % only among chunks of two or more sentences.
     *
     * @param instances the instances made
     * @param singleSentenceChunks instances from one-sentence chunks (always NotNext)
     * @param randomNext NotNext instances, single-sentence chunks included
     * @param sameDocumentRandomNext NotNext instances whose B came from A's own document (after 10 draws of it)
     */
    public record Statistics(long instances, long singleSentenceChunks, long randomNext,
            long sameDocumentRandomNext) {

        /** @return the share of NotNext among instances from chunks of two or more sentences (ideally 0.5) */
        public double randomNextShareOfMultiSentenceChunks() {
            long multi = instances - singleSentenceChunks;
            return multi == 0 ? Double.NaN : (double) (randomNext - singleSentenceChunks) / multi;
        }
    }

    private final GenerationSettings settings;
    private final Vocabulary vocabulary;
    private long singleSentenceChunks;
    private long randomNext;
    private long sameDocumentRandomNext;
    private long made;

    /**
     * A generator.
     *
     * @param settings the flags
     * @param vocabulary the vocabulary the corpus was tokenized with
     */
    public InstanceGenerator(GenerationSettings settings, Vocabulary vocabulary) {
        this.settings = settings;
        this.vocabulary = vocabulary;
    }

    /**
     * All instances of a corpus, in the script's final (shuffled) order.
     *
     * @param corpus the tokenized corpus
     * @param progress told after each pass
     * @return the instances
     */
    public List<TrainingInstance> generate(TokenizedCorpus corpus, Progress progress) {
        singleSentenceChunks = 0;
        randomNext = 0;
        sameDocumentRandomNext = 0;
        PythonRandom rng = new PythonRandom(settings.seed());
        List<int[][]> documents = new ArrayList<>(corpus.documents());
        rng.shuffle(documents);
        List<TrainingInstance> instances = new ArrayList<>();
        for (int pass = 1; pass <= settings.dupeFactor(); pass++) {
            for (int index = 0; index < documents.size(); index++) {
                fromDocument(documents, index, rng, instances);
            }
            progress.passDone(pass, instances.size());
        }
        rng.shuffle(instances);
        made = instances.size();
        return instances;
    }

    /** @return the counts of the last {@link #generate} */
    public Statistics statistics() {
        return new Statistics(made, singleSentenceChunks, randomNext, sameDocumentRandomNext);
    }

    /** A growable run of token ids that can lose tokens at either end (Python's {@code del l[0]} and {@code pop}). */
    private static final class Tokens {
        private int[] data = new int[64];
        private int start;
        private int end;

        void addAll(int[] ids) {
            if (end + ids.length > data.length) {
                int[] bigger = new int[Math.max(data.length * 2, end + ids.length)];
                System.arraycopy(data, start, bigger, start, end - start);
                data = bigger;
            }
            System.arraycopy(ids, 0, data, end, ids.length);
            end += ids.length;
        }

        int size() {
            return end - start;
        }

        void removeFirst() {
            start++;
        }

        void removeLast() {
            end--;
        }

        void copyTo(int[] target, int offset) {
            System.arraycopy(data, start, target, offset, size());
        }
    }

    private void fromDocument(List<int[][]> documents, int documentIndex, PythonRandom rng,
            List<TrainingInstance> instances) {
        int[][] document = documents.get(documentIndex);
        int maxNumTokens = settings.maxSeqLength() - 3;
        int targetSeqLength = maxNumTokens;
        if (rng.random() < settings.shortSeqProb()) {
            targetSeqLength = rng.randint(2, maxNumTokens);
        }
        List<int[]> chunk = new ArrayList<>();
        int currentLength = 0;
        int i = 0;
        while (i < document.length) {
            int[] segment = document[i];
            chunk.add(segment);
            currentLength += segment.length;
            if (i == document.length - 1 || currentLength >= targetSeqLength) {
                if (!chunk.isEmpty()) {
                    int aEnd = 1;
                    if (chunk.size() >= 2) {
                        aEnd = rng.randint(1, chunk.size() - 1);
                    }
                    Tokens a = new Tokens();
                    for (int j = 0; j < aEnd; j++) {
                        a.addAll(chunk.get(j));
                    }
                    Tokens b = new Tokens();
                    boolean isRandomNext;
                    if (chunk.size() == 1 || rng.random() < 0.5) {
                        isRandomNext = true;
                        randomNext++;
                        if (chunk.size() == 1) {
                            singleSentenceChunks++;
                        }
                        int targetBLength = targetSeqLength - a.size();
                        int randomDocumentIndex = 0;
                        // the script tries 10 times to find another document, then keeps the last draw
                        for (int attempt = 0; attempt < 10; attempt++) {
                            randomDocumentIndex = rng.randint(0, documents.size() - 1);
                            if (randomDocumentIndex != documentIndex) {
                                break;
                            }
                        }
                        if (randomDocumentIndex == documentIndex) {
                            sameDocumentRandomNext++;
                        }
                        int[][] randomDocument = documents.get(randomDocumentIndex);
                        int randomStart = rng.randint(0, randomDocument.length - 1);
                        for (int j = randomStart; j < randomDocument.length; j++) {
                            b.addAll(randomDocument[j]);
                            if (b.size() >= targetBLength) {
                                break;
                            }
                        }
                        // the sentences of the chunk not used as B are read again
                        i -= chunk.size() - aEnd;
                    } else {
                        isRandomNext = false;
                        for (int j = aEnd; j < chunk.size(); j++) {
                            b.addAll(chunk.get(j));
                        }
                    }
                    truncatePair(a, b, maxNumTokens, rng);
                    if (a.size() < 1 || b.size() < 1) {
                        throw new IllegalStateException("empty segment after truncation");
                    }
                    instances.add(instance(a, b, isRandomNext, rng));
                }
                chunk.clear();
                currentLength = 0;
            }
            i++;
        }
    }

    private static void truncatePair(Tokens a, Tokens b, int maxNumTokens, PythonRandom rng) {
        while (a.size() + b.size() > maxNumTokens) {
            Tokens longer = a.size() > b.size() ? a : b;
            if (rng.random() < 0.5) {
                longer.removeFirst();
            } else {
                longer.removeLast();
            }
        }
    }

    private TrainingInstance instance(Tokens a, Tokens b, boolean isRandomNext, PythonRandom rng) {
        int length = a.size() + b.size() + 3;
        int[] tokens = new int[length];
        int[] segmentIds = new int[length];
        tokens[0] = vocabulary.cls();
        a.copyTo(tokens, 1);
        tokens[a.size() + 1] = vocabulary.sep();
        b.copyTo(tokens, a.size() + 2);
        tokens[length - 1] = vocabulary.sep();
        for (int k = a.size() + 2; k < length; k++) {
            segmentIds[k] = 1;
        }
        Masking.Result masked = settings.masking() == MaskingMode.GOOGLE
                ? Masking.google(tokens, settings, vocabulary, rng)
                : Masking.dynamic(tokens, settings, vocabulary, rng);
        return new TrainingInstance(masked.tokens(), segmentIds, isRandomNext, masked.positions(), masked.labels());
    }
}
