package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.SpanDropEvent;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Subscribes a {@link CallbackHandler} to a dispatcher: it delivers {@link CallbackEvent}s and
 * {@link CallbackTraceEvent}s from a {@link CallbackManager}, and the new-style built-in events that have a legacy
 * counterpart (translated by {@link LegacyEventTranslator}), applying the handler's ignore lists.
 *
 * <p>An {@link ExceptionEvent} in a span whose operation started and has not ended (how both framework adapters report
 * a failed call) ends that operation with {@code {exception: e}}, as LlamaIndex's LLM wrappers do, so the handler sees
 * a complete pair: {@code LlamaDebugHandler} pairs it and {@code TokenCountingHandler} records a zero count. Outside
 * such an operation it is an {@link CBEventType#EXCEPTION} start, as LlamaIndex's {@code as_trace} reports one.
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

    private final OpenStarts openStarts = new OpenStarts();

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
        } else if (event instanceof SpanDropEvent drop) {
            String spanId = drop.spanId();
            if (spanId != null) {
                this.openStarts.ended(spanId);
            }
        } else if (event.kind() != null) {
            LegacyEventTranslator.LegacyCallback callback = LegacyEventTranslator.translate(event);
            if (callback != null) {
                callback = track(event, callback);
                deliver(callback.type(), callback.phase(), callback.payload(), callback.eventId(), null);
            }
        }
    }

    /**
     * Returns how many started operations this adapter did not remember because too many were open; an exception in
     * one of them is delivered as an {@link CBEventType#EXCEPTION} start instead of ending it.
     *
     * @return the count
     */
    public long untrackedStartCount() {
        return this.openStarts.untrackedCount();
    }

    private LegacyEventTranslator.LegacyCallback track(Event event, LegacyEventTranslator.LegacyCallback callback) {
        String spanId = event.spanId();
        if (spanId == null) {
            return callback;
        }
        if (event instanceof ExceptionEvent) {
            CBEventType open = this.openStarts.ended(spanId);
            return (open != null)
                    ? new LegacyEventTranslator.LegacyCallback(open, EventPhase.END, callback.payload(), spanId)
                    : callback;
        }
        if (callback.phase() == EventPhase.START) {
            this.openStarts.started(spanId, callback.type());
        } else if (callback.phase() == EventPhase.END) {
            this.openStarts.ended(spanId);
        }
        return callback;
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
