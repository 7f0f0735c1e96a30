package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/**
 * A guardrail validated an agent's input or output (llamatrace addition: LlamaIndex has no guardrails). Reported as an
 * event of the agent's span, not as a span of its own: a guardrail is a check, and its outcome is what matters. The
 * failure message may quote the checked text, so it is content.
 */
public final class GuardrailEvent extends Event implements ContentEvent {

    private final String guardrail;

    private final Stage stage;

    private final String outcome;

    private final @Nullable String message;

    /**
     * Creates the event, stamped with an explicit span.
     *
     * @param spanId the span the event belongs to (the agent's)
     * @param guardrail the guardrail's name
     * @param stage whether it checked the input or the output
     * @param outcome the outcome as the framework names it, in lower case, e.g. {@code success} or {@code fatal}
     * @param message why it failed, or {@code null} when it passed
     */
    public GuardrailEvent(
            @Nullable String spanId, String guardrail, Stage stage, String outcome, @Nullable String message) {
        super(spanId);
        this.guardrail = guardrail;
        this.stage = stage;
        this.outcome = outcome;
        this.message = message;
    }

    /**
     * Returns the guardrail's name.
     *
     * @return the name
     */
    public String guardrail() {
        return this.guardrail;
    }

    /**
     * Returns whether the guardrail checked the input or the output.
     *
     * @return the stage
     */
    public Stage stage() {
        return this.stage;
    }

    /**
     * Returns the outcome, e.g. {@code success}, {@code failure} or {@code fatal}.
     *
     * @return the outcome
     */
    public String outcome() {
        return this.outcome;
    }

    /**
     * Returns why the guardrail failed.
     *
     * @return the message, or {@code null} when it passed
     */
    public @Nullable String message() {
        return this.message;
    }

    @Override
    public @Nullable String outputText() {
        return this.message;
    }

    /** What a guardrail checks. */
    public enum Stage {

        /** The user's input, before the model sees it. */
        INPUT,

        /** The model's output, before the caller gets it. */
        OUTPUT
    }
}
