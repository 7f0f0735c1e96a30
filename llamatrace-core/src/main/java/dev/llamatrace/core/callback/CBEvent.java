package dev.llamatrace.core.callback;

import dev.llamatrace.core.internal.FrozenMap;
import java.time.Instant;
import java.util.Map;

/**
 * One recorded start or end of a callback event.
 *
 * @param type the event type
 * @param payload the payload keyed by {@link EventPayload#value()}; empty when none was given
 * @param time when it was recorded, from the monotonic clock (see {@link dev.llamatrace.core.internal.TimeAnchor})
 * @param id the event id; a start and its end share it
 */
public record CBEvent(CBEventType type, Map<String, Object> payload, Instant time, String id) {

    /**
     * Creates an event, copying the payload (null values allowed).
     *
     * @param type the event type
     * @param payload the payload
     * @param time when it was recorded
     * @param id the event id
     */
    public CBEvent {
        payload = FrozenMap.copyOf(payload);
    }
}
