package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.observation.Observation;

/**
 * The observation context of one llamatrace span; lets {@code ObservationPredicate}s, filters and handlers recognise
 * llamatrace observations.
 */
public final class LlamaTraceObservationContext extends Observation.Context {

    private final SpanInvocation span;

    /**
     * Creates the context.
     *
     * @param span the llamatrace span
     */
    public LlamaTraceObservationContext(SpanInvocation span) {
        this.span = span;
    }

    /**
     * Returns the llamatrace span this observation stands for.
     *
     * @return the span
     */
    public SpanInvocation span() {
        return this.span;
    }
}
