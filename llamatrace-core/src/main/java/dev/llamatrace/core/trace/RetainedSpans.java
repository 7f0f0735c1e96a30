package dev.llamatrace.core.trace;

import java.util.ArrayDeque;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The ended spans a {@link SimpleSpanHandler} keeps: at most {@code capacity}, the oldest evicted first. */
final class RetainedSpans {

    private final int capacity;

    private final ArrayDeque<SimpleSpan> spans;

    private long evictions;

    RetainedSpans(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        this.capacity = capacity;
        this.spans = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    int capacity() {
        return this.capacity;
    }

    synchronized void add(SimpleSpan span) {
        if (this.spans.size() == this.capacity) {
            this.spans.removeFirst();
            this.evictions++;
        }
        this.spans.addLast(span);
    }

    synchronized List<SimpleSpan> snapshot() {
        return List.copyOf(this.spans);
    }

    synchronized @Nullable SimpleSpan find(String id) {
        for (SimpleSpan span : this.spans) {
            if (span.id().equals(id)) {
                return span;
            }
        }
        return null;
    }

    synchronized long evictions() {
        return this.evictions;
    }

    synchronized void clear() {
        this.spans.clear();
        this.evictions = 0;
    }
}
