package dev.llamatrace.core.handler;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A trace the {@link LlamaDebugHandler} saw end.
 *
 * @param traceId the trace id, e.g. {@code query}; not unique across traces
 * @param traceMap parent event id to child event ids, from {@value dev.llamatrace.core.callback.EventPayload#BASE_TRACE_EVENT}
 * @param endedAt when it ended
 */
public record DebugTrace(String traceId, Map<String, List<String>> traceMap, Instant endedAt) {

    /**
     * Creates a trace, copying the map.
     *
     * @param traceId the trace id
     * @param traceMap the trace map
     * @param endedAt when it ended
     */
    public DebugTrace {
        traceMap = Map.copyOf(traceMap);
    }
}
