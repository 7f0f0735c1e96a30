package dev.llamatrace.benchmarks;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.StreamChatDeltaReceivedEvent;
import java.util.concurrent.atomic.LongAdder;

/**
 * An event handler that counts events per phase and, for streamed chat deltas, the characters received: what a
 * streaming-throughput gauge needs per chunk.
 */
final class StreamStatsHandler implements EventHandler {

    private final LongAdder[] byPhase;

    private final LongAdder deltaChars = new LongAdder();

    StreamStatsHandler() {
        int phases = EventPhase.values().length;
        this.byPhase = new LongAdder[phases];
        for (int i = 0; i < phases; i++) {
            this.byPhase[i] = new LongAdder();
        }
    }

    @Override
    public void handle(Event event) {
        this.byPhase[event.phase().ordinal()].increment();
        if (event instanceof StreamChatDeltaReceivedEvent delta) {
            this.deltaChars.add(delta.delta().length());
        }
    }

    long events() {
        long sum = 0;
        for (LongAdder count : this.byPhase) {
            sum += count.sum();
        }
        return sum;
    }

    long deltaChars() {
        return this.deltaChars.sum();
    }
}
