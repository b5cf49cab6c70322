package io.bertlab.tokenizer.trainer;

import io.bertlab.api.progress.ProgressListener;
import io.bertlab.api.tokenizer.Tokenizer;
import io.bertlab.api.tokenizer.TokenizerFormatException;
import io.bertlab.tokenizer.core.ModelRegistry;
import io.bertlab.tokenizer.core.TokenizerFiles;
import io.bertlab.tokenizer.core.spi.ModelConfig;
import io.bertlab.tokenizer.core.spi.ModelFactory;
import io.bertlab.tokenizer.core.spi.TokenSink;
import io.bertlab.tokenizer.core.spi.TokenizerModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the words of a corpus as a tokenizer's own normalizer and pre-tokenizer produce them, streaming: texts are
 * read once, in batches handed to one worker per core, with a bounded number of batches in flight, so memory holds
 * the distinct words and never the corpus.
 */
final class WordCounter {

    private static final String COUNTING_MODEL = "bertlab-word-counter";
    private static final int BATCH_SIZE = 512;

    private WordCounter() {
    }

    /**
     * Counts words.
     *
     * @param corpus the texts
     * @param pipeline the normalizer and pre-tokenizer to split them with
     * @param progress receives the number of texts read
     * @return word to count, in no particular order
     */
    static Map<String, Long> count(Iterable<String> corpus, PipelineJson pipeline, ProgressListener progress) {
        CountingModel counts = new CountingModel();
        Tokenizer splitter = splitter(pipeline, counts);
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService executor = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "bertlab-word-counter");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(2 * workers);
        List<Future<?>> pending = new ArrayList<>();
        AtomicLong texts = new AtomicLong();
        try {
            List<String> batch = new ArrayList<>(BATCH_SIZE);
            for (String text : corpus) {
                batch.add(text);
                if (batch.size() == BATCH_SIZE) {
                    pending.add(submit(executor, inFlight, splitter, batch, texts, progress));
                    batch = new ArrayList<>(BATCH_SIZE);
                    collectFinished(pending);
                }
            }
            pending.add(submit(executor, inFlight, splitter, batch, texts, progress));
            for (Future<?> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting words", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("counting words failed: " + e.getCause(), e.getCause());
        } finally {
            executor.shutdownNow();
        }
        progress.progress("counting words", texts.get(), texts.get());
        return counts.total();
    }

    /** Drops finished batches, rethrowing the failure of any. */
    private static void collectFinished(List<Future<?>> pending) throws InterruptedException, ExecutionException {
        for (var it = pending.iterator(); it.hasNext();) {
            Future<?> f = it.next();
            if (f.isDone()) {
                f.get();
                it.remove();
            }
        }
    }

    private static Future<?> submit(ExecutorService executor, Semaphore inFlight, Tokenizer splitter,
            List<String> batch, AtomicLong texts, ProgressListener progress) throws InterruptedException {
        inFlight.acquire();
        return executor.submit(() -> {
            try {
                for (String text : batch) {
                    splitter.encode(text);
                }
                progress.progress("counting words", texts.addAndGet(batch.size()), -1);
            } finally {
                inFlight.release();
            }
        });
    }

    /** The pipeline without added tokens or post-processor, with a model that counts each word it is given. */
    private static Tokenizer splitter(PipelineJson pipeline, CountingModel counts) {
        ModelFactory factory = new ModelFactory() {
            @Override
            public String type() {
                return COUNTING_MODEL;
            }

            @Override
            public boolean recognizes(ModelConfig config) {
                return false;
            }

            @Override
            public TokenizerModel read(ModelConfig config) {
                return counts;
            }
        };
        try {
            return TokenizerFiles.fromJson(pipeline.splitterJson(Map.of("type", COUNTING_MODEL)),
                    ModelRegistry.of(factory));
        } catch (TokenizerFormatException e) {
            throw new IllegalArgumentException("the template's pipeline cannot be read back: " + e.getMessage(), e);
        }
    }

    /**
     * A model that emits nothing and counts the words it sees, in one map per thread (merged at the end), so that
     * the workers never contend for a shared map.
     */
    private static final class CountingModel implements TokenizerModel {
        private final Queue<Map<String, long[]>> perThread = new ConcurrentLinkedQueue<>();
        private final ThreadLocal<Map<String, long[]>> words = ThreadLocal.withInitial(() -> {
            Map<String, long[]> map = new HashMap<>();
            perThread.add(map);
            return map;
        });

        /** Every thread's counts together; call once the counting threads are done. */
        Map<String, Long> total() {
            Map<String, Long> total = new HashMap<>();
            for (Map<String, long[]> counts : perThread) {
                counts.forEach((word, count) -> total.merge(word, count[0], Long::sum));
            }
            return total;
        }

        @Override
        public String type() {
            return COUNTING_MODEL;
        }

        @Override
        public void tokenize(int[] codePoints, int from, int length, TokenSink sink) {
            words.get().computeIfAbsent(new String(codePoints, from, length), w -> new long[1])[0]++;
        }

        @Override
        public int vocabularySize() {
            return 0;
        }

        @Override
        public OptionalInt tokenToId(String token) {
            return OptionalInt.empty();
        }

        @Override
        public String idToToken(int id) {
            return null;
        }

        @Override
        public Map<String, Integer> vocabulary() {
            return Map.of();
        }

        @Override
        public Map<String, Object> toJson() {
            return Map.of("type", COUNTING_MODEL);
        }
    }
}
