package dev.llamatrace.core.callback;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a thread's stack of open non-leaf callback events (immutable, linked to the one below, so snapshots of
 * the trace context can share it).
 *
 * @param below the frame below, or {@code null} at the bottom
 * @param eventId the event id; {@value EventPayload#BASE_TRACE_EVENT} for the frame a trace opens
 * @param type the event type, or {@code null} for a trace frame
 * @param run the trace this frame belongs to, or {@code null} outside a trace
 * @param activated whether this frame's span was made the active span
 * @param previous the span that was active before, put back when the frame is popped (on whichever thread pops it)
 * @param owner the thread that opened the trace, for a trace frame; a task that inherited the frame through the trace
 *     context joins the trace's map but does not own it
 */
record Frame(
        @Nullable Frame below,
        String eventId,
        @Nullable CBEventType type,
        @Nullable TraceRun run,
        boolean activated,
        @Nullable SpanInvocation previous,
        @Nullable Thread owner) {

    boolean opensTrace() {
        return this.type == null;
    }

    /** Whether this is a trace frame the current thread opened itself. */
    boolean isOwnTrace() {
        return this.type == null && this.owner == Thread.currentThread();
    }

    /** Puts back the span that was active before this frame's span was activated, if it was. */
    void restoreSpan() {
        if (this.activated) {
            TraceContext.replaceSpan(this.previous);
        }
    }
}
