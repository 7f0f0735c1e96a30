package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventPhase;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes a {@link CallbackHandler} to a dispatcher: it delivers {@link CallbackEvent}s and
 * {@link CallbackTraceEvent}s from a {@link CallbackManager}, and the new-style built-in events that have a legacy
 * counterpart (translated by {@link LegacyEventTranslator}), applying the handler's ignore lists.
 *
 * <pre>{@code
 * TokenCountingHandler tokens = TokenCountingHandler.builder().build();
 * Dispatchers.root().addEventHandler(new CallbackEventHandler(tokens));
 * }</pre>
 *
 * Producers should report an operation through one API only: an LLM call reported both as built-in events and as
 * callback events is seen twice.
 */
public final class CallbackEventHandler implements EventHandler {

    private final CallbackHandler handler;

    /**
     * Creates the adapter.
     *
     * @param handler the callback handler to feed
     */
    public CallbackEventHandler(CallbackHandler handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /**
     * Returns the callback handler this adapter feeds.
     *
     * @return the handler
     */
    public CallbackHandler handler() {
        return this.handler;
    }

    @Override
    public void handle(Event event) {
        if (event instanceof CallbackEvent callback) {
            deliver(callback.type(), callback.phase(), callback.payload(), callback.eventId(), callback.parentId());
        } else if (event instanceof CallbackTraceEvent trace) {
            if (trace.phase() == EventPhase.START) {
                this.handler.startTrace(trace.traceId());
            } else {
                this.handler.endTrace(trace.traceId(), trace.traceMap());
            }
        } else if (event.eventType() != null) {
            LegacyEventTranslator.LegacyCallback callback = LegacyEventTranslator.translate(event);
            if (callback != null) {
                deliver(callback.type(), callback.phase(), callback.payload(), callback.eventId(), null);
            }
        }
    }

    private void deliver(
            CBEventType type,
            EventPhase phase,
            Map<String, Object> payload,
            String eventId,
            @Nullable String parentId) {
        if (phase == EventPhase.START && !this.handler.eventStartsToIgnore().contains(type)) {
            this.handler.onEventStart(type, payload, eventId, parentId);
        } else if (phase == EventPhase.END && !this.handler.eventEndsToIgnore().contains(type)) {
            this.handler.onEventEnd(type, payload, eventId);
        }
    }

    @Override
    public String toString() {
        return "CallbackEventHandler[" + this.handler + "]";
    }
}
