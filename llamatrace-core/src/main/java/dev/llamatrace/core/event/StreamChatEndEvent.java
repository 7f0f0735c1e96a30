package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A streamed chat answer was fully written. */
public final class StreamChatEndEvent extends Event {

    /**
     * Creates the event, stamped with the active span.
     *
     */
    public StreamChatEndEvent() {
        super();
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     */
    public StreamChatEndEvent(@Nullable String spanId) {
        super(spanId);
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
