package dev.llamatrace.core.span;

import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    /**
     * Returns the spans this handler holds open, so that {@link dev.llamatrace.core.Dispatcher#shutdown()} can drop
     * them (LlamaIndex's {@code open_spans}). Handlers that keep no spans keep the default.
     *
     * @return the open spans, empty by default
     */
    default Collection<SpanInvocation> openSpanInvocations() {
        return List.of();
    }

    /**
     * Returns this handler's part of a context that crosses a process boundary
     * ({@link dev.llamatrace.core.Dispatcher#capturePropagationContext()}). Put everything under one key of your own
     * (e.g. your handler's name): the maps of all handlers on the chain are merged, later handlers winning on the same
     * key. Values should be strings, numbers, booleans, lists or maps of those, so that they survive serialization.
     *
     * @return the entries to propagate, empty by default
     */
    default Map<String, Object> capturePropagationContext() {
        return Map.of();
    }

    /**
     * Restores this handler's part of a propagated context, before the spans of the work it belongs to start
     * ({@link dev.llamatrace.core.Dispatcher#restorePropagationContext(Map)}). Every handler on the chain gets the whole
     * map; read your own key.
     *
     * @param context the propagated context, read-only
     */
    default void restorePropagationContext(Map<String, ?> context) {}

    /**
     * Releases resources; called once when the handler is shut down ({@link dev.llamatrace.core.Dispatcher#shutdown()})
     * or removed for good (e.g. on application shutdown). Does nothing by default.
     */
    default void close() {}
}
