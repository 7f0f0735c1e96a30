package dev.llamatrace.core.trace;

import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.internal.TimeAnchor;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanInvocation;
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

    private @Nullable String errorType;

    private long droppedEventCount;

    SimpleSpan(SpanInvocation invocation, int maxEvents) {
        super(invocation);
        this.name = invocation.name();
        this.startNanos = invocation.startNanos();
        this.maxEvents = maxEvents;
    }

    /**
     * Returns the span name as given; the id starts with it, made URL-safe.
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
     * Returns the message of the error that dropped the span, as LlamaIndex keeps it ({@code str(err)}); the class is
     * {@link #errorType()}.
     *
     * @return the message (empty when the error has none, and when the handler keeps no content: messages often echo
     *     the prompt), or {@code null} unless dropped
     */
    public synchronized @Nullable String error() {
        return this.error;
    }

    /**
     * Returns the fully qualified class name of the error that dropped the span.
     *
     * @return the class name, or {@code null} unless dropped
     */
    public synchronized @Nullable String errorType() {
        return this.errorType;
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

    synchronized void exit(long endNanos) {
        this.outcome = Outcome.EXITED;
        this.endNanos = endNanos;
    }

    synchronized void drop(long endNanos, Throwable error, ContentLimit content) {
        this.outcome = Outcome.DROPPED;
        this.endNanos = endNanos;
        String message = content.text(SpanDropEvent.errorText(error));
        this.error = (message != null) ? message : "";
        this.errorType = error.getClass().getName();
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
