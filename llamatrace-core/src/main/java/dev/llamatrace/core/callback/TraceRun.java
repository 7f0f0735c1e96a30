package dev.llamatrace.core.callback;

import dev.llamatrace.core.span.SpanInvocation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * One outermost trace on one thread of execution: its id, span, nesting depth and its own trace map. Each
 * {@code asTrace} on each thread gets its own instance, which is why concurrent traces never overwrite each other.
 */
final class TraceRun {

    private final String traceId;

    private final @Nullable SpanInvocation span;

    private final int maxEntries;

    private final Map<String, List<String>> traceMap = new LinkedHashMap<>();

    private int entries;

    private final LongAdder dropped;

    /** Nested {@code startTrace} calls on the owning thread; touched only by that thread. */
    int depth = 1;

    TraceRun(String traceId, @Nullable SpanInvocation span, int maxEntries, LongAdder dropped) {
        this.traceId = traceId;
        this.dropped = dropped;
        this.span = span;
        this.maxEntries = maxEntries;
    }

    String traceId() {
        return this.traceId;
    }

    @Nullable
    SpanInvocation span() {
        return this.span;
    }

    /** Records {@code child} under {@code parent}; beyond the cap the entry is counted, not kept. */
    synchronized void record(String parent, String child) {
        if (this.entries >= this.maxEntries) {
            this.dropped.increment();
            return;
        }
        this.entries++;
        this.traceMap.computeIfAbsent(parent, (key) -> new ArrayList<>()).add(child);
    }

    /** Returns an immutable copy, safe to hand to handlers while the run may still change. */
    synchronized Map<String, List<String>> snapshot() {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        this.traceMap.forEach((parent, children) -> copy.put(parent, List.copyOf(children)));
        return Collections.unmodifiableMap(copy);
    }
}
