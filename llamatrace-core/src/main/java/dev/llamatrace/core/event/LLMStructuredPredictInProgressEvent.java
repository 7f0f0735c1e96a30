package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A partial structured output arrived while streaming. */
public final class LLMStructuredPredictInProgressEvent extends Event {

    private final Object output;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param output the partial object
     */
    public LLMStructuredPredictInProgressEvent(Object output) {
        super();
        this.output = output;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param output the partial object
     */
    public LLMStructuredPredictInProgressEvent(@Nullable String spanId, Object output) {
        super(spanId);
        this.output = output;
    }

    /**
     * Returns the partial object.
     *
     * @return the partial object
     */
    public Object output() {
        return this.output;
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.IN_PROGRESS;
    }
}
