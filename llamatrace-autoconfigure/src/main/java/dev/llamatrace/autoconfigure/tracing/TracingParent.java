package dev.llamatrace.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;

/**
 * Pins the tracing parent of a new observation to the span of a llamatrace span's observation. Micrometer Tracing
 * prefers the span current in the tracer over the parent observation's when they differ (e.g. inside an HTTP request
 * whose span is in scope), and the bridge's observations are never in scope. A tracing context present on an
 * observation before it starts is the parent Micrometer Tracing takes first; this one yields to a parent the
 * instrumented code sets explicitly after creation (Spring AI's advisors and streams do), and then answers the span of
 * that parent. Loaded only when Micrometer Tracing is on the class path.
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
            context.put(TracingContext.class, new PinnedTracingContext(context, parent, span));
        }
    }

    /** A tracing context that, until its own span is set, answers the span its observation should start under. */
    static final class PinnedTracingContext extends TracingContext {

        private final Observation.Context context;

        private final Observation pinned;

        private final Span pinnedSpan;

        PinnedTracingContext(Observation.Context context, Observation pinned, Span pinnedSpan) {
            this.context = context;
            this.pinned = pinned;
            this.pinnedSpan = pinnedSpan;
        }

        @Override
        public @Nullable Span getSpan() {
            Span own = super.getSpan();
            if (own != null) {
                return own;
            }
            ObservationView parent = this.context.getParentObservation();
            if (parent == null || parent == this.pinned) {
                return this.pinnedSpan;
            }
            TracingContext parentTracing = parent.getContextView().get(TracingContext.class);
            return (parentTracing != null) ? parentTracing.getSpan() : null;
        }
    }
}
