package dev.llamatrace.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;

/**
 * Pins the tracing parent of a new observation to the span of a given observation. Micrometer Tracing prefers the span
 * current in the tracer over the parent observation's when they differ (e.g. inside an HTTP request whose span is in
 * scope), and the bridge's observations are never in scope; a tracing context put on the new observation before it
 * starts is the parent Micrometer Tracing takes first. Loaded only when Micrometer Tracing is on the class path.
 */
final class TracingParent {

    private TracingParent() {}

    static void pin(Observation.Context context, Observation parent) {
        if (context.get(TracingContext.class) != null) {
            return; // someone set the tracing parent deliberately
        }
        TracingContext parentTracing = parent.getContextView().get(TracingContext.class);
        Span span = (parentTracing != null) ? parentTracing.getSpan() : null;
        if (span != null) {
            TracingContext tracing = new TracingContext();
            tracing.setSpan(span);
            context.put(TracingContext.class, tracing);
        }
    }
}
