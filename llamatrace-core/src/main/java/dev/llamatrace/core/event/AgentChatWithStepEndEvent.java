package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** An agent chat turn finished. */
public final class AgentChatWithStepEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final @Nullable String response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param response the agent's answer, or {@code null}
     */
    public AgentChatWithStepEndEvent(@Nullable String response) {
        super();
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param response the agent's answer, or {@code null}
     */
    public AgentChatWithStepEndEvent(@Nullable String spanId, @Nullable String response) {
        super(spanId);
        this.response = response;
    }

    /**
     * Returns the agent's answer, or {@code null}.
     *
     * @return the agent's answer, or {@code null}
     */
    public @Nullable String response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return this.response;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.response(this.response);
    }

    @Override
    public EventKind kind() {
        return EventKind.AGENT_STEP;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
