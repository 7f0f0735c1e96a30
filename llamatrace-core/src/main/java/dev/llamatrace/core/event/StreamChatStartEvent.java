package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A streamed chat answer started being written. */
public final class StreamChatStartEvent extends Event {

    /**
     * Creates the event, stamped with the active span.
     *
     */
    public StreamChatStartEvent() {
        super();
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     */
    public StreamChatStartEvent(@Nullable String spanId) {
        super(spanId);
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
