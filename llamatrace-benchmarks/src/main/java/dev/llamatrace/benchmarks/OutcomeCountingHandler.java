package dev.llamatrace.benchmarks;

import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * A span handler that counts how spans start (root or child) and how they end (with a result, without one, or
 * dropped), the numbers a health or sampling decision would look at.
 */
final class OutcomeCountingHandler implements SpanHandler<Span> {

    private final LongAdder roots = new LongAdder();

    private final LongAdder children = new LongAdder();

    private final LongAdder withResult = new LongAdder();

    private final LongAdder withoutResult = new LongAdder();

    private final LongAdder dropped = new LongAdder();

    @Override
    public void spanEnter(SpanInvocation span) {
        (span.parent() == null ? this.roots : this.children).increment();
    }

    @Override
    public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
        (result != null ? this.withResult : this.withoutResult).increment();
    }

    @Override
    public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
        this.dropped.increment();
    }

    long roots() {
        return this.roots.sum();
    }

    long children() {
        return this.children.sum();
    }

    long withResult() {
        return this.withResult.sum();
    }

    long withoutResult() {
        return this.withoutResult.sum();
    }

    long dropped() {
        return this.dropped.sum();
    }
}
