package io.bertlab.pretrain.run;

import io.bertlab.api.command.FileErrors;
import io.bertlab.api.model.ModelConfig;
import io.bertlab.pretrain.InstanceFiles;
import io.bertlab.pretrain.TrainingInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The instances of one JSON lines file ({@link InstanceFiles}), held in memory so that any epoch can visit them in
 * any order, checked line by line as they are read: positions inside the instance, a label per position. Also what a
 * model must accept to train on them (largest id, longest instance, segment count), and a fingerprint by which a
 * resumed run knows the file is the one it started with.
 */
final class InstanceSet {

    private final Path file;
    private final List<TrainingInstance> instances;
    private final int largestId;
    private final int longest;
    private final int segments;
    private final long predictions;
    private final long randomNext;
    private final Map<String, Long> labelled;
    private final long fingerprint;

    private InstanceSet(Path file, List<TrainingInstance> instances, int largestId, int longest, int segments,
            long predictions, long randomNext, Map<String, Long> labelled, long fingerprint) {
        this.file = file;
        this.instances = Collections.unmodifiableList(instances);
        this.largestId = largestId;
        this.longest = longest;
        this.segments = segments;
        this.predictions = predictions;
        this.randomNext = randomNext;
        this.labelled = labelled;
        this.fingerprint = fingerprint;
    }

    /**
     * Reads a whole file.
     *
     * @param file the instances, as {@code pretraining-data} writes them
     * @param option the command-line option that named it, for messages
     * @return the instances
     * @throws IOException naming the file (and line) when it is missing, unreadable, not instances, or empty
     */
    static InstanceSet read(Path file, String option) throws IOException {
        List<TrainingInstance> instances = new ArrayList<>();
        int largestId = -1;
        int longest = 0;
        int segments = 0;
        long predictions = 0;
        long randomNext = 0;
        Map<String, Long> labelled = new TreeMap<>();
        long fingerprint = 0x9E3779B97F4A7C15L;
        try (Stream<TrainingInstance> stream = InstanceFiles.read(file)) {
            Iterator<TrainingInstance> lines = stream.iterator();
            while (lines.hasNext()) {
                TrainingInstance instance = lines.next();
                int line = instances.size() + 1;
                check(instance, file, line);
                for (int id : instance.tokens()) {
                    largestId = Math.max(largestId, id);
                }
                for (int id : instance.maskedLabels()) {
                    largestId = Math.max(largestId, id);
                }
                for (int segment : instance.segmentIds()) {
                    segments = Math.max(segments, segment + 1);
                }
                longest = Math.max(longest, instance.length());
                predictions += instance.maskedPositions().length;
                randomNext += instance.isRandomNext() ? 1 : 0;
                instance.labels().keySet().forEach(task -> labelled.merge(task, 1L, Long::sum));
                fingerprint = mix(fingerprint, instance);
                instances.add(instance);
            }
        } catch (UncheckedIOException e) {
            throw new IOException(option + ": cannot read " + FileErrors.describe(file, e.getCause()), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(option + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new IOException(option + ": cannot read " + FileErrors.describe(file, e), e);
        }
        if (instances.isEmpty()) {
            throw new IOException(option + ": " + file + " holds no instances (make them with pretraining-data)");
        }
        return new InstanceSet(file, instances, largestId, longest, segments, predictions, randomNext, labelled,
                fingerprint);
    }

    private static void check(TrainingInstance instance, Path file, int line) {
        int length = instance.length();
        if (length == 0) {
            throw new IllegalArgumentException(file + ":" + line + ": an instance without tokens");
        }
        int previous = -1;
        for (int position : instance.maskedPositions()) {
            if (position < 0 || position >= length) {
                throw new IllegalArgumentException(file + ":" + line + ": masked position " + position
                        + " is outside the instance's " + length + " tokens");
            }
            if (position <= previous) {
                throw new IllegalArgumentException(file + ":" + line + ": masked positions must ascend, "
                        + position + " follows " + previous);
            }
            previous = position;
        }
        for (int id : instance.tokens()) {
            if (id < 0) {
                throw new IllegalArgumentException(file + ":" + line + ": negative token id " + id);
            }
        }
        for (int id : instance.maskedLabels()) {
            if (id < 0) {
                throw new IllegalArgumentException(file + ":" + line + ": negative masked_lm_ids entry " + id);
            }
        }
        for (int segment : instance.segmentIds()) {
            if (segment < 0) {
                throw new IllegalArgumentException(file + ":" + line + ": negative segment id " + segment);
            }
        }
    }

    private static long mix(long hash, TrainingInstance instance) {
        long h = hash;
        h = (h ^ java.util.Arrays.hashCode(instance.tokens())) * 0x100000001B3L;
        h = (h ^ java.util.Arrays.hashCode(instance.segmentIds())) * 0x100000001B3L;
        h = (h ^ java.util.Arrays.hashCode(instance.maskedPositions())) * 0x100000001B3L;
        h = (h ^ java.util.Arrays.hashCode(instance.maskedLabels())) * 0x100000001B3L;
        h = (h ^ (instance.isRandomNext() ? 1 : 2)) * 0x100000001B3L;
        for (Map.Entry<String, Integer> label : instance.labels().entrySet()) {
            if (!label.getKey().equals(TrainingInstance.NEXT_SENTENCE)) {
                h = (h ^ label.hashCode()) * 0x100000001B3L;
            }
        }
        return h;
    }

    /**
     * Fails unless the model can read every instance: ids below its vocabulary size, no instance longer than its
     * position embeddings, segment ids below its token types.
     *
     * @param config the model's configuration
     * @param model the model as the user named it, for the message
     * @throws IOException naming the file, the model and both numbers
     */
    void checkFits(ModelConfig config, String model) throws IOException {
        if (largestId >= config.vocabSize()) {
            throw new IOException(file + " holds token id " + largestId + " but " + model + " has a vocabulary of "
                    + config.vocabSize() + " (vocab_size): the instances were made with another vocabulary");
        }
        if (longest > config.maxPositionEmbeddings()) {
            throw new IOException(file + " holds an instance of " + longest + " tokens but " + model
                    + " accepts at most " + config.maxPositionEmbeddings() + " (max_position_embeddings)");
        }
        if (segments > config.typeVocabSize()) {
            throw new IOException(file + " uses " + segments + " segment ids but " + model + " has "
                    + config.typeVocabSize() + " token types (type_vocab_size)");
        }
    }

    Path file() {
        return file;
    }

    int size() {
        return instances.size();
    }

    TrainingInstance get(int index) {
        return instances.get(index);
    }

    int longest() {
        return longest;
    }

    long predictions() {
        return predictions;
    }

    long randomNext() {
        return randomNext;
    }

    /**
     * How many instances carry a label of a task.
     *
     * @param task the task's name
     * @return the count, 0 when none
     */
    long labelled(String task) {
        return labelled.getOrDefault(task, 0L);
    }

    /** A hash of every instance in order, as hexadecimal. */
    String fingerprint() {
        return Long.toHexString(fingerprint);
    }
}
