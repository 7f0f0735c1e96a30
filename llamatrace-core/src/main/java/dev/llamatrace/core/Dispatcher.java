package dev.llamatrace.core;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.deferred.CloseableIterator;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.span.SpanNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Emits events and tracks spans to the handlers attached to it and, while {@link #propagate()} is true, to those of
 * its parents; the root ends the walk. Get dispatchers from a {@link DispatcherRegistry} (or {@link Dispatchers}), one
 * per dotted name.
 *
 * <p>Handlers of one dispatcher run in registration order, then the parent's, and so on. The resolved chain is cached
 * and rebuilt only when handlers or the hierarchy change. With no handler on the chain, events and spans cost no
 * allocation: {@link #event(Supplier)} does not build the event and {@link #enter(String)} returns
 * {@link SpanScope#NOOP}.
 */
public final class Dispatcher {

    /** The key of the active tags in a propagation context, as in LlamaIndex. */
    public static final String INSTRUMENT_TAGS = "instrument_tags";

    /** The key of the active span id in a propagation context; spans started where it is restored become children. */
    public static final String PROPAGATED_SPAN_ID = "llamatrace_span_id";

    private static final EventHandler[] NO_EVENT_HANDLERS = {};

    private static final SpanHandler<?>[] NO_SPAN_HANDLERS = {};

    private final DispatcherRegistry registry;

    private final String name;

    private volatile @Nullable Dispatcher parent;

    private volatile boolean propagate = true;

    private volatile EventHandler[] eventHandlers = NO_EVENT_HANDLERS;

    private volatile SpanHandler<?>[] spanHandlers = NO_SPAN_HANDLERS;

    private volatile Chain chain = new Chain(-1, NO_EVENT_HANDLERS, NO_SPAN_HANDLERS);

    Dispatcher(DispatcherRegistry registry, String name, @Nullable Dispatcher parent) {
        this.registry = registry;
        this.name = name;
        this.parent = parent;
    }

    /**
     * Returns the dotted name of this dispatcher.
     *
     * @return the name; {@value DispatcherRegistry#ROOT_NAME} for the root
     */
    public String name() {
        return this.name;
    }

    /**
     * Returns the nearest existing ancestor by dotted name.
     *
     * @return the parent, or {@code null} for the root
     */
    public @Nullable Dispatcher parent() {
        return this.parent;
    }

    void parent(Dispatcher parent) {
        this.parent = parent;
    }

    /**
     * Returns the registry this dispatcher belongs to.
     *
     * @return the registry
     */
    public DispatcherRegistry registry() {
        return this.registry;
    }

    /**
     * Returns whether events and spans continue to the parent after this dispatcher's handlers.
     *
     * @return {@code true} by default
     */
    public boolean propagate() {
        return this.propagate;
    }

    /**
     * Sets whether events and spans continue to the parent after this dispatcher's handlers.
     *
     * @param propagate {@code false} to stop the walk here
     */
    public void setPropagate(boolean propagate) {
        this.propagate = propagate;
        this.registry.invalidate();
    }

    /**
     * Attaches an event handler after those already attached. Adding the same handler twice delivers twice.
     *
     * @param handler the handler
     */
    public synchronized void addEventHandler(EventHandler handler) {
        this.eventHandlers = append(this.eventHandlers, handler);
        this.registry.invalidate();
    }

    /**
     * Detaches an event handler (its first occurrence).
     *
     * @param handler the handler
     * @return whether it was attached
     */
    public synchronized boolean removeEventHandler(EventHandler handler) {
        EventHandler[] next = remove(this.eventHandlers, handler);
        if (next == null) {
            return false;
        }
        this.eventHandlers = next;
        this.registry.invalidate();
        return true;
    }

    /**
     * Attaches a span handler after those already attached.
     *
     * @param handler the handler
     */
    public synchronized void addSpanHandler(SpanHandler<?> handler) {
        this.spanHandlers = append(this.spanHandlers, handler);
        this.registry.invalidate();
    }

    /**
     * Detaches a span handler (its first occurrence).
     *
     * @param handler the handler
     * @return whether it was attached
     */
    public synchronized boolean removeSpanHandler(SpanHandler<?> handler) {
        SpanHandler<?>[] next = remove(this.spanHandlers, handler);
        if (next == null) {
            return false;
        }
        this.spanHandlers = next;
        this.registry.invalidate();
        return true;
    }

    /**
     * Returns the event handlers attached to this dispatcher itself, in order.
     *
     * @return an unmodifiable list
     */
    public List<EventHandler> eventHandlers() {
        return List.of(this.eventHandlers);
    }

    /**
     * Returns the span handlers attached to this dispatcher itself, in order.
     *
     * @return an unmodifiable list
     */
    public List<SpanHandler<?>> spanHandlers() {
        return List.of(this.spanHandlers);
    }

    /**
     * Returns whether any event handler would see an event dispatched here (this dispatcher's or a parent's).
     *
     * @return {@code true} when someone listens for events
     */
    public boolean hasEventHandlers() {
        return chain().events.length > 0;
    }

    /**
     * Returns whether any span handler would see a span entered here.
     *
     * @return {@code true} when someone listens for spans
     */
    public boolean hasSpanHandlers() {
        return chain().spans.length > 0;
    }

    /**
     * Dispatches an event: hands it to every event handler on the chain.
     *
     * @param event the event
     */
    public void event(Event event) {
        EventHandler[] handlers = chain().events;
        if (handlers.length == 0) {
            return;
        }
        HandlerFailures failures = this.registry.failures();
        Error fatal = null;
        for (EventHandler handler : handlers) {
            try {
                handler.handle(event);
            } catch (HandlerVetoException veto) {
                throw veto;
            } catch (Throwable ex) {
                fatal = failures.isolate(handler, "handle(" + event.className() + ")", ex, fatal);
            }
        }
        if (fatal != null) {
            throw fatal;
        }
    }

    /**
     * Dispatches an event built only when some handler listens; callers pay nothing otherwise.
     *
     * @param event builds the event
     */
    public void event(Supplier<? extends Event> event) {
        if (chain().events.length > 0) {
            event(event.get());
        }
    }

    /**
     * Enters a span whose parent is the active span. The span does not become active; see
     * {@link TraceContext#activate(SpanInvocation)}. End it with {@link #spanExit} or {@link #spanDrop}.
     *
     * @param name the span name
     * @param instance the object whose method the span covers, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @return the span, or {@code null} when no span handler listens
     */
    public @Nullable SpanInvocation spanEnter(String name, @Nullable Object instance, Map<String, ?> arguments) {
        return spanEnter(name, TraceContext.currentSpan(), instance, arguments);
    }

    /**
     * Enters a span with an explicit parent, for work whose parent is not the active span of this thread (e.g. a
     * callback that runs on another thread).
     *
     * @param name the span name
     * @param parent the parent span, or {@code null} for a root
     * @param instance the object whose method the span covers, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @return the span, or {@code null} when no span handler listens
     * @throws HandlerVetoException when a handler refuses the operation; the handlers that already entered the span
     *     see it dropped
     */
    public @Nullable SpanInvocation spanEnter(
            String name, @Nullable SpanInvocation parent, @Nullable Object instance, Map<String, ?> arguments) {
        SpanHandler<?>[] handlers = chain().spans;
        if (handlers.length == 0) {
            return null;
        }
        DispatchedSpan span = new DispatchedSpan(
                this, name, parent, TraceContext.currentTags(), instance, arguments, System.nanoTime());
        HandlerFailures failures = this.registry.failures();
        Error fatal = null;
        for (int i = 0; i < handlers.length; i++) {
            try {
                handlers[i].spanEnter(span);
            } catch (HandlerVetoException veto) {
                span.markEnded();
                DispatchedSpan.dropOn(handlers, i, span, veto, failures, null);
                throw veto;
            } catch (Throwable ex) {
                fatal = failures.isolate(handlers[i], "spanEnter", ex, fatal);
            }
        }
        if (fatal != null) {
            // The caller never gets the span, so nobody could end it: end it here before the error leaves.
            span.markEnded();
            DispatchedSpan.dropOn(handlers, handlers.length, span, fatal, failures, fatal);
            throw fatal;
        }
        return span;
    }

    /**
     * Ends a span normally, unless it already ended. Handlers are those on the chain of the dispatcher it was entered
     * on.
     *
     * @param span the span
     * @param result the result of the covered work, or {@code null}
     */
    public void spanExit(SpanInvocation span, @Nullable Object result) {
        if (!(span instanceof DispatchedSpan dispatched)) {
            span.exit(result);
            return;
        }
        if (dispatched.markEnded()) {
            dispatched.exitEnded(result);
        }
    }

    /**
     * Ends a span abnormally, unless it already ended: dispatches a {@link SpanDropEvent}, then has span handlers drop
     * it.
     *
     * @param span the span
     * @param error why it ended
     */
    public void spanDrop(SpanInvocation span, Throwable error) {
        if (!(span instanceof DispatchedSpan dispatched)) {
            span.drop(error);
            return;
        }
        if (dispatched.markEnded()) {
            dispatched.dropEnded(error);
        }
    }

    /**
     * Starts an operation without start events under the active span; see
     * {@link #operation(String, SpanInvocation, Object, Map, Operation.Events)}.
     *
     * @param name the span name
     * @param instance the object whose method the operation covers, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @return the operation; {@link Operation#NOOP} when no span handler listens
     */
    public Operation operation(String name, @Nullable Object instance, Map<String, ?> arguments) {
        SpanInvocation span = spanEnter(name, TraceContext.currentSpan(), instance, arguments);
        return (span != null) ? (DispatchedSpan) span : Operation.NOOP;
    }

    /**
     * Starts an operation that may end on another thread: enters its span (when span handlers listen) and dispatches
     * its start events, stamped with the span's id (or the parent's when no span handler listens). The span does not
     * become active; see {@link Operation#makeCurrent()}. End it with {@link Operation#end} or {@link Operation#fail}.
     *
     * <p>When a start event is refused ({@link HandlerVetoException}), or dispatching it fails fatally, the operation
     * ends at once (its span dropped) and the exception reaches the caller, so nothing stays open.
     *
     * @param name the span name
     * @param parent the parent span, or {@code null} for a root
     * @param instance the object whose work the operation covers, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @param startEvents dispatches the start events, or {@code null} for none
     * @return the operation; {@link Operation#NOOP}, without calling {@code startEvents}, when no handler listens
     * @throws HandlerVetoException when a handler refuses the operation
     */
    public Operation operation(
            String name,
            @Nullable SpanInvocation parent,
            @Nullable Object instance,
            Map<String, ?> arguments,
            Operation.@Nullable Events startEvents) {
        Chain chain = chain();
        if (chain.spans.length == 0 && (startEvents == null || chain.events.length == 0)) {
            return Operation.NOOP;
        }
        SpanInvocation span = spanEnter(name, parent, instance, arguments);
        Operation operation = (span != null)
                ? (DispatchedSpan) span
                : new EventOperation(this, (parent != null) ? parent.id() : null);
        if (startEvents != null) {
            try {
                startEvents.dispatch(operation.spanId());
            } catch (Throwable ex) {
                operation.fail(ex);
                throw ex;
            }
        }
        return operation;
    }

    /**
     * Opens a span for a try-with-resources block and makes it active; see {@link SpanScope}.
     *
     * @param name the span name
     * @return the scope, {@link SpanScope#NOOP} when no span handler listens
     */
    public SpanScope enter(String name) {
        SpanInvocation span = spanEnter(name, TraceContext.currentSpan(), null, Map.of());
        return (span != null) ? new ActiveSpanScope(span) : SpanScope.NOOP;
    }

    /**
     * Runs {@code body} inside a span named {@code name}. On success the span exits with the result; on failure a
     * {@link SpanDropEvent} is dispatched, the span is dropped, and the exception reaches the caller unchanged.
     *
     * @param name the span name
     * @param body the work
     * @param <T> the result type
     * @param <E> the exception type of the work
     * @return what {@code body} returned
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> T span(String name, SpanCallable<T, E> body) throws E {
        return span(name, null, Map.of(), body);
    }

    /**
     * Runs {@code body} inside a span for a method call; see {@link #span(String, SpanCallable)}.
     *
     * @param name the span name, {@code <runtime simple class name>.<method>} for methods ({@link SpanNames})
     * @param instance the object whose method runs, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @param body the work
     * @param <T> the result type
     * @param <E> the exception type of the work
     * @return what {@code body} returned
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> T span(
            String name, @Nullable Object instance, Map<String, ?> arguments, SpanCallable<T, E> body) throws E {
        SpanInvocation previous = TraceContext.currentSpan();
        SpanInvocation span = spanEnter(name, previous, instance, arguments);
        if (span == null) {
            return body.call();
        }
        TraceContext.replaceSpan(span);
        T result;
        try {
            result = body.call();
        } catch (Throwable ex) {
            TraceContext.replaceSpan(previous);
            spanDrop(span, ex);
            throw ex;
        }
        TraceContext.replaceSpan(previous);
        spanExit(span, result);
        return result;
    }

    /**
     * Runs {@code body}, which starts asynchronous work, inside a span that stays open until the returned future
     * completes; see {@link #spanAsync(String, Object, Map, SpanCallable)}.
     *
     * @param name the span name
     * @param body starts the work and returns its future
     * @param <T> the result type of the future
     * @param <E> the exception type {@code body} may throw synchronously
     * @return a future with the outcome of the body's future, completed after the span ended
     * @throws E what {@code body} threw synchronously, the same instance
     */
    public <T, E extends Throwable> CompletableFuture<T> spanAsync(
            String name, SpanCallable<? extends CompletableFuture<T>, E> body) throws E {
        return spanAsync(name, null, Map.of(), body);
    }

    /**
     * Runs {@code body}, which starts asynchronous work, inside a span that stays open until the returned future
     * completes.
     *
     * <p>{@code body} runs with the span active, so spans it enters synchronously are its children. The span exits
     * when the future succeeds and is dropped when it fails or is cancelled. The returned future completes only after
     * the span ended (so {@code join()} sees handlers done), with the same value or the same exception; cancelling it
     * cancels the body's future. When {@code body} throws, a {@link SpanDropEvent} is dispatched, the span is dropped,
     * and the exception is rethrown unchanged. When no span handler listens, the body's future is returned as is.
     *
     * @param name the span name
     * @param instance the object whose method runs, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @param body starts the work and returns its future
     * @param <T> the result type of the future
     * @param <E> the exception type {@code body} may throw synchronously
     * @return a future with the outcome of the body's future, completed after the span ended
     * @throws E what {@code body} threw synchronously, the same instance
     */
    public <T, E extends Throwable> CompletableFuture<T> spanAsync(
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends CompletableFuture<T>, E> body)
            throws E {
        return DeferredSpans.future(this, name, instance, arguments, body);
    }

    /**
     * Runs {@code body}, which returns a lazy stream, inside a span that ends when the stream is consumed; see
     * {@link #spanStream(String, Object, Map, SpanCallable)}.
     *
     * @param name the span name
     * @param body returns the stream
     * @param <T> the element type
     * @param <E> the exception type {@code body} may throw
     * @return a stream of the same elements
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> Stream<T> spanStream(String name, SpanCallable<? extends Stream<T>, E> body)
            throws E {
        return spanStream(name, null, Map.of(), body);
    }

    /**
     * Runs {@code body}, which returns a lazy stream, inside a span that ends when the stream is consumed.
     *
     * <p>The span exits when the stream is exhausted or closed and is dropped when producing an element throws (the
     * same exception instance reaches the consumer). While each element is produced the span is active, so work the
     * stream does lazily is parented under it; downstream operations run in the consumer's context. The stream is
     * consumed sequentially and closing it closes the body's stream.
     *
     * <p>A stream that is neither exhausted nor closed (e.g. after {@code findFirst()}) keeps its span open until it
     * becomes unreachable; the garbage collector then has the span dropped with an {@link AbandonedSpanException}, on
     * the JVM cleaner thread. Use try-with-resources to end such spans promptly. When no span handler listens, the
     * body's stream is returned as is.
     *
     * @param name the span name
     * @param instance the object whose method runs, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @param body returns the stream
     * @param <T> the element type
     * @param <E> the exception type {@code body} may throw
     * @return a stream of the same elements
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> Stream<T> spanStream(
            String name, @Nullable Object instance, Map<String, ?> arguments, SpanCallable<? extends Stream<T>, E> body)
            throws E {
        return DeferredSpans.stream(this, name, instance, arguments, body);
    }

    /**
     * Runs {@code body}, which returns a lazy iterator, inside a span that ends when the iterator is consumed; see
     * {@link #spanIterator(String, Object, Map, SpanCallable)}.
     *
     * @param name the span name
     * @param body returns the iterator
     * @param <T> the element type
     * @param <E> the exception type {@code body} may throw
     * @return an iterator over the same elements
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> CloseableIterator<T> spanIterator(
            String name, SpanCallable<? extends Iterator<T>, E> body) throws E {
        return spanIterator(name, null, Map.of(), body);
    }

    /**
     * Runs {@code body}, which returns a lazy iterator, inside a span that ends when the iterator is consumed.
     *
     * <p>The span exits when {@code hasNext()} returns {@code false}, {@code next()} throws
     * {@link java.util.NoSuchElementException}, or the iterator is closed (closing also closes the body's iterator if
     * it is {@link AutoCloseable}). It is dropped when the body's iterator throws anything else, and the same
     * exception reaches the caller. The span is active while {@code hasNext()} and {@code next()} run. An iterator
     * that is abandoned is handled as for {@link #spanStream(String, Object, Map, SpanCallable) streams}. When no span
     * handler listens the elements come straight from the body's iterator.
     *
     * @param name the span name
     * @param instance the object whose method runs, or {@code null}
     * @param arguments captured call arguments by name (may be empty)
     * @param body returns the iterator
     * @param <T> the element type
     * @param <E> the exception type {@code body} may throw
     * @return an iterator over the same elements
     * @throws E what {@code body} threw, the same instance
     */
    public <T, E extends Throwable> CloseableIterator<T> spanIterator(
            String name,
            @Nullable Object instance,
            Map<String, ?> arguments,
            SpanCallable<? extends Iterator<T>, E> body)
            throws E {
        return DeferredSpans.iterator(this, name, instance, arguments, body);
    }

    /**
     * Captures what must cross a process boundary for work there to continue this trace (LlamaIndex's
     * {@code capture_propagation_context}): the active span id under {@value #PROPAGATED_SPAN_ID}, the entries of every
     * span handler on the chain ({@link SpanHandler#capturePropagationContext()}, merged, later handlers winning), and
     * the active tags under {@value #INSTRUMENT_TAGS}. Keys are left out when they have nothing to carry, so with no
     * active span, no tags and no handler entries the map is empty. A handler that fails is isolated and counted.
     *
     * @return an unmodifiable map to send along with the work
     */
    public Map<String, Object> capturePropagationContext() {
        return PropagationContexts.capture(chain().spans, this.registry.failures());
    }

    /**
     * Restores a context captured by {@link #capturePropagationContext()}, typically in another process, until the
     * scope closes (LlamaIndex's {@code restore_propagation_context}): every span handler on the chain gets the map
     * ({@link SpanHandler#restorePropagationContext(Map)}), then the propagated span becomes the parent of spans started
     * on this thread (a {@linkplain SpanInvocation#isRemote() remote} span) and the propagated tags become the active
     * tags. Absent keys leave the current span or tags as they are; unknown keys are ignored. A handler that fails is
     * isolated and counted.
     *
     * @param context a captured context
     * @return a scope restoring this thread's previous span and tags; close it when the work ends
     */
    public TraceContext.Scope restorePropagationContext(Map<String, ?> context) {
        return PropagationContexts.restore(this, chain().spans, this.registry.failures(), context);
    }

    /**
     * Shuts down the span handlers on this dispatcher's chain (LlamaIndex's {@code shutdown}): each drops every span it
     * still holds open (through its own {@link SpanHandler#spanDrop}, with an
     * {@link AbandonedSpanException#shutdown()}; no {@code SpanDropEvent} is dispatched), then is closed. A handler is
     * shut down once per registry, so calling this again, or on a child after its parent, does nothing more. Failures
     * are isolated and counted. Handlers stay attached.
     *
     * @return how many open spans were dropped
     */
    public int shutdown() {
        return this.registry.shutdown(chain().spans);
    }

    /** The span handlers on this dispatcher's chain, resolved as for {@link #spanEnter}. */
    SpanHandler<?>[] spanChain() {
        return chain().spans;
    }

    private Chain chain() {
        Chain chain = this.chain;
        int generation = this.registry.generation();
        if (chain.generation != generation) {
            chain = resolveChain(generation);
            this.chain = chain;
        }
        return chain;
    }

    private Chain resolveChain(int generation) {
        List<EventHandler> events = new ArrayList<>();
        List<SpanHandler<?>> spans = new ArrayList<>();
        Dispatcher current = this;
        while (current != null) {
            events.addAll(Arrays.asList(current.eventHandlers));
            spans.addAll(Arrays.asList(current.spanHandlers));
            current = current.propagate ? current.parent : null;
        }
        return new Chain(generation, events.toArray(NO_EVENT_HANDLERS), spans.toArray(NO_SPAN_HANDLERS));
    }

    private static <T> T[] append(T[] array, T element) {
        T[] next = Arrays.copyOf(array, array.length + 1);
        next[array.length] = element;
        return next;
    }

    private static <T> T @Nullable [] remove(T[] array, T element) {
        for (int i = 0; i < array.length; i++) {
            if (array[i] == element) {
                T[] next = Arrays.copyOf(array, array.length - 1);
                System.arraycopy(array, i + 1, next, i, array.length - i - 1);
                return next;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "Dispatcher[" + this.name + "]";
    }

    private record Chain(int generation, EventHandler[] events, SpanHandler<?>[] spans) {}
}
