package dev.llamatrace.core.callback;

import dev.llamatrace.core.context.TraceContext;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's stack of open non-leaf callback events (immutable, linked to the one below).
 *
 * @param below the frame below, or {@code null} at the bottom
 * @param eventId the event id; {@value EventPayload#BASE_TRACE_EVENT} for the frame a trace opens
 * @param type the event type, or {@code null} for a trace frame
 * @param run the trace this frame belongs to, or {@code null} outside a trace
 * @param restore restores the span that was active before this frame's span was activated
 */
record Frame(
        @Nullable Frame below,
        String eventId,
        @Nullable CBEventType type,
        @Nullable TraceRun run,
        TraceContext.Scope restore) {

    boolean opensTrace() {
        return this.type == null;
    }
}
