package io.bertlab.spark;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Values loaded at most once per JVM and key, lazily, by the first task that needs them; the executor's other tasks
 * (running at the same time or later) wait for that load and share the result. A failed load is not kept: the next
 * task (Spark's retry) tries again, and fails again with the same message if the cause is still there.
 *
 * @param <K> the key (a path and the options that change what is loaded)
 * @param <V> the loaded value; thread-safe, since concurrent tasks use it
 */
final class ExecutorCache<K, V> {

    private final Map<K, Holder> entries = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final Function<K, V> loader;

    ExecutorCache(Function<K, V> loader) {
        this.loader = loader;
    }

    /** The value for a key, loading it if no task of this JVM has. */
    V get(K key) {
        while (true) {
            Holder holder = entries.computeIfAbsent(key, k -> new Holder());
            V value = holder.get(key);
            if (value != null) {
                return value;
            }
            // the holder failed and was removed by another task: try a fresh one
        }
    }

    /** @return how many loads this JVM has started (successful or not), for tests */
    int loads() {
        return loads.get();
    }

    /** Forgets every value; callers close them first if they need closing. */
    Map<K, V> clear() {
        Map<K, V> removed = new java.util.HashMap<>();
        entries.forEach((key, holder) -> {
            V value = holder.loaded;
            if (value != null) {
                removed.put(key, value);
            }
        });
        entries.clear();
        return removed;
    }

    private final class Holder {
        private volatile V loaded;
        private boolean failed;

        synchronized V get(K key) {
            if (loaded == null) {
                if (failed) {
                    return null;
                }
                loads.incrementAndGet();
                try {
                    loaded = loader.apply(key);
                } catch (RuntimeException | Error e) {
                    failed = true;
                    entries.remove(key, this);
                    throw e;
                }
            }
            return loaded;
        }
    }
}
