package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A response synthesizer answered. Deliberately carries no payload, so a streamed answer is not consumed. */
public final class GetResponseEndEvent extends Event {

    /**
     * Creates the event, stamped with the active span.
     *
     */
    public GetResponseEndEvent() {
        super();
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     */
    public GetResponseEndEvent(@Nullable String spanId) {
        super(spanId);
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
