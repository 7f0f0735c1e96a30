package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventPhase;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The start or end of an outermost trace of a {@link CallbackManager}. The end carries the trace map of that trace
 * alone; a {@link CallbackEventHandler} turns these into {@link CallbackHandler#startTrace} and
 * {@link CallbackHandler#endTrace} calls.
 */
public final class CallbackTraceEvent extends Event {

    private final EventPhase phase;

    private final String traceId;

    private final Map<String, List<String>> traceMap;

    /**
     * Creates the event.
     *
     * @param spanId the span of the trace, or {@code null} when no span handler listens
     * @param phase {@link EventPhase#START} or {@link EventPhase#END}
     * @param traceId the trace id
     * @param traceMap parent event id to child event ids (empty at the start); taken as is, not copied
     */
    public CallbackTraceEvent(
            @Nullable String spanId, EventPhase phase, String traceId, Map<String, List<String>> traceMap) {
        super(spanId);
        if (phase != EventPhase.START && phase != EventPhase.END) {
            throw new IllegalArgumentException("A trace starts or ends, was " + phase);
        }
        this.phase = phase;
        this.traceId = traceId;
        this.traceMap = traceMap;
    }

    /**
     * Returns the trace id.
     *
     * @return the id
     */
    public String traceId() {
        return this.traceId;
    }

    /**
     * Returns the trace map: parent event id to its child event ids in start order.
     *
     * @return an unmodifiable map; empty at the start
     */
    public Map<String, List<String>> traceMap() {
        return this.traceMap;
    }

    @Override
    public EventPhase phase() {
        return this.phase;
    }
}
