package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationView;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Where a llamatrace span travels with a Spring AI observation: stored in the observation's context, so that a stream
 * completing on another thread ends the right span and a child observation finds its parent without thread-locals.
 */
final class ObservationSpans {

    /** The context key under which the handlers keep what they started. */
    static final Class<Traced> KEY = Traced.class;

    /** Bounds the walk up the observation tree; Spring AI nests a handful of levels at most. */
    private static final int MAX_DEPTH = 64;

    private static final ThreadLocal<Deque<TraceContext.Scope>> SCOPES = ThreadLocal.withInitial(ArrayDeque::new);

    private ObservationSpans() {}

    /**
     * Returns the span a new observation's span should hang under: the span of the nearest ancestor observation that
     * carries one, unless the span active on this thread lies below it (e.g. a {@code @LlamaSpan} method inside a
     * tool), in which case the active span is the closer parent.
     */
    static @Nullable SpanInvocation parentOf(Observation.Context context) {
        SpanInvocation fromObservation = nearestAncestorSpan(context);
        SpanInvocation active = TraceContext.currentSpan();
        if (fromObservation == null) {
            return active;
        }
        if (active == null || active == fromObservation) {
            return fromObservation;
        }
        return descendsFrom(active, fromObservation) ? active : fromObservation;
    }

    static @Nullable Traced tracedOf(Observation.ContextView context) {
        return context.get(KEY);
    }

    /** Finds the first value of {@code type} stored under its class key on an ancestor observation. */
    static <T> @Nullable T findInAncestors(Observation.Context context, Class<T> type) {
        ObservationView parent = context.getParentObservation();
        for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
            Observation.ContextView view = parent.getContextView();
            T value = view.get(type);
            if (value != null) {
                return value;
            }
            parent = view.getParentObservation();
        }
        return null;
    }

    static void pushScope(SpanInvocation span) {
        SCOPES.get().push(TraceContext.activate(span));
    }

    static void popScope() {
        TraceContext.Scope scope = SCOPES.get().poll();
        if (scope != null) {
            scope.close();
        }
    }

    static void resetScopes() {
        Deque<TraceContext.Scope> scopes = SCOPES.get();
        TraceContext.Scope scope;
        while ((scope = scopes.poll()) != null) {
            scope.close();
        }
    }

    private static @Nullable SpanInvocation nearestAncestorSpan(Observation.Context context) {
        ObservationView parent = context.getParentObservation();
        for (int depth = 0; parent != null && depth < MAX_DEPTH; depth++) {
            Observation.ContextView view = parent.getContextView();
            Traced traced = view.get(KEY);
            if (traced != null && traced.span() != null) {
                return traced.span();
            }
            parent = view.getParentObservation();
        }
        return null;
    }

    private static boolean descendsFrom(SpanInvocation span, SpanInvocation ancestor) {
        SpanInvocation current = span.parent();
        for (int depth = 0; current != null && depth < MAX_DEPTH; depth++) {
            if (current == ancestor) {
                return true;
            }
            current = current.parent();
        }
        return false;
    }

    /**
     * What a handler started for an observation.
     *
     * @param span the span, or {@code null} when no span handler listened
     * @param spanId the id events of this observation are stamped with: the span's, else its parent's
     */
    record Traced(@Nullable SpanInvocation span, @Nullable String spanId) {}
}
