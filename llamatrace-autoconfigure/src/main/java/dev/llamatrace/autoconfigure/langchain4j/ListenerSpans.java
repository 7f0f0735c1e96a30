package dev.llamatrace.autoconfigure.langchain4j;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The span lifecycle shared by the LangChain4j listeners. A listener call's request and response callbacks can run on
 * different threads (streaming chat models answer on the HTTP reader thread), so the span travels in the call's
 * {@code attributes()} map, never in a thread-local. The key is the listener itself: the map is shared by every listener
 * of the call, and two llamatrace listeners on one model must not overwrite each other.
 */
final class ListenerSpans {

    private ListenerSpans() {}

    /**
     * Enters a span under the span active on this thread and dispatches the start event.
     *
     * @param activate whether to make the span active on this thread until {@link #end} runs on the same thread, for
     *     synchronous operations whose inner calls (an embedding inside a retrieval) should nest under it
     */
    static void start(
            Dispatcher dispatcher,
            Map<Object, Object> attributes,
            Object key,
            String name,
            boolean activate,
            Function<@Nullable String, Event> startEvent) {
        if (!dispatcher.hasSpanHandlers() && !dispatcher.hasEventHandlers()) {
            return;
        }
        SpanInvocation parent = TraceContext.currentSpan();
        SpanInvocation span = dispatcher.spanEnter(name, parent, null, Map.of());
        String spanId = (span != null) ? span.id() : (parent != null) ? parent.id() : null;
        TraceContext.Scope scope = (activate && span != null) ? TraceContext.activate(span) : null;
        Traced traced = new Traced(span, spanId, Thread.currentThread(), scope);
        attributes.put(key, traced);
        try {
            dispatcher.event(() -> startEvent.apply(spanId));
        } catch (HandlerVetoException veto) {
            // LangChain4j logs and ignores listener exceptions, so a refusal cannot stop the call: end the span.
            attributes.remove(key);
            traced.closeScope();
            if (span != null) {
                dispatcher.spanDrop(span, veto);
            }
            throw veto;
        }
    }

    /** Dispatches the end event and exits the span; callable from any thread. */
    static void end(
            Dispatcher dispatcher,
            Map<Object, Object> attributes,
            Object key,
            @Nullable Object result,
            Function<@Nullable String, Event> endEvent) {
        Traced traced = (Traced) attributes.remove(key);
        if (traced == null) {
            return;
        }
        traced.closeScope();
        try {
            dispatcher.event(() -> endEvent.apply(traced.spanId()));
        } finally {
            if (traced.span() != null) {
                dispatcher.spanExit(traced.span(), result);
            }
        }
    }

    /** Dispatches an {@link ExceptionEvent} and drops the span; callable from any thread. */
    static void fail(Dispatcher dispatcher, Map<Object, Object> attributes, Object key, Throwable error) {
        Traced traced = (Traced) attributes.remove(key);
        if (traced == null) {
            return;
        }
        traced.closeScope();
        try {
            dispatcher.event(() -> new ExceptionEvent(traced.spanId(), error));
        } finally {
            if (traced.span() != null) {
                dispatcher.spanDrop(traced.span(), error);
            }
        }
    }

    /**
     * What a listener started for one call.
     *
     * @param span the span, or {@code null} when no span handler listened
     * @param spanId the id events of the call are stamped with
     * @param thread the thread that started it
     * @param scope the scope that made the span active there, or {@code null}
     */
    record Traced(
            @Nullable SpanInvocation span, @Nullable String spanId, Thread thread, TraceContext.@Nullable Scope scope) {

        /** Restores the starting thread's previous span; only on that thread, whose context the scope belongs to. */
        void closeScope() {
            if (this.scope != null && Thread.currentThread() == this.thread) {
                this.scope.close();
            }
        }
    }
}
