package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** An agent chat turn started. */
public final class AgentChatWithStepStartEvent extends Event implements ContentEvent, DescribedEvent {

    private final String userMessage;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param userMessage the user's message
     */
    public AgentChatWithStepStartEvent(String userMessage) {
        super();
        this.userMessage = userMessage;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param userMessage the user's message
     */
    public AgentChatWithStepStartEvent(@Nullable String spanId, String userMessage) {
        super(spanId);
        this.userMessage = userMessage;
    }

    /**
     * Returns the user's message.
     *
     * @return the user's message
     */
    public String userMessage() {
        return this.userMessage;
    }

    @Override
    public @Nullable String inputText() {
        return this.userMessage;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.stepInput(this.userMessage);
    }

    @Override
    public EventKind kind() {
        return EventKind.AGENT_STEP;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
