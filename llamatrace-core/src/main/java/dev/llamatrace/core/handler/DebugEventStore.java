package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.CBEventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The debug handler's recorded events, in order and capped: when the cap is reached the oldest event is dropped and
 * counted. Recording is the hot path (two events per call) and only appends; the views by type and by id are built when
 * they are read (the endpoint, a printed trace map), by one pass over at most the cap. Thread-safe.
 */
final class DebugEventStore {

    private final int maxEvents;

    private final ArrayDeque<CBEvent> sequential = new ArrayDeque<>();

    private long evicted;

    DebugEventStore(int maxEvents) {
        this.maxEvents = BoundedBuffer.requirePositive(maxEvents, "maxEvents");
    }

    synchronized void add(CBEvent event) {
        if (this.sequential.size() == this.maxEvents) {
            this.sequential.pollFirst();
            this.evicted++;
        }
        this.sequential.addLast(event);
    }

    synchronized List<CBEvent> events(@Nullable CBEventType type) {
        if (type == null) {
            return List.copyOf(this.sequential);
        }
        List<CBEvent> events = new ArrayList<>();
        for (CBEvent event : this.sequential) {
            if (event.type() == type) {
                events.add(event);
            }
        }
        return List.copyOf(events);
    }

    synchronized List<CBEvent> eventsOf(String id) {
        List<CBEvent> events = new ArrayList<>(2);
        for (CBEvent event : this.sequential) {
            if (event.id().equals(id)) {
                events.add(event);
            }
        }
        return List.copyOf(events);
    }

    synchronized long evicted() {
        return this.evicted;
    }

    synchronized int size() {
        return this.sequential.size();
    }

    synchronized void clear() {
        this.sequential.clear();
    }
}
