package io.bertlab.pretrain;

import io.bertlab.api.model.HeadSpec;
import io.bertlab.api.model.HeadTarget;
import io.bertlab.api.pretrain.Corpus;
import io.bertlab.api.pretrain.PretrainingContext;
import io.bertlab.api.pretrain.PretrainingInstance;
import io.bertlab.api.pretrain.PretrainingTask;
import io.bertlab.api.tokenizer.EncodeOptions;
import io.bertlab.api.tokenizer.Encoding;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.Truncation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Pre-training instances made by chaining {@link PretrainingTask} services, the way any objective plugs in: for every
 * document, segment A starts at its first sentence and takes as many sentences as fit in half an instance (all of it
 * when no task chooses a segment B), the text-stage tasks choose B and their labels, the pair is encoded with
 * {@code [CLS]}/{@code [SEP]} and truncated longest-first to the maximum length, the token-stage tasks change the
 * inputs (masking), and the next instance starts after A. Every pass over the corpus draws anew from one
 * {@link Random} seeded once, so the same input, tasks, settings and seed give the same instances.
 *
 * <p>What an instance file can carry decides which tasks fit: at most one task with a {@link HeadSpec.MaskedLm} head
 * (its {@link HeadTarget.TokenLabels} become the masked positions) and any tasks with one label per instance
 * ({@link HeadSpec.NextSentence} or {@link HeadSpec.Classification} heads, {@link HeadTarget.ClassLabels}), kept
 * by task name.
 */
public final class TaskInstances {

    /** Receives each instance as soon as it is made. */
    @FunctionalInterface
    public interface Sink {
        /**
         * Takes one instance.
         *
         * @param instance the instance
         * @throws IOException when it cannot be written
         */
        void accept(TrainingInstance instance) throws IOException;
    }

    /** Told after each pass over the corpus. */
    @FunctionalInterface
    public interface PassProgress {
        /**
         * Called after a pass.
         *
         * @param pass the pass just done, from 1
         * @param made the instances made so far
         */
        void passDone(int pass, long made);
    }

    /**
     * The tasks' context. Filling segments counts every sentence's tokens again and again, so each corpus sentence is
     * tokenized once up front; the counts are found by the sentence's identity (the strings the corpus hands out),
     * any other text is tokenized when asked.
     */
    private record Context(Corpus corpus, Tokenizer tokenizer, Random random, int maxLength,
            Map<String, Integer> sentenceTokens) implements PretrainingContext {

        @Override
        public int tokenCount(String text) {
            Integer count = sentenceTokens.get(text);
            return count != null ? count : PretrainingContext.super.tokenCount(text);
        }
    }

    /** A task by the name it was chosen with. */
    private record Named(String name, PretrainingTask task) {
    }

    private final List<Named> textTasks = new ArrayList<>();
    private final List<Named> tokenTasks = new ArrayList<>();
    private final Tokenizer tokenizer;
    private final int maxLength;
    private final long seed;
    private final Map<String, long[]> labelCounts = new LinkedHashMap<>();
    private long made;

    /**
     * A generator for tasks chosen by name.
     *
     * @param tasks the tasks by the names they were chosen with, in the order to apply them within a stage
     * @param tokenizer the model's tokenizer
     * @param maxLength the longest instance, special tokens included
     * @param seed the seed of the random source the tasks draw from
     * @throws IllegalArgumentException when a task's targets cannot be kept in an instance file, or two tasks need
     *         the masked positions
     */
    public TaskInstances(Map<String, PretrainingTask> tasks, Tokenizer tokenizer, int maxLength, long seed) {
        if (maxLength < 5) {
            throw new IllegalArgumentException("--max-seq-length must be at least 5 ([CLS] A [SEP] B [SEP]), got "
                    + maxLength);
        }
        String tokenLevel = null;
        for (Map.Entry<String, PretrainingTask> entry : tasks.entrySet()) {
            String name = entry.getKey();
            HeadSpec head = entry.getValue().head();
            if (head instanceof HeadSpec.MaskedLm) {
                if (tokenLevel != null) {
                    throw new IllegalArgumentException("tasks '" + tokenLevel + "' and '" + name + "' both predict"
                            + " masked tokens, and an instance file holds one set of masked positions");
                }
                tokenLevel = name;
            } else if (!(head instanceof HeadSpec.NextSentence) && !(head instanceof HeadSpec.Classification)) {
                throw new IllegalArgumentException("task '" + name + "' trains a " + head.getClass().getSimpleName()
                        + " head; an instance file holds masked tokens and one integer label per task");
            } else {
                labelCounts.put(name, new long[2]);
            }
            Named named = new Named(name, entry.getValue());
            (entry.getValue().stage() == PretrainingTask.Stage.TEXT ? textTasks : tokenTasks).add(named);
        }
        this.tokenizer = tokenizer;
        this.maxLength = maxLength;
        this.seed = seed;
    }

    /**
     * Makes the instances of some passes over a corpus, handing each to a sink as it is made (none is held).
     *
     * @param corpus the documents
     * @param passes how many times to go over the corpus (Google's dupe factor)
     * @param sink receives the instances
     * @param progress told after each pass
     * @return the number of instances made
     * @throws IOException when the sink fails
     */
    public long generate(TextCorpus corpus, int passes, Sink sink, PassProgress progress) throws IOException {
        Map<String, Integer> sentenceTokens = new IdentityHashMap<>();
        EncodeOptions plain = EncodeOptions.of(false, null, null);
        for (int d = 0; d < corpus.documentCount(); d++) {
            for (String sentence : corpus.document(d)) {
                sentenceTokens.put(sentence, tokenizer.encode(sentence, plain).length());
            }
        }
        Context context = new Context(corpus, tokenizer, new Random(seed), maxLength, sentenceTokens);
        EncodeOptions options = EncodeOptions.of(true, Truncation.longestFirst(maxLength), null);
        // [CLS] A [SEP] B [SEP] when a task picks B, [CLS] A [SEP] otherwise
        int budgetA = textTasks.isEmpty() ? maxLength - 2 : (maxLength - 3) / 2;
        for (int pass = 1; pass <= passes; pass++) {
            for (int d = 0; d < corpus.documentCount(); d++) {
                int sentences = corpus.document(d).size();
                for (int s = 0; s < sentences;) {
                    PretrainingContext.Span a = context.span(d, s, budgetA);
                    PretrainingInstance instance = PretrainingInstance.start(d, s, a.sentences(), a.text());
                    for (Named named : textTasks) {
                        instance = named.task().apply(instance, context);
                    }
                    Encoding encoding = instance.textB().isPresent()
                            ? tokenizer.encodePair(instance.textA(), instance.textB().get(), options)
                            : tokenizer.encode(instance.textA(), options);
                    instance = instance.withEncoding(encoding);
                    for (Named named : tokenTasks) {
                        instance = named.task().apply(instance, context);
                    }
                    sink.accept(toFileInstance(instance, encoding));
                    made++;
                    s += a.sentences();
                }
            }
            progress.passDone(pass, made);
        }
        return made;
    }

    /** How many instances each sentence-level task labelled 0 and 1 (and more), by task name. */
    public Map<String, long[]> labelCounts() {
        return labelCounts;
    }

    private TrainingInstance toFileInstance(PretrainingInstance instance, Encoding encoding) {
        int[] positions = new int[0];
        int[] originals = new int[0];
        Map<String, Integer> labels = new HashMap<>();
        for (Named named : concat(textTasks, tokenTasks)) {
            HeadSpec head = named.task().head();
            HeadTarget target = instance.targets().get(head.name());
            if (target == null) {
                throw new IllegalStateException("task '" + named.name() + "' added no target for its head '"
                        + head.name() + "'");
            }
            if (head instanceof HeadSpec.MaskedLm) {
                if (!(target instanceof HeadTarget.TokenLabels tokenLabels)) {
                    throw mismatch(named, target, "TokenLabels");
                }
                int[] row = tokenLabels.labels()[0];
                int count = 0;
                for (int label : row) {
                    count += label == HeadTarget.TokenLabels.IGNORE ? 0 : 1;
                }
                positions = new int[count];
                originals = new int[count];
                for (int i = 0, k = 0; i < row.length; i++) {
                    if (row[i] != HeadTarget.TokenLabels.IGNORE) {
                        positions[k] = i;
                        originals[k++] = row[i];
                    }
                }
            } else {
                if (!(target instanceof HeadTarget.ClassLabels classLabels)) {
                    throw mismatch(named, target, "ClassLabels");
                }
                int label = classLabels.labels()[0];
                if (label < 0) {
                    throw new IllegalStateException("task '" + named.name() + "' labelled an instance " + label
                            + "; labels are class numbers from 0");
                }
                labels.put(named.name(), label);
                long[] counts = labelCounts.get(named.name());
                if (label >= counts.length) {
                    counts = Arrays.copyOf(counts, label + 1);
                    labelCounts.put(named.name(), counts);
                }
                counts[label]++;
            }
        }
        return new TrainingInstance(instance.inputIds(), encoding.typeIds(), positions, originals, labels);
    }

    private static List<Named> concat(List<Named> first, List<Named> second) {
        List<Named> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static IllegalStateException mismatch(Named named, HeadTarget target, String expected) {
        return new IllegalStateException("task '" + named.name() + "' added a " + target.getClass().getSimpleName()
                + " target, where its head needs " + expected);
    }
}
