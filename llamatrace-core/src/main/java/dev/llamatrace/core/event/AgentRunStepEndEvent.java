package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** An agent step finished. */
public final class AgentRunStepEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final @Nullable Object stepOutput;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param stepOutput the step output, or {@code null}
     */
    public AgentRunStepEndEvent(@Nullable Object stepOutput) {
        super();
        this.stepOutput = stepOutput;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param stepOutput the step output, or {@code null}
     */
    public AgentRunStepEndEvent(@Nullable String spanId, @Nullable Object stepOutput) {
        super(spanId);
        this.stepOutput = stepOutput;
    }

    /**
     * Returns the step output, or {@code null}.
     *
     * @return the step output, or {@code null}
     */
    public @Nullable Object stepOutput() {
        return this.stepOutput;
    }

    @Override
    public @Nullable String outputText() {
        return (this.stepOutput != null) ? String.valueOf(this.stepOutput) : null;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.response(this.stepOutput);
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
