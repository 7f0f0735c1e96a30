package dev.llamatrace.core.span;

import java.util.Collection;
import java.util.Collections;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A span handler that keeps its own span objects while they are open, LlamaIndex-style: subclasses implement the three
 * template steps {@link #newSpan}, {@link #prepareToExitSpan} and {@link #prepareToDropSpan}.
 *
 * <p>Open spans are bounded: when {@code maxOpenSpans} spans are open, new ones are not tracked and counted in
 * {@link #untrackedSpanCount()} (a span that never ends, e.g. an abandoned future, would otherwise stay forever).
 *
 * @param <S> the span type
 */
public abstract class AbstractSpanHandler<S extends Span> implements SpanHandler<S> {

    /** The default cap on open spans. */
    public static final int DEFAULT_MAX_OPEN_SPANS = 10_000;

    private final ConcurrentMap<String, S> openSpans = new ConcurrentHashMap<>();

    private final LongAdder untracked = new LongAdder();

    private final int maxOpenSpans;

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
        this.maxOpenSpans = maxOpenSpans;
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
     * Completes an open span that ended abnormally.
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
        if (this.openSpans.containsKey(id)) {
            return;
        }
        if (this.openSpans.size() >= this.maxOpenSpans) {
            this.untracked.increment();
            return;
        }
        S span = newSpan(invocation);
        if (span != null) {
            this.openSpans.put(id, span);
        }
    }

    @Override
    public final void spanExit(SpanInvocation invocation, @Nullable Object result, long endNanos) {
        S span = this.openSpans.get(invocation.id());
        if (span != null && prepareToExitSpan(span, invocation, result, endNanos)) {
            this.openSpans.remove(invocation.id());
        }
    }

    @Override
    public final void spanDrop(SpanInvocation invocation, Throwable error, long endNanos) {
        S span = this.openSpans.get(invocation.id());
        if (span != null && prepareToDropSpan(span, invocation, error, endNanos)) {
            this.openSpans.remove(invocation.id());
        }
    }

    @Override
    public @Nullable S openSpan(String spanId) {
        return this.openSpans.get(spanId);
    }

    /**
     * Returns the spans open now.
     *
     * @return an unmodifiable view
     */
    public Collection<S> openSpans() {
        return Collections.unmodifiableCollection(this.openSpans.values());
    }

    /**
     * Returns how many spans were not tracked because {@code maxOpenSpans} spans were already open.
     *
     * @return the count
     */
    public long untrackedSpanCount() {
        return this.untracked.sum();
    }
}
