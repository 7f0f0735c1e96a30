package dev.llamatrace.core.callback;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * The operations a {@link CallbackEventHandler} delivered a start for and no end yet, by span id, so that an
 * exception reported in the span can end the operation as LlamaIndex does ({@code on_event_end(LLM, {exception})}).
 *
 * <p>Bounded: at most {@value #MAX_OPEN} operations are remembered (worst case about 2 MB with 150-character span
 * ids); beyond that new starts are not remembered and counted, and an exception in their span is delivered as an
 * {@link CBEventType#EXCEPTION} start, as if no operation were open. A dropped span forgets its operation, so only
 * spans that exit with an operation still open stay until then.
 */
final class OpenStarts {

    static final int MAX_OPEN = 10_000;

    private final ConcurrentMap<String, CBEventType> open = new ConcurrentHashMap<>();

    private final LongAdder untracked = new LongAdder();

    void started(String spanId, CBEventType type) {
        if (this.open.size() < MAX_OPEN || this.open.containsKey(spanId)) {
            this.open.put(spanId, type);
        } else {
            this.untracked.increment();
        }
    }

    /** Forgets the operation open in a span and returns its type. */
    @Nullable
    CBEventType ended(String spanId) {
        return this.open.remove(spanId);
    }

    int size() {
        return this.open.size();
    }

    long untrackedCount() {
        return this.untracked.sum();
    }
}
