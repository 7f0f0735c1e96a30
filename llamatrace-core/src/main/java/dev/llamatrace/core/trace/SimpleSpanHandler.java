package dev.llamatrace.core.trace;

import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.AbstractSpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Keeps spans with their timing, outcome and events, and shows them as trace trees (as data and as text).
 *
 * <p>Unlike LlamaIndex's handler, memory is bounded: at most {@code capacity} ended spans (completed and dropped
 * together) are retained, the oldest evicted first and counted in {@link #evictionCount()}; each span keeps at most
 * {@code maxEventsPerSpan} events. {@link #completedCount()} and {@link #droppedCount()} stay exact after eviction.
 *
 * <p>Attach it as a span handler and, to see events inside spans, as an event handler too:
 *
 * <pre>{@code
 * SimpleSpanHandler handler = new SimpleSpanHandler();
 * root.addSpanHandler(handler);
 * root.addEventHandler(handler);
 * }</pre>
 *
 * <p>It is thread-safe: spans may start and end on any thread.
 */
public final class SimpleSpanHandler extends AbstractSpanHandler<SimpleSpan> implements EventHandler {

    /** The default number of ended spans retained. */
    public static final int DEFAULT_CAPACITY = 10_000;

    /** The default number of events kept per span. */
    public static final int DEFAULT_MAX_EVENTS_PER_SPAN = 256;

    private final RetainedSpans retained;

    private final int maxEventsPerSpan;

    private final ContentLimit content;

    private final UnaryOperator<Event> events;

    private final LongAdder completed = new LongAdder();

    private final LongAdder dropped = new LongAdder();

    /** Creates a handler with the default capacity and per-span event cap. */
    public SimpleSpanHandler() {
        this(DEFAULT_CAPACITY, DEFAULT_MAX_EVENTS_PER_SPAN);
    }

    /**
     * Creates a handler retaining at most {@code capacity} ended spans.
     *
     * @param capacity the cap on retained spans, at least 1
     */
    public SimpleSpanHandler(int capacity) {
        this(capacity, DEFAULT_MAX_EVENTS_PER_SPAN);
    }

    /**
     * Creates a handler with explicit bounds.
     *
     * @param capacity the cap on retained ended spans, at least 1
     * @param maxEventsPerSpan the cap on events kept per span, at least 0
     */
    public SimpleSpanHandler(int capacity, int maxEventsPerSpan) {
        this(capacity, maxEventsPerSpan, ContentLimit.ALL, UnaryOperator.identity());
    }

    /**
     * Creates a handler with explicit bounds that keeps a reduced form of what it records: an error as
     * {@code content} keeps its message and each event as {@code events} turns it, e.g. into a
     * stand-in without its content. Both apply when recorded, so retained spans never hold more.
     *
     * @param capacity the cap on retained ended spans, at least 1
     * @param maxEventsPerSpan the cap on events kept per span, at least 0
     * @param content how much of a dropped span's error is kept
     * @param events what is kept of each event attached to a span
     */
    public SimpleSpanHandler(int capacity, int maxEventsPerSpan, ContentLimit content, UnaryOperator<Event> events) {
        if (maxEventsPerSpan < 0) {
            throw new IllegalArgumentException("maxEventsPerSpan must not be negative, was " + maxEventsPerSpan);
        }
        this.retained = new RetainedSpans(capacity);
        this.maxEventsPerSpan = maxEventsPerSpan;
        this.content = Objects.requireNonNull(content, "content");
        this.events = Objects.requireNonNull(events, "events");
    }

    @Override
    protected SimpleSpan newSpan(SpanInvocation span) {
        return new SimpleSpan(span, this.maxEventsPerSpan);
    }

    @Override
    protected boolean prepareToExitSpan(
            SimpleSpan span, SpanInvocation invocation, @Nullable Object result, long endNanos) {
        span.exit(endNanos);
        this.retained.add(span);
        this.completed.increment();
        return true;
    }

    @Override
    protected boolean prepareToDropSpan(SimpleSpan span, SpanInvocation invocation, Throwable error, long endNanos) {
        span.drop(endNanos, error, this.content);
        this.retained.add(span);
        this.dropped.increment();
        return true;
    }

    /**
     * Attaches an event to the open span it belongs to; events outside any tracked open span are ignored.
     *
     * @param event the event
     */
    @Override
    public void handle(Event event) {
        String spanId = event.spanId();
        if (spanId != null) {
            SimpleSpan span = openSpan(spanId);
            if (span != null) {
                // Only an event that will be kept is worth reducing.
                span.addEvent(span.hasRoomForEvents() ? this.events.apply(event) : event);
            }
        }
    }

    /**
     * Returns the retained spans that completed normally, oldest first.
     *
     * @return an immutable list
     */
    public List<SimpleSpan> completedSpans() {
        return retainedWith(SimpleSpan.Outcome.EXITED);
    }

    /**
     * Returns the retained spans that were dropped, oldest first.
     *
     * @return an immutable list
     */
    public List<SimpleSpan> droppedSpans() {
        return retainedWith(SimpleSpan.Outcome.DROPPED);
    }

    /**
     * Returns how many spans completed normally since creation or {@link #clear()}, evicted ones included.
     *
     * @return the count
     */
    public long completedCount() {
        return this.completed.sum();
    }

    /**
     * Returns how many spans were dropped since creation or {@link #clear()}, evicted ones included.
     *
     * @return the count
     */
    public long droppedCount() {
        return this.dropped.sum();
    }

    /**
     * Returns how many ended spans were evicted to stay within the capacity.
     *
     * @return the count
     */
    public long evictionCount() {
        return this.retained.evictions();
    }

    /**
     * Returns the cap on retained ended spans.
     *
     * @return the capacity
     */
    public int capacity() {
        return this.retained.capacity();
    }

    /**
     * Returns the trace trees of the retained and open spans, the most recently started trace first.
     *
     * @return the trees
     */
    public List<TraceTree> traces() {
        return TraceTrees.build(consistentSnapshot());
    }

    /**
     * The retained and open spans, with every parent that is still known: a parent that started or ended while the open
     * spans were read can be missing from both reads although its children are in them, and its children would then
     * show as roots. Such parents are looked up one by one (an open span first, then a fresh retained snapshot, since a
     * span is retained before it leaves the open spans), so only a parent evicted from the retained spans stays missing;
     * the children of such a parent were evicted before it, and are left out.
     */
    private List<SimpleSpan> consistentSnapshot() {
        List<SimpleSpan> spans = new ArrayList<>(openSpans());
        spans.addAll(this.retained.snapshot());
        Set<String> known = new HashSet<>();
        for (SimpleSpan span : spans) {
            known.add(span.id());
        }
        ArrayDeque<String> missing = new ArrayDeque<>();
        for (SimpleSpan span : spans) {
            String parentId = span.parentId();
            if (parentId != null && !known.contains(parentId)) {
                missing.add(parentId);
            }
        }
        while (!missing.isEmpty()) {
            String id = missing.poll();
            if (known.contains(id)) {
                continue;
            }
            SimpleSpan parent = openSpan(id);
            if (parent == null) {
                parent = this.retained.find(id);
            }
            if (parent != null) {
                known.add(id);
                spans.add(parent);
                String grandparentId = parent.parentId();
                if (grandparentId != null && !known.contains(grandparentId)) {
                    missing.add(grandparentId);
                }
            }
        }
        boolean orphans = false;
        for (SimpleSpan span : spans) {
            String parentId = span.parentId();
            orphans |= parentId != null && !known.contains(parentId);
        }
        if (orphans) {
            // A parent still missing was evicted after the first reads; so were its children (they ended, and were
            // retained, before it), which are then stale: keep only spans that are still open or retained.
            Set<String> current = new HashSet<>();
            openSpans().forEach((span) -> current.add(span.id()));
            this.retained.snapshot().forEach((span) -> current.add(span.id()));
            spans.removeIf((span) -> !current.contains(span.id()));
        }
        return spans;
    }

    /**
     * Returns the trace whose root span has the given id.
     *
     * @param rootSpanId the id of the root span
     * @return the trace, or empty when no retained or open span is a root with that id
     */
    public Optional<TraceTree> trace(String rootSpanId) {
        return traces().stream()
                .filter((tree) -> tree.rootId().equals(rootSpanId))
                .findFirst();
    }

    /**
     * Returns the root span ids of the most recently started traces.
     *
     * @param limit the most ids to return, at least 0
     * @return up to {@code limit} ids, most recent first
     */
    public List<String> recentTraceIds(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        return traces().stream().limit(limit).map(TraceTree::rootId).toList();
    }

    /**
     * Renders the trace trees as text, oldest trace first, the way LlamaIndex prints them: one line per span,
     * {@code "<id> (<duration in seconds>)"}, children indented under their parent and ordered by start time, and a
     * blank line after each tree. Open spans show {@code (open)}.
     *
     * @return the text, empty when there are no spans
     */
    public String printTraceTrees() {
        List<TraceTree> chronological = new ArrayList<>(traces());
        Collections.reverse(chronological);
        return TraceTrees.print(chronological);
    }

    /** Forgets the retained spans and resets the counts; open spans are kept and still end normally. */
    public void clear() {
        this.retained.clear();
        this.completed.reset();
        this.dropped.reset();
    }

    private List<SimpleSpan> retainedWith(SimpleSpan.Outcome outcome) {
        return this.retained.snapshot().stream()
                .filter((span) -> span.outcome() == outcome)
                .toList();
    }
}
