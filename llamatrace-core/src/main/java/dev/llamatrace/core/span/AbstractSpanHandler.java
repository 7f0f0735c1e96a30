package dev.llamatrace.core.span;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A span handler that keeps its own span objects while they are open, LlamaIndex-style: subclasses implement the three
 * template steps {@link #newSpan}, {@link #prepareToExitSpan} and {@link #prepareToDropSpan}.
 *
 * <p>Open spans are bounded: when more than {@code maxOpenSpans} spans are open, the oldest ones are evicted: dropped
 * through {@link #prepareToDropSpan} with an {@link AbandonedSpanException} and counted in
 * {@link #evictedOpenSpanCount()}. A span that never ends (an abandoned future, a stream nobody closes) would otherwise
 * stay forever, and once the cap filled up with such spans no new span would be tracked at all. Eviction is this
 * handler's own: the dispatcher and other handlers still see the span open until the application ends it, which then
 * reaches this handler as an unknown span and is ignored.
 *
 * @param <S> the span type
 */
public abstract class AbstractSpanHandler<S extends Span> implements SpanHandler<S> {

    /** The default cap on open spans. */
    public static final int DEFAULT_MAX_OPEN_SPANS = 10_000;

    private final BoundedOpenMap<Tracked<S>> openSpans;

    /** Creates a handler keeping at most {@value #DEFAULT_MAX_OPEN_SPANS} open spans. */
    protected AbstractSpanHandler() {
        this(DEFAULT_MAX_OPEN_SPANS);
    }

    /**
     * Creates a handler keeping at most {@code maxOpenSpans} open spans.
     *
     * @param maxOpenSpans the cap, at least 1
     */
    protected AbstractSpanHandler(int maxOpenSpans) {
        if (maxOpenSpans < 1) {
            throw new IllegalArgumentException("maxOpenSpans must be at least 1, was " + maxOpenSpans);
        }
        this.openSpans = new BoundedOpenMap<>(
                maxOpenSpans,
                (id, tracked) -> prepareToDropSpan(
                        tracked.span(),
                        tracked.invocation(),
                        AbandonedSpanException.evicted(id, maxOpenSpans),
                        System.nanoTime()));
    }

    /**
     * Creates the span object for a span that started.
     *
     * @param span the started span
     * @return the span to keep open, or {@code null} not to track it
     */
    protected abstract @Nullable S newSpan(SpanInvocation span);

    /**
     * Completes an open span that finished normally.
     *
     * @param span the kept span
     * @param invocation the span as the dispatcher sees it
     * @param result the result of the covered work
     * @param endNanos the clock reading at exit
     * @return {@code true} to close it, {@code false} to keep it open
     */
    protected abstract boolean prepareToExitSpan(
            S span, SpanInvocation invocation, @Nullable Object result, long endNanos);

    /**
     * Completes an open span that ended abnormally, or that is evicted at the open-span cap (then {@code error} is an
     * {@link AbandonedSpanException} and the span is closed whatever this returns).
     *
     * @param span the kept span
     * @param invocation the span as the dispatcher sees it
     * @param error why it ended
     * @param endNanos the clock reading at drop
     * @return {@code true} to close it, {@code false} to keep it open
     */
    protected abstract boolean prepareToDropSpan(S span, SpanInvocation invocation, Throwable error, long endNanos);

    @Override
    public final void spanEnter(SpanInvocation invocation) {
        String id = invocation.id();
        if (this.openSpans.get(id) != null) {
            return;
        }
        S span = newSpan(invocation);
        if (span != null) {
            this.openSpans.put(id, new Tracked<>(span, invocation), invocation.startNanos());
        }
    }

    @Override
    public final void spanExit(SpanInvocation invocation, @Nullable Object result, long endNanos) {
        this.openSpans.end(
                invocation.id(), (tracked) -> prepareToExitSpan(tracked.span(), invocation, result, endNanos));
    }

    @Override
    public final void spanDrop(SpanInvocation invocation, Throwable error, long endNanos) {
        this.openSpans.end(
                invocation.id(), (tracked) -> prepareToDropSpan(tracked.span(), invocation, error, endNanos));
    }

    @Override
    public @Nullable S openSpan(String spanId) {
        Tracked<S> tracked = this.openSpans.get(spanId);
        return (tracked != null) ? tracked.span() : null;
    }

    @Override
    public final Collection<SpanInvocation> openSpanInvocations() {
        List<Tracked<S>> open = this.openSpans.values();
        List<SpanInvocation> invocations = new ArrayList<>(open.size());
        for (Tracked<S> tracked : open) {
            invocations.add(tracked.invocation());
        }
        return Collections.unmodifiableList(invocations);
    }

    /**
     * Returns the spans open now.
     *
     * @return an unmodifiable snapshot
     */
    public Collection<S> openSpans() {
        List<Tracked<S>> open = this.openSpans.values();
        List<S> spans = new ArrayList<>(open.size());
        for (Tracked<S> tracked : open) {
            spans.add(tracked.span());
        }
        return Collections.unmodifiableList(spans);
    }

    /**
     * Returns how many open spans were evicted, oldest first, because more than {@code maxOpenSpans} spans were open.
     *
     * @return the count
     */
    public long evictedOpenSpanCount() {
        return this.openSpans.evictedCount();
    }

    /**
     * Returns the cap on open spans.
     *
     * @return {@code maxOpenSpans}
     */
    public int maxOpenSpans() {
        return this.openSpans.capacity();
    }

    private record Tracked<S>(S span, SpanInvocation invocation) {}
}
