package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** Writing a streamed chat answer failed. */
public final class StreamChatErrorEvent extends Event {

    private final Throwable exception;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param exception the failure
     */
    public StreamChatErrorEvent(Throwable exception) {
        super();
        this.exception = exception;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param exception the failure
     */
    public StreamChatErrorEvent(@Nullable String spanId, Throwable exception) {
        super(spanId);
        this.exception = exception;
    }

    /**
     * Returns the failure.
     *
     * @return the failure
     */
    public Throwable exception() {
        return this.exception;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.INSTANT;
    }
}
