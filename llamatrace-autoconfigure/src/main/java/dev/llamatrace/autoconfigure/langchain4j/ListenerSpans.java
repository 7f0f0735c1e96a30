package dev.llamatrace.autoconfigure.langchain4j;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Operation;
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
     * Starts the call's operation under {@code parent}, dispatching the start event.
     *
     * @param parent the parent span, usually the one active on this thread
     * @param startEvent creates the start event, or {@code null} for a span without events
     * @param activate whether to make the span active on this thread until {@link #end} runs on the same thread, for
     *     synchronous operations whose inner calls (an embedding inside a retrieval) should nest under it
     */
    static void start(
            Dispatcher dispatcher,
            Map<Object, Object> attributes,
            Object key,
            String name,
            @Nullable SpanInvocation parent,
            boolean activate,
            @Nullable Function<@Nullable String, Event> startEvent) {
        // LangChain4j logs and ignores listener exceptions, so a refusal cannot stop the call; the operation has ended.
        Operation operation = dispatcher.operation(
                name,
                parent,
                null,
                Map.of(),
                (startEvent != null) ? (id) -> dispatcher.event(() -> startEvent.apply(id)) : null);
        if (operation == Operation.NOOP) {
            return;
        }
        TraceContext.Scope scope = activate ? operation.makeCurrent() : null;
        attributes.put(key, new Traced(operation, Thread.currentThread(), scope));
    }

    /** Dispatches the end event and exits the span; callable from any thread. */
    static void end(
            Dispatcher dispatcher,
            Map<Object, Object> attributes,
            Object key,
            @Nullable Object result,
            @Nullable Function<@Nullable String, Event> endEvent) {
        Traced traced = (Traced) attributes.remove(key);
        if (traced != null) {
            traced.closeScope();
            traced.operation()
                    .end((endEvent != null) ? (id) -> dispatcher.event(() -> endEvent.apply(id)) : null, result);
        }
    }

    /** Dispatches an {@link ExceptionEvent} and drops the span; callable from any thread. */
    static void fail(Dispatcher dispatcher, Map<Object, Object> attributes, Object key, Throwable error) {
        Traced traced = (Traced) attributes.remove(key);
        if (traced != null) {
            traced.closeScope();
            traced.operation().fail(error, (id) -> dispatcher.event(() -> new ExceptionEvent(id, error)));
        }
    }

    /**
     * What a listener started for one call.
     *
     * @param operation the call's operation
     * @param thread the thread that started it
     * @param scope the scope that made the span active there, or {@code null}
     */
    record Traced(Operation operation, Thread thread, TraceContext.@Nullable Scope scope) {

        /** Restores the starting thread's previous span; only on that thread, whose context the scope belongs to. */
        void closeScope() {
            if (this.scope != null && Thread.currentThread() == this.thread) {
                this.scope.close();
            }
        }
    }
}
