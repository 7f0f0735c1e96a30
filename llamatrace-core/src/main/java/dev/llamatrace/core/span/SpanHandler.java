package dev.llamatrace.core.span;

import org.jspecify.annotations.Nullable;

/**
 * Told when spans are entered, exited (finished normally) and dropped (ended by an error). Every span gets exactly one
 * of exit or drop. Handlers run synchronously on the thread that entered or ended the span; a handler that throws is
 * isolated and counted. Extend {@link AbstractSpanHandler} to keep your own span objects; implement this interface
 * directly for handlers that keep none.
 *
 * @param <S> the type of span this handler keeps
 */
public interface SpanHandler<S extends Span> {

    /**
     * Called when a span starts.
     *
     * @param span the span
     */
    void spanEnter(SpanInvocation span);

    /**
     * Called when a span finishes normally.
     *
     * @param span the span
     * @param result the result of the covered work, or {@code null}
     * @param endNanos the {@link System#nanoTime()} reading at exit, the same for every handler
     */
    void spanExit(SpanInvocation span, @Nullable Object result, long endNanos);

    /**
     * Called when a span ends abnormally.
     *
     * @param span the span
     * @param error why it ended
     * @param endNanos the {@link System#nanoTime()} reading at drop, the same for every handler
     */
    void spanDrop(SpanInvocation span, Throwable error, long endNanos);

    /**
     * Returns the span this handler keeps for an open span id.
     *
     * @param spanId a span id
     * @return the open span, or {@code null} when unknown or not tracked
     */
    default @Nullable S openSpan(String spanId) {
        return null;
    }

    /** Releases resources; called when the handler is removed for good (e.g. on application shutdown). */
    default void close() {}
}
