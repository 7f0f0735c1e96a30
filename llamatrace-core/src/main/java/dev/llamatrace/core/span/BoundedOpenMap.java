package dev.llamatrace.core.span;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * Work still open (spans, calls in flight), keyed by id and bounded: past {@code capacity} entries the <em>oldest</em>
 * are evicted, handed to an eviction callback and counted, so that work which never ends (an abandoned future, a
 * stream nobody closes) can never keep the newest work from being tracked.
 *
 * <p>Each entry ends exactly once: by {@link #take}, by {@link #end} or by eviction, whichever claims it first; the
 * others then see nothing. Lookups and inserts are lock-free ({@link ConcurrentHashMap}); eviction scans the map once
 * for the excess plus a batch of the oldest entries (1/64 of the capacity, minus one), so its cost is spread over the
 * inserts it makes room for.
 * The cap can be exceeded briefly by threads inserting at the same moment as a scan.
 *
 * @param <V> the kind of open work
 */
public final class BoundedOpenMap<V> {

    private final ConcurrentHashMap<String, Entry<V>> entries = new ConcurrentHashMap<>();

    private final int capacity;

    private final int batch;

    private final BiConsumer<String, V> onEvict;

    private final LongAdder evicted = new LongAdder();

    private final ReentrantLock evicting = new ReentrantLock();

    /**
     * Creates the map.
     *
     * @param capacity the most entries kept, at least 1
     * @param onEvict ends an evicted entry (called once per entry, on the inserting thread); when it throws, the rest
     *     of the batch is still evicted and the first failure is rethrown from {@link #put}
     */
    public BoundedOpenMap(int capacity, BiConsumer<String, V> onEvict) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.batch = Math.max(1, capacity / 64);
        this.onEvict = onEvict;
    }

    /**
     * Adds open work unless the id is already open, evicting the oldest entries when the cap is passed.
     *
     * @param id the id
     * @param value the work
     * @param startNanos when the work started ({@link System#nanoTime()}): the age eviction goes by
     * @return whether it was added
     */
    public boolean put(String id, V value, long startNanos) {
        if (this.entries.putIfAbsent(id, new Entry<>(value, startNanos)) != null) {
            return false;
        }
        if (this.entries.size() > this.capacity) {
            evictOldest();
        }
        return true;
    }

    /**
     * Returns open work.
     *
     * @param id the id
     * @return the work, or {@code null} when not open (never added, ended or evicted)
     */
    public @Nullable V get(String id) {
        Entry<V> entry = this.entries.get(id);
        return (entry != null) ? entry.value : null;
    }

    /**
     * Ends open work and removes it.
     *
     * @param id the id
     * @return the work, or {@code null} when it was not open or another thread ended or evicted it first
     */
    public @Nullable V take(String id) {
        Entry<V> entry = this.entries.get(id);
        if (entry == null || !entry.claim()) {
            return null;
        }
        this.entries.remove(id, entry);
        return entry.value;
    }

    /**
     * Ends open work through {@code ending}, which may decide to keep it open; the entry stays visible to
     * {@link #get} and {@link #values} until {@code ending} has returned, so readers never miss it in between.
     *
     * @param id the id
     * @param ending completes the work; returns {@code false} to keep it open
     * @return whether the work was open and {@code ending} ran
     */
    public boolean end(String id, Ending<V> ending) {
        Entry<V> entry = this.entries.get(id);
        if (entry == null || !entry.claim()) {
            return false;
        }
        boolean ended = false;
        try {
            ended = ending.end(entry.value);
        } finally {
            if (ended) {
                this.entries.remove(id, entry);
            } else {
                entry.release();
            }
        }
        return true;
    }

    /**
     * Returns the open work.
     *
     * @return a snapshot
     */
    public List<V> values() {
        List<V> values = new ArrayList<>(this.entries.size());
        for (Entry<V> entry : this.entries.values()) {
            values.add(entry.value);
        }
        return values;
    }

    /**
     * Returns how many entries are open.
     *
     * @return the size
     */
    public int size() {
        return this.entries.size();
    }

    /**
     * Returns the cap.
     *
     * @return the capacity
     */
    public int capacity() {
        return this.capacity;
    }

    /**
     * Returns how many entries were evicted at the cap.
     *
     * @return the count
     */
    public long evictedCount() {
        return this.evicted.sum();
    }

    /** Forgets every entry without ending it and resets the eviction count. */
    public void clear() {
        this.entries.clear();
        this.evicted.reset();
    }

    private void evictOldest() {
        if (!this.evicting.tryLock()) {
            return; // another thread is making room already
        }
        RuntimeException failure = null;
        try {
            for (Map.Entry<String, Entry<V>> oldest : oldest(this.entries.size() - this.capacity + this.batch - 1)) {
                Entry<V> entry = oldest.getValue();
                if (!entry.claim()) {
                    continue;
                }
                this.evicted.increment();
                try {
                    this.onEvict.accept(oldest.getKey(), entry.value);
                } catch (RuntimeException ex) {
                    failure = (failure != null) ? failure : ex;
                } finally {
                    this.entries.remove(oldest.getKey(), entry);
                }
            }
        } finally {
            this.evicting.unlock();
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The {@code count} oldest entries, oldest first, in one pass over the map. */
    private List<Map.Entry<String, Entry<V>>> oldest(int count) {
        Comparator<Map.Entry<String, Entry<V>>> byAge = Comparator.comparingLong((e) -> e.getValue().startNanos);
        PriorityQueue<Map.Entry<String, Entry<V>>> youngestFirst = new PriorityQueue<>(count + 1, byAge.reversed());
        for (Map.Entry<String, Entry<V>> entry : this.entries.entrySet()) {
            youngestFirst.add(Map.entry(entry.getKey(), entry.getValue()));
            if (youngestFirst.size() > count) {
                youngestFirst.poll();
            }
        }
        List<Map.Entry<String, Entry<V>>> oldest = new ArrayList<>(youngestFirst);
        oldest.sort(byAge);
        return oldest;
    }

    /**
     * Completes open work.
     *
     * @param <V> the kind of work
     */
    @FunctionalInterface
    public interface Ending<V> {

        /**
         * Completes the work.
         *
         * @param value the work
         * @return {@code true} when it ended, {@code false} to keep it open
         */
        boolean end(V value);
    }

    private static final class Entry<V> {

        @SuppressWarnings("rawtypes")
        private static final AtomicIntegerFieldUpdater<Entry> CLAIMED =
                AtomicIntegerFieldUpdater.newUpdater(Entry.class, "claimed");

        final V value;

        final long startNanos;

        private volatile int claimed;

        Entry(V value, long startNanos) {
            this.value = value;
            this.startNanos = startNanos;
        }

        boolean claim() {
            return CLAIMED.compareAndSet(this, 0, 1);
        }

        void release() {
            this.claimed = 0;
        }
    }

    @Override
    public String toString() {
        return "BoundedOpenMap[size=" + size() + ", capacity=" + this.capacity + "]";
    }
}
