package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A templated LLM prediction finished. */
public final class LLMPredictEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final String output;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param output the predicted text
     */
    public LLMPredictEndEvent(String output) {
        super();
        this.output = output;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param output the predicted text
     */
    public LLMPredictEndEvent(@Nullable String spanId, String output) {
        super(spanId);
        this.output = output;
    }

    /**
     * Returns the predicted text.
     *
     * @return the predicted text
     */
    public String output() {
        return this.output;
    }

    @Override
    public @Nullable String outputText() {
        return this.output;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.response(this.output);
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
