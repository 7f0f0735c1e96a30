package dev.llamatrace.core.deferred;

import dev.llamatrace.core.span.SpanInvocation;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The future handed back by {@link dev.llamatrace.core.Dispatcher#spanAsync}: it completes with the original future's outcome only after
 * the span has ended, and cancelling it cancels the original.
 */
final class SpanFuture<T> extends CompletableFuture<T> {

    private final CompletableFuture<? extends T> source;

    private SpanFuture(CompletableFuture<? extends T> source) {
        this.source = source;
    }

    /**
     * Ties {@code span} to {@code source}: exit on success, drop on failure or cancellation.
     *
     * @return the future to give the caller
     */
    static <T> CompletableFuture<T> track(SpanInvocation span, CompletableFuture<? extends T> source) {
        SpanFuture<T> future = new SpanFuture<>(source);
        source.whenComplete((value, error) -> future.end(span, value, error));
        return future;
    }

    private void end(SpanInvocation span, T value, Throwable error) {
        // The stored throwable is handed on as is, so join() and get() on this future behave exactly as on the source.
        try {
            if (error == null) {
                span.exit(value);
            } else {
                span.drop(unwrap(error));
            }
        } finally {
            if (error == null) {
                complete(value);
            } else {
                completeExceptionally(error);
            }
        }
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        // Cancelling the source first runs end() with its CancellationException, dropping the span before this
        // future reports the cancellation.
        this.source.cancel(mayInterruptIfRunning);
        return super.cancel(mayInterruptIfRunning) || isCancelled();
    }

    private static Throwable unwrap(Throwable error) {
        return (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
    }
}
