package dev.llamatrace.core.callback;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Receives legacy-style callbacks: the starts and ends of {@link CBEventType} events and the start and end of traces.
 *
 * <p>A callback handler listens on a dispatcher through a {@link CallbackEventHandler}, so it receives both the events
 * of a {@link CallbackManager} and the new-style built-in events that map to a callback type (see
 * {@link LegacyEventTranslator}). For new-style events the event id is the id of the span the event belongs to, so the
 * start and end of one operation pair up. Calls arrive on the thread that dispatched the event; implementations must be
 * thread-safe. A handler that throws is isolated by the dispatcher, except for a deliberate
 * {@link dev.llamatrace.core.HandlerVetoException} thrown from {@link #onEventStart}.
 */
public interface CallbackHandler {

    /**
     * Called when an event starts.
     *
     * @param type the event type
     * @param payload the payload keyed by {@link EventPayload#value()}; empty when none was given
     * @param eventId the event id
     * @param parentId the id of the enclosing event, {@value EventPayload#BASE_TRACE_EVENT} at the top of a trace, or
     *     {@code null} when unknown (new-style events carry a span, not a parent event)
     */
    void onEventStart(CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId);

    /**
     * Called when an event ends.
     *
     * @param type the event type
     * @param payload the payload keyed by {@link EventPayload#value()}; empty when none was given
     * @param eventId the event id, the same as its start's
     */
    void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId);

    /**
     * Called when an outermost trace starts on a {@link CallbackManager}.
     *
     * @param traceId the trace id, e.g. {@code query}
     */
    default void startTrace(String traceId) {}

    /**
     * Called when an outermost trace ends, with the trace map of that trace alone.
     *
     * @param traceId the trace id
     * @param traceMap parent event id to its child event ids in start order, from {@value EventPayload#BASE_TRACE_EVENT}
     */
    default void endTrace(String traceId, Map<String, List<String>> traceMap) {}

    /**
     * Returns the event types whose starts this handler is not told about.
     *
     * @return the ignored types; empty by default
     */
    default Set<CBEventType> eventStartsToIgnore() {
        return Set.of();
    }

    /**
     * Returns the event types whose ends this handler is not told about.
     *
     * @return the ignored types; empty by default
     */
    default Set<CBEventType> eventEndsToIgnore() {
        return Set.of();
    }
}
