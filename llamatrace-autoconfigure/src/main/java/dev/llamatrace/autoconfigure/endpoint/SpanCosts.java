package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.TraceNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The cost of spans and traces as the endpoint shows them, from the costs the counts carry: a span's LLM call's cost,
 * or the sum of its embedding counts' costs (one per text when the tokenizer counted them), as the exported span
 * carries them; a trace's cost is the sum of its spans' per currency, exact.
 */
final class SpanCosts {

    private SpanCosts() {}

    /**
     * Returns the cost of a span.
     *
     * @param span the span
     * @param llmCount the span's LLM count, if it has one
     * @return the cost, {@code null} when the span counted nothing priced
     */
    static @Nullable Cost of(SimpleSpan span, @Nullable TokenCountingEvent llmCount) {
        if (llmCount != null) {
            return llmCount.cost();
        }
        Cost sum = null;
        for (Event event : span.events()) {
            if (event instanceof TokenCountingEvent counted && counted.operation() == EventKind.EMBEDDING) {
                Cost cost = counted.cost();
                // One currency per span, as its exported attributes have it.
                if (cost != null && (sum == null || sum.currency().equals(cost.currency()))) {
                    sum = (sum != null) ? sum.plus(cost) : cost;
                }
            }
        }
        return sum;
    }

    /**
     * Returns the cost of a trace per currency.
     *
     * @param root the trace's root
     * @param tokensBySpan the token counting handler's LLM counts by span id
     * @return currency to the amount as plain text, currencies in alphabetical order; empty when nothing was priced
     */
    static Map<String, String> trace(TraceNode root, Map<String, TokenCountingEvent> tokensBySpan) {
        Map<String, Cost> sums = new TreeMap<>();
        Descriptors.spans(root).forEach((span) -> {
            Cost cost = of(span, Descriptors.llmCount(span, tokensBySpan));
            if (cost != null) {
                sums.merge(cost.currency(), cost, Cost::plus);
            }
        });
        Map<String, String> amounts = new LinkedHashMap<>();
        sums.forEach((currency, sum) -> amounts.put(currency, sum.plainAmount()));
        return amounts;
    }
}
