package io.bertlab.engine.java.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed set of compute threads that run parallel loops. The calling thread works too, so concurrent callers
 * (several forward passes at once) always make progress.
 */
public final class Parallel implements AutoCloseable {

    private final int threads;
    private final ExecutorService pool;

    /**
     * Starts the helper threads.
     *
     * @param threads the number of threads working on a loop, the caller included; at least 1
     */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        AtomicInteger counter = new AtomicInteger();
        this.pool = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "bertlab-java-engine-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * The number of threads working on a loop.
     *
     * @return the thread count
     */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body} for every index in {@code [0, count)}, indices handed out one at a time to whichever thread
     * is free; returns when all are done.
     *
     * @param count the number of indices
     * @param body the work for one index
     */
    public void forEach(int count, IntConsumer body) {
        if (count <= 0) {
            return;
        }
        int helpers = pool == null ? 0 : Math.min(threads, count) - 1;
        if (helpers == 0) {
            for (int i = 0; i < count; i++) {
                body.accept(i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                body.accept(i);
            }
        };
        List<Future<?>> futures = new ArrayList<>(helpers);
        for (int h = 0; h < helpers; h++) {
            futures.add(pool.submit(worker));
        }
        RuntimeException failure = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failure = e;
            next.set(count);
        }
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for compute threads", e);
            } catch (ExecutionException e) {
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The work on one range of indices. */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Works on {@code [from, to)}.
         *
         * @param from first index
         * @param to end index (exclusive)
         */
        void accept(int from, int to);
    }

    /**
     * Cuts {@code [0, length)} into ranges of {@code chunk} indices (the last one shorter) and runs them as
     * {@link #forEach} does. The cut does not depend on the thread count.
     *
     * @param length the number of indices
     * @param chunk indices per range, at least 1
     * @param body the work for one range
     */
    public void forEachRange(int length, int chunk, RangeBody body) {
        forEach((length + chunk - 1) / chunk, c -> body.accept(c * chunk, Math.min(length, (c + 1) * chunk)));
    }

    /** Stops the helper threads. */
    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
