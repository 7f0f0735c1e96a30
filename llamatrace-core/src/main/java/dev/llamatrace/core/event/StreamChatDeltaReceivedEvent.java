package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** One streamed chunk of a chat answer was received. */
public final class StreamChatDeltaReceivedEvent extends Event implements ContentEvent {

    private final String delta;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param delta the new text
     */
    public StreamChatDeltaReceivedEvent(String delta) {
        super();
        this.delta = delta;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param delta the new text
     */
    public StreamChatDeltaReceivedEvent(@Nullable String spanId, String delta) {
        super(spanId);
        this.delta = delta;
    }

    /**
     * Returns the new text.
     *
     * @return the new text
     */
    public String delta() {
        return this.delta;
    }

    @Override
    public @Nullable String outputText() {
        return this.delta;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.IN_PROGRESS;
    }
}
