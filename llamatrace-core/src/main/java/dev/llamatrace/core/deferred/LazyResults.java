package dev.llamatrace.core.deferred;

import dev.llamatrace.core.span.SpanInvocation;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Ties the end of a span to a result that completes later. The dispatcher's {@code spanAsync}, {@code spanStream}
 * and {@code spanIterator} use these after running their body with the span active; integrations that open a span
 * some other way can use them too.
 */
public final class LazyResults {

    private LazyResults() {}

    /**
     * Returns a future that completes like {@code source} after the span ended: exit on success, drop on failure or
     * cancellation; cancelling it cancels {@code source}.
     *
     * @param span the open span
     * @param source the future of the work
     * @param <T> the result type
     * @return the tracked future
     */
    public static <T> CompletableFuture<T> future(SpanInvocation span, CompletableFuture<? extends T> source) {
        return SpanFuture.track(span, source);
    }

    /**
     * Returns a stream of the elements of {@code source} whose span exits on exhaustion or close, drops when an
     * element fails, and drops as abandoned when the stream becomes unreachable first.
     *
     * @param span the open span
     * @param source the stream of the work
     * @param <T> the element type
     * @return the tracked stream
     */
    public static <T> Stream<T> stream(SpanInvocation span, Stream<T> source) {
        return SpanSpliterator.stream(span, source);
    }

    /**
     * Returns an iterator over {@code source} whose span ends as a {@linkplain #stream stream's} does.
     *
     * @param span the open span
     * @param source the iterator of the work
     * @param <T> the element type
     * @return the tracked iterator
     */
    public static <T> CloseableIterator<T> iterator(SpanInvocation span, Iterator<T> source) {
        return new SpanIterator<>(span, source);
    }

    /**
     * Returns {@code source} as a {@link CloseableIterator} without a span (closing closes {@code source} when it is
     * {@link AutoCloseable}).
     *
     * @param source an iterator
     * @param <T> the element type
     * @return {@code source} itself when it already is one
     */
    public static <T> CloseableIterator<T> untracked(Iterator<T> source) {
        return PlainIterator.of(source);
    }
}
