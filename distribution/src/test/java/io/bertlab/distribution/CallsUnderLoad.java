package io.bertlab.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Threads calling a service over and over while a test changes the system under them: every failed call is
 * counted, and every answer is sorted into a named bucket (e.g. "old model", "new model", "neither").
 */
final class CallsUnderLoad<T> implements AutoCloseable {

    /** The bucket of calls that threw. */
    static final String FAILED = "failed";

    private final AtomicBoolean stop = new AtomicBoolean();
    private final Map<String, AtomicInteger> buckets = new ConcurrentHashMap<>();
    private final ExecutorService pool;
    private final List<Future<?>> workers = new ArrayList<>();

    CallsUnderLoad(int threads, Callable<T> call, Function<T, String> bucketOf) {
        pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
                while (!stop.get()) {
                    String bucket;
                    try {
                        bucket = bucketOf.apply(call.call());
                    } catch (Throwable e) {
                        e.printStackTrace();
                        bucket = FAILED;
                    }
                    buckets.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
                }
            }));
        }
    }

    /** How many answers fell into a bucket so far. */
    int count(String bucket) {
        AtomicInteger count = buckets.get(bucket);
        return count == null ? 0 : count.get();
    }

    /** Stops the threads and waits for their last calls. */
    @Override
    public void close() throws Exception {
        stop.set(true);
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
    }

    @Override
    public String toString() {
        return buckets.toString();
    }
}
