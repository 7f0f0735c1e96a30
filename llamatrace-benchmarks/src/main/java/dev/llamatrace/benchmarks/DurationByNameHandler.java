package dev.llamatrace.benchmarks;

import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A span handler that aggregates the count and total duration of finished spans per span name, the way a timer meter
 * would. It keeps no span objects: the duration comes from the start and end clock readings the dispatcher shares.
 */
final class DurationByNameHandler implements SpanHandler<Span> {

    private final ConcurrentMap<String, Durations> byName = new ConcurrentHashMap<>();

    @Override
    public void spanEnter(SpanInvocation span) {
        // Durations need only the start reading the span already carries.
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        record(span, endNanos);
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        record(span, endNanos);
    }

    private void record(SpanInvocation span, long endNanos) {
        Durations durations = this.byName.get(span.name());
        if (durations == null) {
            durations = this.byName.computeIfAbsent(span.name(), (name) -> new Durations());
        }
        durations.count.increment();
        durations.totalNanos.add(endNanos - span.startNanos());
    }

    /**
     * Returns how many spans with this name finished.
     *
     * @param name a span name
     * @return the count, 0 when none finished
     */
    long count(String name) {
        Durations durations = this.byName.get(name);
        return (durations != null) ? durations.count.sum() : 0;
    }

    /**
     * Returns the summed duration of the finished spans with this name.
     *
     * @param name a span name
     * @return nanoseconds, 0 when none finished
     */
    long totalNanos(String name) {
        Durations durations = this.byName.get(name);
        return (durations != null) ? durations.totalNanos.sum() : 0;
    }

    private static final class Durations {

        final LongAdder count = new LongAdder();

        final LongAdder totalNanos = new LongAdder();
    }
}
