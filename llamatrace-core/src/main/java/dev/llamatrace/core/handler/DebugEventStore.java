package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.CBEventType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The debug handler's three views of the same recorded events (in order, by type, by id), capped together: when the cap
 * is reached the oldest event leaves all three views and is counted. Thread-safe.
 */
final class DebugEventStore {

    private final int maxEvents;

    private final ArrayDeque<CBEvent> sequential = new ArrayDeque<>();

    private final Map<CBEventType, ArrayDeque<CBEvent>> byType = new EnumMap<>(CBEventType.class);

    private final Map<String, List<CBEvent>> byId = new LinkedHashMap<>();

    private long evicted;

    DebugEventStore(int maxEvents) {
        this.maxEvents = BoundedBuffer.requirePositive(maxEvents, "maxEvents");
    }

    synchronized void add(CBEvent event) {
        if (this.sequential.size() == this.maxEvents) {
            evictOldest();
        }
        this.sequential.addLast(event);
        this.byType.computeIfAbsent(event.type(), (type) -> new ArrayDeque<>()).addLast(event);
        this.byId.computeIfAbsent(event.id(), (id) -> new ArrayList<>(2)).add(event);
    }

    private void evictOldest() {
        CBEvent oldest = this.sequential.pollFirst();
        if (oldest == null) {
            return;
        }
        this.evicted++;
        // The oldest event is the oldest of its type and of its id too: it is first in both (compared by identity, a
        // record's equals would compare payloads).
        ArrayDeque<CBEvent> ofType = this.byType.get(oldest.type());
        if (ofType != null && !(ofType.peekFirst() == oldest && ofType.pollFirst() != null)) {
            ofType.removeFirstOccurrence(oldest);
        }
        List<CBEvent> ofId = this.byId.get(oldest.id());
        if (ofId != null) {
            if (!ofId.isEmpty() && ofId.get(0) == oldest) {
                ofId.remove(0);
            } else {
                ofId.remove(oldest);
            }
            if (ofId.isEmpty()) {
                this.byId.remove(oldest.id());
            }
        }
    }

    synchronized List<CBEvent> events(@Nullable CBEventType type) {
        Collection<CBEvent> events = (type != null) ? this.byType.get(type) : this.sequential;
        return (events != null) ? List.copyOf(events) : List.of();
    }

    synchronized List<CBEvent> eventsOf(String id) {
        List<CBEvent> events = this.byId.get(id);
        return (events != null) ? List.copyOf(events) : List.of();
    }

    synchronized Map<String, List<CBEvent>> byId() {
        Map<String, List<CBEvent>> copy = new LinkedHashMap<>();
        this.byId.forEach((id, events) -> copy.put(id, List.copyOf(events)));
        return copy;
    }

    synchronized long evicted() {
        return this.evicted;
    }

    synchronized int size() {
        return this.sequential.size();
    }

    synchronized void clear() {
        this.sequential.clear();
        this.byType.clear();
        this.byId.clear();
    }
}
