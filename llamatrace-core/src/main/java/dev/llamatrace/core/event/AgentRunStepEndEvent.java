package dev.llamatrace.core.event;

import dev.llamatrace.core.callback.CBEventType;
import org.jspecify.annotations.Nullable;

/** An agent step finished. */
public final class AgentRunStepEndEvent extends Event {

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
    public CBEventType eventType() {
        return CBEventType.AGENT_STEP;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
