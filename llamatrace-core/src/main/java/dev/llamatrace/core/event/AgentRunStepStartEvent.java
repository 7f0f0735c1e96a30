package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** An agent step started. */
public final class AgentRunStepStartEvent extends Event implements ContentEvent, DescribedEvent {

    private final String taskId;

    private final @Nullable String step;

    private final @Nullable String input;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param taskId the agent task
     * @param step the step description, or {@code null}
     * @param input the step input, or {@code null}
     */
    public AgentRunStepStartEvent(String taskId, @Nullable String step, @Nullable String input) {
        super();
        this.taskId = taskId;
        this.step = step;
        this.input = input;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param taskId the agent task
     * @param step the step description, or {@code null}
     * @param input the step input, or {@code null}
     */
    public AgentRunStepStartEvent(
            @Nullable String spanId, String taskId, @Nullable String step, @Nullable String input) {
        super(spanId);
        this.taskId = taskId;
        this.step = step;
        this.input = input;
    }

    /**
     * Returns the agent task.
     *
     * @return the agent task
     */
    public String taskId() {
        return this.taskId;
    }

    /**
     * Returns the step description, or {@code null}.
     *
     * @return the step description, or {@code null}
     */
    public @Nullable String step() {
        return this.step;
    }

    /**
     * Returns the step input, or {@code null}.
     *
     * @return the step input, or {@code null}
     */
    public @Nullable String input() {
        return this.input;
    }

    @Override
    public @Nullable String inputText() {
        return this.input;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.stepInput(this.input);
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
