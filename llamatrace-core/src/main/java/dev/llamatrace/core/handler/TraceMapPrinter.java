package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.EventPayload;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Renders a trace map in LlamaIndex's layout: ten {@code *}, {@code Trace: <id>}, then a depth-first walk from
 * {@value EventPayload#BASE_TRACE_EVENT} with one {@code |_CBEventType.<TYPE> -> <seconds> seconds} line per event that
 * has recorded events (indented two spaces per level, four for the top events), then ten {@code *}.
 */
final class TraceMapPrinter {

    private static final String RULE = "*".repeat(10);

    private TraceMapPrinter() {}

    static String print(String traceId, Map<String, List<String>> traceMap, Function<String, List<CBEvent>> events) {
        StringBuilder out = new StringBuilder(RULE).append('\n');
        out.append("Trace: ").append(traceId).append('\n');
        walk(EventPayload.BASE_TRACE_EVENT, 1, traceMap, events, out, new HashSet<>());
        return out.append(RULE).toString();
    }

    private static void walk(
            String id,
            int level,
            Map<String, List<String>> traceMap,
            Function<String, List<CBEvent>> events,
            StringBuilder out,
            Set<String> visited) {
        if (!visited.add(id)) {
            return;
        }
        List<CBEvent> pair = events.apply(id);
        if (!pair.isEmpty()) {
            out.append(" ".repeat(level * 2))
                    .append("|_CBEventType.")
                    .append(pair.get(0).type().name())
                    .append(" -> ")
                    .append(seconds(elapsed(pair)))
                    .append(" seconds\n");
        }
        for (String child : traceMap.getOrDefault(id, List.of())) {
            walk(child, level + 1, traceMap, events, out, visited);
        }
    }

    /** The time from the first to the last event of a pair. */
    static Duration elapsed(List<CBEvent> pair) {
        return Duration.between(pair.get(0).time(), pair.get(pair.size() - 1).time());
    }

    /**
     * Seconds at microsecond resolution, as Python prints {@code timedelta.total_seconds()} ({@code 0.0},
     * {@code 1.25}, {@code 3.4e-05}).
     */
    static String seconds(Duration duration) {
        long micros = duration.toNanos() / 1_000;
        // Both operands are exact doubles, so the quotient is correctly rounded, as Python's true division is.
        return PythonFloat.repr(micros / 1e6);
    }
}
