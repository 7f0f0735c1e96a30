package dev.llamatrace.core.handler;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jspecify.annotations.Nullable;

/**
 * A thread-safe ring buffer: keeps the newest {@code capacity} elements and counts the ones it drops.
 *
 * <p>Lock-free, because every counted LLM call and embedded chunk appends here: a writer claims the next sequence number
 * and swaps its element, tagged with that number, into the number's slot unless a newer one is already there (a writer
 * delayed by a whole lap is dropped, not written over its successor). Readers take, oldest first, the slots whose tag
 * is the number they expect, so a snapshot never shows an element twice or out of order; an append still in progress
 * on another thread is left out. Drops follow from the sequence: everything more than {@code capacity} behind the
 * newest, counted exactly.
 */
final class BoundedBuffer<T> {

    private final int capacity;

    private final AtomicReferenceArray<@Nullable Slot<T>> slots;

    private final AtomicLong next = new AtomicLong();

    // The first sequence number since the last clear; older elements are neither retained nor counted as evicted.
    private volatile long start;

    BoundedBuffer(int capacity) {
        this.capacity = requirePositive(capacity, "capacity");
        this.slots = new AtomicReferenceArray<>(capacity);
    }

    void add(T element) {
        long sequence = this.next.getAndIncrement();
        int index = (int) (sequence % this.capacity);
        Slot<T> slot = new Slot<>(sequence, element);
        Slot<T> current = this.slots.get(index);
        while (current == null || current.sequence < sequence) {
            Slot<T> witness = this.slots.compareAndExchange(index, current, slot);
            if (witness == current) {
                return;
            }
            current = witness;
        }
    }

    List<T> snapshot() {
        long end = this.next.get();
        long first = Math.max(this.start, end - this.capacity);
        List<T> copy = new ArrayList<>((int) Math.max(0, end - first));
        for (long sequence = first; sequence < end; sequence++) {
            Slot<T> slot = this.slots.get((int) (sequence % this.capacity));
            if (slot != null && slot.sequence == sequence) {
                copy.add(slot.element);
            }
        }
        return List.copyOf(copy);
    }

    int size() {
        return snapshot().size();
    }

    /** Drops the retained elements and starts the eviction count from zero. */
    void clear() {
        long cleared = this.next.get();
        this.start = cleared;
        for (int index = 0; index < this.capacity; index++) {
            Slot<T> slot = this.slots.get(index);
            if (slot != null && slot.sequence < cleared) {
                this.slots.compareAndSet(index, slot, null);
            }
        }
    }

    long evicted() {
        return Math.max(0, this.next.get() - this.capacity - this.start);
    }

    static int requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }

    private record Slot<T>(long sequence, T element) {}
}
