package dev.llamatrace.core.handler;

import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A thread-safe ring buffer: keeps the newest {@code capacity} elements and counts the ones it drops. */
final class BoundedBuffer<T> {

    private final int capacity;

    private final ArrayDeque<T> elements;

    private final LongAdder evicted = new LongAdder();

    BoundedBuffer(int capacity) {
        this.capacity = requirePositive(capacity, "capacity");
        this.elements = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    synchronized void add(T element) {
        if (this.elements.size() == this.capacity) {
            this.elements.pollFirst();
            this.evicted.increment();
        }
        this.elements.addLast(element);
    }

    synchronized List<T> snapshot() {
        return List.copyOf(this.elements);
    }

    synchronized int size() {
        return this.elements.size();
    }

    synchronized void clear() {
        this.elements.clear();
    }

    long evicted() {
        return this.evicted.sum();
    }

    void resetEvicted() {
        this.evicted.reset();
    }

    static int requirePositive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return value;
    }
}
