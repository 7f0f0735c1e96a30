package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.core.context.TraceContext;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import io.micrometer.observation.ObservationView;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Makes an observation created while a llamatrace span is active (a Spring AI chat call inside a {@code @LlamaSpan}
 * method, an HTTP client call inside a tool) a child of that span's observation. The bridge starts observations but
 * never opens their scope, because a span may end on another thread than the one that entered it; so Micrometer does
 * not see them as current, and without this a model call inside a llamatrace span would start a trace of its own.
 *
 * <p>It is a predicate because that is the one hook Micrometer calls after a new observation took its parent from the
 * thread and before any handler (the tracing one included) saw it. It never disables an observation. The parent is
 * changed only when the llamatrace span's observation lies below the parent Micrometer chose (or there was none); an
 * observation whose scope was opened inside the span keeps its place. With Micrometer Tracing the span parent is pinned
 * too ({@link TracingParent}), since the tracer would otherwise prefer the span in scope, e.g. the HTTP request's.
 */
final class ActiveSpanParentPredicate implements ObservationPredicate {

    /** Bounds the walk up the observation tree. */
    private static final int MAX_DEPTH = 64;

    private final Supplier<@Nullable ObservationSpanHandler> spans;

    private final boolean tracing;

    /** The bridge once it exists: looking it up in the bean factory on every observation costs more than the rest. */
    private volatile @Nullable ObservationSpanHandler handler;

    /**
     * Creates the predicate.
     *
     * @param spans supplies the bridge lazily; the registry is configured before the bridge that needs it exists
     * @param tracing whether Micrometer Tracing is on the class path, so the tracing parent is pinned as well
     */
    ActiveSpanParentPredicate(Supplier<@Nullable ObservationSpanHandler> spans, boolean tracing) {
        this.spans = spans;
        this.tracing = tracing;
    }

    @Override
    public boolean test(String name, Observation.Context context) {
        if (context instanceof LlamaTraceObservationContext) {
            return true; // the bridge sets the parents of its own observations
        }
        if (TraceContext.currentSpan() == null) {
            return true; // no llamatrace span on this thread: Micrometer's parent stands
        }
        ObservationSpanHandler handler = handler();
        Observation active = (handler != null) ? handler.activeObservation() : null;
        if (active != null && liesBelow(active, context.getParentObservation())) {
            context.setParentObservation(active);
            if (this.tracing) {
                TracingParent.pin(context, active);
            }
        }
        return true;
    }

    private @Nullable ObservationSpanHandler handler() {
        ObservationSpanHandler handler = this.handler;
        if (handler == null) {
            handler = this.spans.get();
            this.handler = handler;
        }
        return handler;
    }

    private static boolean liesBelow(Observation active, @Nullable ObservationView parent) {
        if (parent == null) {
            return true;
        }
        ObservationView current = active.getContextView().getParentObservation();
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current == parent) {
                return true;
            }
            current = current.getContextView().getParentObservation();
        }
        return false;
    }
}
