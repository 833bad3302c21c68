package io.teamscpe.reporting.service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The last value computed per key, valid for one version of its inputs. Concurrent readers of a version not
 * computed yet wait for one computation instead of each running their own. Holds at most {@code capacity} keys;
 * the least recently read goes first.
 */
final class VersionedCache<T> {
    private record Entry<T>(long version, CompletableFuture<T> value, AtomicLong lastRead) {
    }

    private final int capacity;
    private final Map<String, Entry<T>> entries = new ConcurrentHashMap<>();
    private final AtomicLong clock = new AtomicLong();

    VersionedCache(int capacity) {
        this.capacity = capacity;
    }

    /** The value for {@code version} if it is computed already, else null (nothing is computed). */
    T computed(String key, long version) {
        Entry<T> held = entries.get(key);
        if (held == null || held.version() != version || !held.value().isDone()
                || held.value().isCompletedExceptionally()) {
            return null;
        }
        held.lastRead().set(clock.incrementAndGet());
        return held.value().join();
    }

    /** The value for {@code version}, computed by {@code compute} unless it already was. */
    T get(String key, long version, Supplier<T> compute) {
        Entry<T> held = entries.get(key);
        if (held == null || held.version() != version) {
            Entry<T> mine = new Entry<>(version, new CompletableFuture<>(), new AtomicLong());
            held = entries.compute(key, (k, old) -> old != null && old.version() >= version ? old : mine);
            if (held == mine) {
                return computeInto(key, mine, compute);
            }
            if (held.version() != version) {
                // this reader's transaction began before a newer version was committed: it gets what it sees
                return compute.get();
            }
        }
        held.lastRead().set(clock.incrementAndGet());
        try {
            return held.value().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private T computeInto(String key, Entry<T> entry, Supplier<T> compute) {
        entry.lastRead().set(clock.incrementAndGet());
        evictBeyondCapacity();
        try {
            T value = compute.get();
            entry.value().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            entries.remove(key, entry);
            entry.value().completeExceptionally(e);
            throw e;
        }
    }

    private void evictBeyondCapacity() {
        while (entries.size() > capacity) {
            entries.entrySet().stream().min((a, b) -> Long.compare(a.getValue().lastRead().get(),
                    b.getValue().lastRead().get())).ifPresent(e -> entries.remove(e.getKey(), e.getValue()));
        }
    }
}
