package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** An exception raised inside instrumented work, e.g. while a stream is consumed. */
public final class ExceptionEvent extends Event implements ContentEvent {

    private final Throwable exception;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param exception the exception
     */
    public ExceptionEvent(Throwable exception) {
        super();
        this.exception = exception;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param exception the exception
     */
    public ExceptionEvent(@Nullable String spanId, Throwable exception) {
        super(spanId);
        this.exception = exception;
    }

    /**
     * Returns the exception.
     *
     * @return the exception
     */
    public Throwable exception() {
        return this.exception;
    }

    @Override
    public @Nullable String outputText() {
        return String.valueOf(this.exception);
    }

    @Override
    public EventKind kind() {
        return EventKind.EXCEPTION;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.INSTANT;
    }
}
