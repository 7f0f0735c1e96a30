package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A structured prediction finished. */
public final class LLMStructuredPredictEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final Object output;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param output the parsed object
     */
    public LLMStructuredPredictEndEvent(Object output) {
        super();
        this.output = output;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param output the parsed object
     */
    public LLMStructuredPredictEndEvent(@Nullable String spanId, Object output) {
        super(spanId);
        this.output = output;
    }

    /**
     * Returns the parsed object.
     *
     * @return the parsed object
     */
    public Object output() {
        return this.output;
    }

    @Override
    public @Nullable String outputText() {
        return String.valueOf(this.output);
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
