package dev.llamatrace.core.span;

import dev.llamatrace.core.SpanInvocation;
import dev.llamatrace.core.TimeAnchor;
import dev.llamatrace.core.event.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A span as {@link SimpleSpanHandler} keeps it: name, start and end time, duration, how it ended, the error that
 * dropped it, and the events dispatched inside it (bounded).
 *
 * <p>Spans end on whichever thread finishes the work while other threads read them, so every mutable part is guarded
 * by the span's monitor.
 */
public final class SimpleSpan extends Span {

    private final String name;

    private final long startNanos;

    private final int maxEvents;

    private final List<Event> events = new ArrayList<>();

    private Outcome outcome = Outcome.OPEN;

    private long endNanos;

    private @Nullable String error;

    private long droppedEventCount;

    SimpleSpan(SpanInvocation invocation, int maxEvents) {
        super(invocation.id(), invocation.parentId(), invocation.tags());
        this.name = invocation.name();
        this.startNanos = invocation.startNanos();
        this.maxEvents = maxEvents;
    }

    /**
     * Returns the span name, the id without its unique suffix.
     *
     * @return the name
     */
    public String name() {
        return this.name;
    }

    /**
     * Returns the monotonic clock reading taken when the span started; orders spans.
     *
     * @return a {@link System#nanoTime()} value
     */
    public long startNanos() {
        return this.startNanos;
    }

    /**
     * Returns when the span started.
     *
     * @return the wall-clock instant
     */
    public Instant startTime() {
        return TimeAnchor.toInstant(this.startNanos);
    }

    /**
     * Returns when the span ended.
     *
     * @return the wall-clock instant, or {@code null} while open
     */
    public synchronized @Nullable Instant endTime() {
        return (this.outcome != Outcome.OPEN) ? TimeAnchor.toInstant(this.endNanos) : null;
    }

    /**
     * Returns how long the span lasted; for an open span, how long it has been running so far. Dropped spans have a
     * duration too (LlamaIndex leaves theirs at zero).
     *
     * @return the duration
     */
    public synchronized Duration duration() {
        long end = (this.outcome != Outcome.OPEN) ? this.endNanos : System.nanoTime();
        return Duration.ofNanos(end - this.startNanos);
    }

    /**
     * Returns how the span ended.
     *
     * @return the outcome, {@link Outcome#OPEN} until it ends
     */
    public synchronized Outcome outcome() {
        return this.outcome;
    }

    /**
     * Returns the error that dropped the span, as text.
     *
     * @return the error's {@code toString()} (only its class name when the handler keeps no content), or
     *     {@code null} unless dropped
     */
    public synchronized @Nullable String error() {
        return this.error;
    }

    /**
     * Returns the events dispatched inside this span while it was open, in order, up to the handler's per-span cap.
     *
     * @return an immutable copy
     */
    public synchronized List<Event> events() {
        return List.copyOf(this.events);
    }

    /**
     * Returns how many events were not kept because the per-span cap was reached.
     *
     * @return the count
     */
    public synchronized long droppedEventCount() {
        return this.droppedEventCount;
    }

    /** Whether an event added now would be kept; a stale answer only costs a reduced copy nobody keeps. */
    synchronized boolean hasRoomForEvents() {
        return this.outcome == Outcome.OPEN && this.events.size() < this.maxEvents;
    }

    synchronized void addEvent(Event event) {
        if (this.outcome != Outcome.OPEN) {
            return;
        }
        if (this.events.size() < this.maxEvents) {
            this.events.add(event);
        } else {
            this.droppedEventCount++;
        }
    }

    synchronized void end(Outcome outcome, long endNanos, @Nullable String error) {
        this.outcome = outcome;
        this.endNanos = endNanos;
        this.error = error;
    }

    /** How a span ended. */
    public enum Outcome {

        /** Not ended yet. */
        OPEN,

        /** Finished normally. */
        EXITED,

        /** Ended by an error. */
        DROPPED
    }
}
