package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.ContentEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The start or end of a legacy-style callback event, as a {@link CallbackManager} dispatches it. Every event handler
 * sees it; a {@link CallbackEventHandler} turns it into {@link CallbackHandler} calls.
 */
public final class CallbackEvent extends Event implements ContentEvent {

    private final CBEventType type;

    private final EventPhase phase;

    private final Map<String, Object> payload;

    private final String eventId;

    private final @Nullable String parentId;

    private final @Nullable String traceId;

    /**
     * Creates the event.
     *
     * @param spanId the span of the callback event, or {@code null} when no span handler listens
     * @param type the callback type
     * @param phase {@link EventPhase#START} or {@link EventPhase#END}
     * @param payload the payload keyed by {@link EventPayload#value()}
     * @param eventId the callback event id, shared by start and end
     * @param parentId the enclosing callback event id (starts only)
     * @param traceId the trace this event belongs to, or {@code null} outside a trace
     */
    public CallbackEvent(
            @Nullable String spanId,
            CBEventType type,
            EventPhase phase,
            Map<String, ?> payload,
            String eventId,
            @Nullable String parentId,
            @Nullable String traceId) {
        super(spanId);
        if (phase != EventPhase.START && phase != EventPhase.END) {
            throw new IllegalArgumentException("A callback event starts or ends, was " + phase);
        }
        this.type = type;
        this.phase = phase;
        this.payload = FrozenMap.copyOf(payload);
        this.eventId = eventId;
        this.parentId = parentId;
        this.traceId = traceId;
    }

    /**
     * Returns the callback type.
     *
     * @return the type
     */
    public CBEventType type() {
        return this.type;
    }

    /**
     * Returns the payload keyed by {@link EventPayload#value()}.
     *
     * @return an unmodifiable map, empty when none was given
     */
    public Map<String, Object> payload() {
        return this.payload;
    }

    /**
     * Returns the callback event id, shared by the start and the end.
     *
     * @return the id
     */
    public String eventId() {
        return this.eventId;
    }

    /**
     * Returns the id of the enclosing callback event.
     *
     * @return the parent id ({@value EventPayload#BASE_TRACE_EVENT} at the top), or {@code null} for an end
     */
    public @Nullable String parentId() {
        return this.parentId;
    }

    /**
     * Returns the trace this event belongs to.
     *
     * @return the trace id, or {@code null} outside a trace
     */
    public @Nullable String traceId() {
        return this.traceId;
    }

    /** The payload as text: a callback payload is free-form, so it is shown as a whole. */
    @Override
    public @Nullable String inputText() {
        return this.payload.isEmpty() ? null : String.valueOf(this.payload);
    }

    @Override
    public EventKind kind() {
        return this.type.kind();
    }

    @Override
    public EventPhase phase() {
        return this.phase;
    }
}
