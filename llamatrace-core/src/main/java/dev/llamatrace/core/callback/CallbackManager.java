package dev.llamatrace.core.callback;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.Operation;
import dev.llamatrace.core.SpanCallable;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.internal.Ids;
import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.BoundedOpenMap;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The legacy-style callback API (LlamaIndex's {@code CallbackManager}) on top of a {@link Dispatcher}: every call
 * becomes spans and events on that dispatcher, so every {@link dev.llamatrace.core.event.EventHandler} and
 * {@link dev.llamatrace.core.span.SpanHandler} on its chain sees it, and {@link CallbackHandler}s see it through a
 * {@link CallbackEventHandler}.
 *
 * <p>An event start enters a span named after the type's value (parent: the active span, or the span of an explicit
 * parent event) and dispatches a {@link CallbackEvent}; a non-leaf event's span becomes the active span until the event
 * ends, so work inside it nests. The end dispatches the end event and exits the span, or drops it when the payload
 * holds an exception. A trace enters a span named after the trace id and dispatches {@link CallbackTraceEvent}s.
 *
 * <p>Unlike LlamaIndex, trace state (the stack of open events, the trace map, nested trace ids) is kept per trace per
 * thread, in the {@link TraceContext} (so {@code TraceContext.wrap} and the context-propagation accessor carry it, and
 * a task restored from a context with no open event sees none, whatever an earlier task on the thread left open), so traces running at the same time on one manager each deliver their own map to
 * {@link CallbackHandler#endTrace}. Events started outside any trace get parent {@value EventPayload#BASE_TRACE_EVENT}
 * and are not recorded in any trace map (upstream accumulates them forever). Handler failures are isolated by the
 * dispatcher, except a deliberate {@link HandlerVetoException} from an event start (the token budget), which reaches the
 * caller after the span has been dropped.
 */
public final class CallbackManager {

    /** Default cap on child entries recorded in one trace map. */
    public static final int DEFAULT_MAX_TRACE_MAP_ENTRIES = 10_000;

    /** Default cap on open events whose span is tracked for their end. */
    public static final int DEFAULT_MAX_OPEN_EVENTS = 10_000;

    private final Dispatcher dispatcher;

    /** This manager's stack of open non-leaf events on each thread, kept in (and carried with) the trace context. */
    private final TraceContext.Key<Frame> stack = new TraceContext.Key<>("callback events");

    private final BoundedOpenMap<OpenEvent> openEvents;

    private final Map<CallbackHandler, CallbackEventHandler> adapters = new ConcurrentHashMap<>();

    private final Set<Throwable> reported = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private final LongAdder droppedEntries = new LongAdder();

    private final int maxTraceMapEntries;

    /** Creates a manager on the process-wide root dispatcher. */
    public CallbackManager() {
        this(Dispatchers.root());
    }

    /**
     * Creates a manager on a dispatcher with the default caps.
     *
     * @param dispatcher where callbacks become spans and events
     */
    public CallbackManager(Dispatcher dispatcher) {
        this(dispatcher, DEFAULT_MAX_TRACE_MAP_ENTRIES, DEFAULT_MAX_OPEN_EVENTS);
    }

    /**
     * Creates a manager on a dispatcher.
     *
     * @param dispatcher where callbacks become spans and events
     * @param maxTraceMapEntries cap on child entries per trace map; more are counted in {@link #droppedTraceMapEntries}
     * @param maxOpenEvents cap on open events whose span is tracked; beyond it the oldest open events are evicted and
     *     their spans dropped with an {@link AbandonedSpanException}, counted in {@link #evictedEvents()}
     */
    public CallbackManager(Dispatcher dispatcher, int maxTraceMapEntries, int maxOpenEvents) {
        if (maxTraceMapEntries < 1 || maxOpenEvents < 1) {
            throw new IllegalArgumentException(
                    "Caps must be at least 1, were " + maxTraceMapEntries + " and " + maxOpenEvents);
        }
        this.dispatcher = dispatcher;
        this.maxTraceMapEntries = maxTraceMapEntries;
        this.openEvents = new BoundedOpenMap<>(maxOpenEvents, (id, open) -> {
            if (open.span() != null) {
                open.span().drop(AbandonedSpanException.evicted(open.span().id(), maxOpenEvents));
            }
        });
    }

    /**
     * Returns the dispatcher callbacks are dispatched on.
     *
     * @return the dispatcher
     */
    public Dispatcher dispatcher() {
        return this.dispatcher;
    }

    /**
     * Subscribes a callback handler on this manager's dispatcher (through a {@link CallbackEventHandler}).
     *
     * @param handler the handler
     */
    public void addHandler(CallbackHandler handler) {
        CallbackEventHandler adapter = new CallbackEventHandler(handler);
        if (this.adapters.putIfAbsent(handler, adapter) == null) {
            this.dispatcher.addEventHandler(adapter);
        }
    }

    /**
     * Unsubscribes a callback handler added with {@link #addHandler}.
     *
     * @param handler the handler
     * @return whether it was subscribed
     */
    public boolean removeHandler(CallbackHandler handler) {
        CallbackEventHandler adapter = this.adapters.remove(handler);
        return adapter != null && this.dispatcher.removeEventHandler(adapter);
    }

    /**
     * Returns the handlers added with {@link #addHandler}.
     *
     * @return a snapshot
     */
    public List<CallbackHandler> handlers() {
        return List.copyOf(this.adapters.keySet());
    }

    /**
     * Starts an event with a new id and the current parent.
     *
     * @param type the event type
     * @param payload the payload keyed by {@link EventPayload#value()}
     * @return the event id
     * @throws HandlerVetoException when a handler refuses the event (e.g. the token budget is exceeded)
     */
    public String onEventStart(CBEventType type, Map<String, ?> payload) {
        return onEventStart(type, payload, null, null);
    }

    /**
     * Starts an event.
     *
     * @param type the event type
     * @param payload the payload keyed by {@link EventPayload#value()}
     * @param eventId the id to use, or {@code null} for a new one
     * @param parentId the parent event id, or {@code null} for the innermost open event of this thread (or
     *     {@value EventPayload#BASE_TRACE_EVENT})
     * @return the event id
     * @throws HandlerVetoException when a handler refuses the event; its span is dropped and nothing stays open
     */
    public String onEventStart(
            CBEventType type, Map<String, ?> payload, @Nullable String eventId, @Nullable String parentId) {
        // A UUID as LlamaIndex's uuid4 is, but from a sequence (Ids): UUID.randomUUID() takes SecureRandom's lock.
        String id = (eventId != null) ? eventId : Ids.format(Ids.next());
        Frame top = TraceContext.get(this.stack);
        String parent = (parentId != null) ? parentId : (top != null) ? top.eventId() : EventPayload.BASE_TRACE_EVENT;
        OpenEvent parentEvent = (parentId != null) ? this.openEvents.get(parentId) : null;
        TraceRun run = (top != null) ? top.run() : null;
        if (run == null && parentEvent != null) {
            run = parentEvent.run();
        }
        SpanInvocation parentSpan = (parentEvent != null) ? parentEvent.span() : null;
        String traceId = (run != null) ? run.traceId() : null;
        Operation operation = this.dispatcher.operation(
                type.value(),
                (parentSpan != null) ? parentSpan : TraceContext.currentSpan(),
                null,
                Map.of(),
                (spanId) -> this.dispatcher.event(
                        new CallbackEvent(spanId, type, EventPhase.START, payload, id, parent, traceId)));
        SpanInvocation span = operation.span();
        if (run != null) {
            run.record(parent, id);
        }
        boolean tracked = (span != null || run != null) && track(id, new OpenEvent(operation, run));
        if (!CBEventType.LEAF_EVENTS.contains(type)) {
            boolean activates = tracked && span != null;
            SpanInvocation previous = activates ? TraceContext.replaceSpan(span) : null;
            TraceContext.put(this.stack, new Frame(top, id, type, run, activates, previous, null));
        }
        return id;
    }

    /**
     * Ends an event. A non-leaf event is popped from this thread's stack when it is the innermost open event (LlamaIndex
     * pops whatever is on top; an end from another thread or out of order no longer corrupts the stack).
     *
     * @param type the event type
     * @param payload the payload keyed by {@link EventPayload#value()}; an {@link EventPayload#EXCEPTION} entry drops
     *     the span
     * @param eventId the id returned by the start, or {@code null} (an end without id cannot be paired)
     */
    public void onEventEnd(CBEventType type, Map<String, ?> payload, @Nullable String eventId) {
        String id = (eventId != null) ? eventId : Ids.format(Ids.next());
        Frame top = TraceContext.get(this.stack);
        if (top != null && top.eventId().equals(id) && !top.opensTrace()) {
            top.restoreSpan();
            setTop(top.below());
        }
        OpenEvent open = this.openEvents.take(id);
        SpanInvocation span = (open != null) ? open.span() : null;
        TraceRun run = (open != null && open.run() != null) ? open.run() : (top != null) ? top.run() : null;
        String traceId = (run != null) ? run.traceId() : null;
        Operation.Events end = (ignored) -> this.dispatcher.event(
                new CallbackEvent(spanId(span), type, EventPhase.END, payload, id, null, traceId));
        Operation operation = (open != null) ? open.operation() : null;
        if (operation == null || operation == Operation.NOOP) {
            end.dispatch(null);
        } else if (EventPayload.EXCEPTION.get(payload) instanceof Throwable error) {
            operation.fail(error, end);
        } else {
            operation.end(end, null);
        }
    }

    /**
     * Opens an event for a try-with-resources block; see {@link EventContext}.
     *
     * @param type the event type
     * @param payload the start payload
     * @return the started event
     */
    public EventContext event(CBEventType type, Map<String, ?> payload) {
        return event(type, payload, (String) null);
    }

    /**
     * Opens an event with a given id for a try-with-resources block; see {@link EventContext}.
     *
     * @param type the event type
     * @param payload the start payload
     * @param eventId the id, or {@code null} for a new one
     * @return the started event
     */
    public EventContext event(CBEventType type, Map<String, ?> payload, @Nullable String eventId) {
        return new EventContext(this, type, onEventStart(type, payload, eventId, null));
    }

    /**
     * Runs {@code body} inside an event. If it throws an exception not yet reported by an inner event, the event ends
     * with an {@link EventPayload#EXCEPTION} payload; the same exception instance reaches the caller.
     *
     * @param type the event type
     * @param payload the start payload
     * @param body the work; may set the end payload with {@link EventContext#onEnd}
     * @param <T> the result type
     * @param <E> the exception type of the work
     * @return what {@code body} returned
     * @throws E what {@code body} threw
     */
    public <T, E extends Throwable> T inEvent(CBEventType type, Map<String, ?> payload, EventBody<T, E> body) throws E {
        try (EventContext context = event(type, payload)) {
            try {
                return body.run(context);
            } catch (Throwable ex) {
                context.onException(ex);
                throw ex;
            }
        }
    }

    /**
     * Starts a trace. Only an outermost trace (none open on this thread) is announced to handlers and gets a span and a
     * fresh trace map; nested traces only count depth.
     *
     * @param traceId the trace id, e.g. {@code query}; {@code null} does nothing
     */
    public void startTrace(@Nullable String traceId) {
        if (traceId == null) {
            return;
        }
        Frame top = TraceContext.get(this.stack);
        Frame own = ownTrace(top);
        if (own != null) {
            own.run().depth++;
            return;
        }
        Operation operation = this.dispatcher.operation(
                traceId,
                TraceContext.currentSpan(),
                null,
                Map.of(),
                (spanId) -> this.dispatcher.event(new CallbackTraceEvent(spanId, EventPhase.START, traceId, Map.of())));
        SpanInvocation span = operation.span();
        TraceRun run = new TraceRun(traceId, operation, this.maxTraceMapEntries, this.droppedEntries);
        SpanInvocation previous = (span != null) ? TraceContext.replaceSpan(span) : null;
        TraceContext.put(
                this.stack,
                new Frame(
                        top, EventPayload.BASE_TRACE_EVENT, null, run, span != null, previous, Thread.currentThread()));
    }

    /**
     * Ends the innermost trace of this thread. When it is the outermost, handlers get {@link CallbackHandler#endTrace}
     * with this trace's own map, events left open in it are closed (their spans dropped), and its span exits.
     *
     * @param traceId the trace id passed to handlers; {@code null} does nothing
     */
    public void endTrace(@Nullable String traceId) {
        Frame top = TraceContext.get(this.stack);
        Frame own = ownTrace(top);
        if (traceId == null || top == null || own == null) {
            return;
        }
        TraceRun run = own.run();
        if (--run.depth > 0) {
            return;
        }
        Frame frame = top;
        while (frame != own) {
            frame.restoreSpan();
            OpenEvent abandoned = this.openEvents.take(frame.eventId());
            if (abandoned != null && abandoned.span() != null) {
                abandoned
                        .span()
                        .drop(new IllegalStateException("Callback event " + frame.eventId() + " (" + frame.type()
                                + ") still open when its trace ended"));
            }
            frame = frame.below();
        }
        frame.restoreSpan();
        setTop(frame.below());
        Operation operation = run.operation();
        Operation.Events end = (ignored) -> this.dispatcher.event(
                new CallbackTraceEvent(spanId(operation.span()), EventPhase.END, traceId, run.snapshot()));
        if (operation == Operation.NOOP) {
            end.dispatch(null);
        } else {
            operation.end(end, null);
        }
    }

    /**
     * Opens a trace for a try-with-resources block; see {@link TraceScope}.
     *
     * @param traceId the trace id
     * @return the open trace
     */
    public TraceScope asTrace(String traceId) {
        startTrace(traceId);
        return new TraceScope(this, traceId);
    }

    /**
     * Runs {@code body} inside a trace. An exception not yet reported by an inner event is reported as an
     * {@link CBEventType#EXCEPTION} event; the same instance reaches the caller; the trace always ends.
     *
     * @param traceId the trace id
     * @param body the work
     * @param <T> the result type
     * @param <E> the exception type of the work
     * @return what {@code body} returned
     * @throws E what {@code body} threw
     */
    public <T, E extends Throwable> T trace(String traceId, SpanCallable<T, E> body) throws E {
        try (TraceScope scope = asTrace(traceId)) {
            try {
                return body.call();
            } catch (Throwable ex) {
                scope.onException(ex);
                throw ex;
            }
        }
    }

    /**
     * Returns the trace map of the trace open on this thread.
     *
     * @return parent id to child ids, empty when no trace is open
     */
    public Map<String, List<String>> traceMap() {
        Frame own = ownTrace(TraceContext.get(this.stack));
        TraceRun run = (own != null) ? own.run() : null;
        return (run != null) ? run.snapshot() : Map.of();
    }

    /**
     * Returns how many open events were evicted, oldest first, because more than {@code maxOpenEvents} were open.
     *
     * @return the count
     */
    public long evictedEvents() {
        return this.openEvents.evictedCount();
    }

    /**
     * Returns how many trace-map entries were not recorded because a trace map reached {@code maxTraceMapEntries}.
     *
     * @return the count
     */
    public long droppedTraceMapEntries() {
        return this.droppedEntries.sum();
    }

    /**
     * Reports an exception escaping a trace: an {@link CBEventType#EXCEPTION} start with no end, as LlamaIndex does;
     * its span is dropped at once so no span stays open.
     */
    void reportException(Throwable error) {
        String id = onEventStart(CBEventType.EXCEPTION, Map.of(EventPayload.EXCEPTION.value(), error));
        OpenEvent open = this.openEvents.take(id);
        if (open != null && open.span() != null) {
            open.span().drop(error);
        }
    }

    /** Marks an exception as reported; returns {@code false} when an inner scope already reported it. */
    boolean markReported(Throwable error) {
        return this.reported.add(error);
    }

    private boolean track(String id, OpenEvent open) {
        return this.openEvents.put(id, open, System.nanoTime());
    }

    /** The frame of the trace this thread itself opened, or {@code null} (events joined from elsewhere do not count). */
    private static @Nullable Frame ownTrace(@Nullable Frame top) {
        Frame frame = top;
        while (frame != null && !frame.isOwnTrace()) {
            frame = frame.below();
        }
        return frame;
    }

    /** An event between start and end: its operation and its trace (when inside one). */
    private record OpenEvent(Operation operation, @Nullable TraceRun run) {

        @Nullable
        SpanInvocation span() {
            return this.operation.span();
        }
    }

    private void setTop(@Nullable Frame frame) {
        TraceContext.put(this.stack, frame);
    }

    private static @Nullable String spanId(@Nullable SpanInvocation span) {
        return (span != null) ? span.id() : TraceContext.currentSpanId();
    }
}
