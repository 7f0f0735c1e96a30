package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEvent;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.callback.EventStats;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.internal.TimeAnchor;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Records callback events for debugging (LlamaIndex's {@code LlamaDebugHandler}): events in order, by type and by id,
 * start/end pairs, timing statistics, and the trace map of each ended trace, printed in LlamaIndex's layout through
 * {@link System.Logger} (DEBUG by default). It sees callback events and the built-in events that map to a callback type
 * when subscribed with a {@link dev.llamatrace.core.callback.CallbackEventHandler}.
 *
 * <p>Unlike LlamaIndex, retention is bounded: at most {@code maxEvents} events (the oldest leave every view) and the
 * last {@code maxTraces} traces, with evictions counted; and statistics over no events are zeros, not an error.
 */
public final class LlamaDebugHandler implements CallbackHandler {

    /** Default cap on retained events. */
    public static final int DEFAULT_MAX_EVENTS = 10_000;

    /** Default cap on retained traces. */
    public static final int DEFAULT_MAX_TRACES = 100;

    private static final System.Logger LOGGER = System.getLogger(LlamaDebugHandler.class.getName());

    private final DebugEventStore events;

    private final int maxTraces;

    private final ArrayDeque<DebugTrace> traces = new ArrayDeque<>();

    private long evictedTraces;

    private final boolean printTraceOnEnd;

    private final Level printLevel;

    private final Set<CBEventType> startsToIgnore;

    private final Set<CBEventType> endsToIgnore;

    private final ContentLimit content;

    private LlamaDebugHandler(Builder builder) {
        this.events = new DebugEventStore(builder.maxEvents);
        this.maxTraces = builder.maxTraces;
        this.printTraceOnEnd = builder.printTraceOnEnd;
        this.printLevel = builder.printLevel;
        this.startsToIgnore = builder.startsToIgnore;
        this.endsToIgnore = builder.endsToIgnore;
        this.content = builder.content;
    }

    /**
     * Creates a handler with the defaults: 10,000 events, 100 traces, trace map printed at DEBUG on trace end.
     *
     * @return the handler
     */
    public static LlamaDebugHandler create() {
        return builder().build();
    }

    /**
     * Returns a builder.
     *
     * @return a builder with the defaults of {@link #create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public void onEventStart(CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
        this.events.add(new CBEvent(type, kept(payload), TimeAnchor.toInstant(System.nanoTime()), eventId));
    }

    @Override
    public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {
        this.events.add(new CBEvent(type, kept(payload), TimeAnchor.toInstant(System.nanoTime()), eventId));
    }

    /** The payload as the content limit keeps it: as is, without any value, or each value as text, cut. */
    private Map<String, Object> kept(Map<String, Object> payload) {
        if (this.content.keepsObjects()) {
            return payload;
        }
        if (!this.content.retained()) {
            return Map.of();
        }
        Map<String, Object> kept = new LinkedHashMap<>();
        payload.forEach((key, value) -> {
            Object text = this.content.keep(value);
            if (text != null) {
                kept.put(key, text);
            }
        });
        return kept;
    }

    @Override
    public void endTrace(String traceId, Map<String, List<String>> traceMap) {
        DebugTrace trace = new DebugTrace(traceId, traceMap, TimeAnchor.toInstant(System.nanoTime()));
        synchronized (this.traces) {
            if (this.traces.size() == this.maxTraces) {
                this.traces.pollFirst();
                this.evictedTraces++;
            }
            this.traces.addLast(trace);
        }
        if (this.printTraceOnEnd && LOGGER.isLoggable(this.printLevel)) {
            LOGGER.log(this.printLevel, formatTraceMap(trace));
        }
    }

    /**
     * Returns the recorded events of a type, or all in order.
     *
     * @param type the type, or {@code null} for all
     * @return the retained events, oldest first
     */
    public List<CBEvent> getEvents(@Nullable CBEventType type) {
        return this.events.events(type);
    }

    /**
     * Returns events grouped by id (a start and its end; a group may hold only a start), ordered by the time of each
     * group's first event.
     *
     * @param type the type, or {@code null} for all
     * @return the groups
     */
    public List<List<CBEvent>> getEventPairs(@Nullable CBEventType type) {
        Map<String, List<CBEvent>> groups = new LinkedHashMap<>();
        for (CBEvent event : this.events.events(type)) {
            groups.computeIfAbsent(event.id(), (id) -> new ArrayList<>(2)).add(event);
        }
        List<List<CBEvent>> pairs = new ArrayList<>(groups.values());
        pairs.sort(Comparator.comparing((List<CBEvent> pair) -> pair.get(0).time()));
        return pairs;
    }

    /**
     * Returns the LLM event pairs: each call's start (inputs) and end (outputs).
     *
     * @return the LLM groups
     */
    public List<List<CBEvent>> getLlmInputsOutputs() {
        return getEventPairs(CBEventType.LLM);
    }

    /**
     * Returns timing statistics over the event pairs of a type: summed and average duration from each group's first to
     * its last event, and the number of groups. No events give zeros.
     *
     * @param type the type, or {@code null} for all
     * @return the statistics
     */
    public EventStats getEventTimeInfo(@Nullable CBEventType type) {
        List<List<CBEvent>> pairs = getEventPairs(type);
        if (pairs.isEmpty()) {
            return EventStats.EMPTY;
        }
        Duration total = Duration.ZERO;
        for (List<CBEvent> pair : pairs) {
            total = total.plus(TraceMapPrinter.elapsed(pair));
        }
        double totalSecs = total.toNanos() / 1e9;
        return new EventStats(totalSecs, totalSecs / pairs.size(), pairs.size());
    }

    /** Clears the recorded events (not the traces). */
    public void flushEventLogs() {
        this.events.clear();
    }

    /**
     * Returns the retained traces, oldest first.
     *
     * @return at most {@code maxTraces} traces
     */
    public List<DebugTrace> getTraces() {
        synchronized (this.traces) {
            return List.copyOf(this.traces);
        }
    }

    /**
     * Renders the most recently ended trace, logs it at the configured level and returns it.
     *
     * @return the rendered trace map; empty when no trace ended yet
     */
    public String printTraceMap() {
        DebugTrace last;
        synchronized (this.traces) {
            last = this.traces.peekLast();
        }
        if (last == null) {
            return "";
        }
        String text = formatTraceMap(last);
        LOGGER.log(this.printLevel, text);
        return text;
    }

    /**
     * Renders a trace map in LlamaIndex's layout with the durations of the events still retained.
     *
     * @param trace the trace
     * @return the text, lines separated by {@code \n}
     */
    public String formatTraceMap(DebugTrace trace) {
        return TraceMapPrinter.print(trace.traceId(), trace.traceMap(), this.events::eventsOf);
    }

    /**
     * Returns how many events were dropped at the event cap.
     *
     * @return the eviction count
     */
    public long evictedEvents() {
        return this.events.evicted();
    }

    /**
     * Returns how many traces were dropped at the trace cap.
     *
     * @return the eviction count
     */
    public long evictedTraces() {
        synchronized (this.traces) {
            return this.evictedTraces;
        }
    }

    @Override
    public Set<CBEventType> eventStartsToIgnore() {
        return this.startsToIgnore;
    }

    @Override
    public Set<CBEventType> eventEndsToIgnore() {
        return this.endsToIgnore;
    }

    /** Configures a {@link LlamaDebugHandler}. */
    public static final class Builder {

        private int maxEvents = DEFAULT_MAX_EVENTS;

        private int maxTraces = DEFAULT_MAX_TRACES;

        private boolean printTraceOnEnd = true;

        private Level printLevel = Level.DEBUG;

        private Set<CBEventType> startsToIgnore = Set.of();

        private Set<CBEventType> endsToIgnore = Set.of();

        private ContentLimit content = ContentLimit.ALL;

        private Builder() {}

        /**
         * Sets how much of each payload value is kept when an event is recorded.
         *
         * @param content {@link ContentLimit#ALL} by default; {@link ContentLimit#NONE} keeps events without payload
         *     values (timings, pairs and trace maps still work)
         * @return this builder
         */
        public Builder contentLimit(ContentLimit content) {
            this.content = Objects.requireNonNull(content, "content");
            return this;
        }

        /**
         * Sets the cap on retained events.
         *
         * @param maxEvents at least 1
         * @return this builder
         */
        public Builder maxEvents(int maxEvents) {
            this.maxEvents = BoundedBuffer.requirePositive(maxEvents, "maxEvents");
            return this;
        }

        /**
         * Sets the cap on retained traces.
         *
         * @param maxTraces at least 1
         * @return this builder
         */
        public Builder maxTraces(int maxTraces) {
            this.maxTraces = BoundedBuffer.requirePositive(maxTraces, "maxTraces");
            return this;
        }

        /**
         * Sets whether the trace map is logged when a trace ends.
         *
         * @param printTraceOnEnd {@code true} by default
         * @return this builder
         */
        public Builder printTraceOnEnd(boolean printTraceOnEnd) {
            this.printTraceOnEnd = printTraceOnEnd;
            return this;
        }

        /**
         * Sets the level trace maps are logged at.
         *
         * @param printLevel {@code DEBUG} by default; {@code INFO} to see them without debug logging
         * @return this builder
         */
        public Builder printLevel(Level printLevel) {
            this.printLevel = Objects.requireNonNull(printLevel, "printLevel");
            return this;
        }

        /**
         * Sets the event types whose starts are not recorded.
         *
         * @param types the types
         * @return this builder
         */
        public Builder eventStartsToIgnore(Set<CBEventType> types) {
            this.startsToIgnore = Set.copyOf(types);
            return this;
        }

        /**
         * Sets the event types whose ends are not recorded.
         *
         * @param types the types
         * @return this builder
         */
        public Builder eventEndsToIgnore(Set<CBEventType> types) {
            this.endsToIgnore = Set.copyOf(types);
            return this;
        }

        /**
         * Builds the handler.
         *
         * @return the handler
         */
        public LlamaDebugHandler build() {
            return new LlamaDebugHandler(this);
        }
    }
}
