package dev.llamatrace.core.callback;

import java.util.Map;

/**
 * A started callback event for a try-with-resources block. It ends exactly once: at {@link #onEnd} or
 * {@link #onException}, or else when closed, with an empty payload.
 *
 * <pre>{@code
 * try (EventContext event = callbackManager.event(CBEventType.QUERY, Map.of("query_str", question))) {
 *     try {
 *         String answer = engine.answer(question);
 *         event.onEnd(Map.of("response", answer));
 *         return answer;
 *     } catch (RuntimeException ex) {
 *         event.onException(ex);
 *         throw ex;
 *     }
 * }
 * }</pre>
 *
 * A block cannot see an exception passing through {@code close()}; report it with {@link #onException} as above, or use
 * {@link CallbackManager#inEvent}, which does it for you.
 */
public final class EventContext implements AutoCloseable {

    private final CallbackManager manager;

    private final CBEventType type;

    private final String eventId;

    private boolean ended;

    EventContext(CallbackManager manager, CBEventType type, String eventId) {
        this.manager = manager;
        this.type = type;
        this.eventId = eventId;
    }

    /**
     * Returns the event id.
     *
     * @return the id
     */
    public String eventId() {
        return this.eventId;
    }

    /**
     * Returns the event type.
     *
     * @return the type
     */
    public CBEventType type() {
        return this.type;
    }

    /**
     * Ends the event with a payload, unless it already ended.
     *
     * @param payload the end payload keyed by {@link EventPayload#value()}
     */
    public void onEnd(Map<String, ?> payload) {
        if (!this.ended) {
            this.ended = true;
            this.manager.onEventEnd(this.type, payload, this.eventId);
        }
    }

    /**
     * Ends the event with an {@link EventPayload#EXCEPTION} payload, when the event is still open and no inner event
     * reported the same exception already. Errors that are not {@link Exception}s end it with an empty payload.
     *
     * @param error what the block threw
     */
    public void onException(Throwable error) {
        if (error instanceof Exception && this.manager.markReported(error)) {
            onEnd(Map.of(EventPayload.EXCEPTION.value(), error));
        } else {
            onEnd(Map.of());
        }
    }

    /** Ends the event with an empty payload, unless it already ended. */
    @Override
    public void close() {
        onEnd(Map.of());
    }
}
