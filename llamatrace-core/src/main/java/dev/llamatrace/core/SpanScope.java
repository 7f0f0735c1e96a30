package dev.llamatrace.core;

import dev.llamatrace.core.span.SpanInvocation;
import org.jspecify.annotations.Nullable;

/**
 * A span opened for a try-with-resources block. Closing the scope restores the previously active span and exits the
 * span, unless {@link #drop(Throwable)} ended it first:
 *
 * <pre>{@code
 * try (SpanScope scope = dispatcher.enter("retrieve")) {
 *     try {
 *         scope.setResult(retriever.retrieve(query));
 *     } catch (RuntimeException ex) {
 *         scope.drop(ex);
 *         throw ex;
 *     }
 * }
 * }</pre>
 *
 * <p>{@code close()} throws nothing and forgives being called twice.
 */
public interface SpanScope extends AutoCloseable {

    /** The scope handed out when no span handler listens: it does nothing. */
    SpanScope NOOP = new SpanScope() {

        @Override
        public @Nullable SpanInvocation span() {
            return null;
        }

        @Override
        public void setResult(@Nullable Object result) {}

        @Override
        public void drop(Throwable error) {}

        @Override
        public void close() {}
    };

    /**
     * Returns the span of this scope.
     *
     * @return the span, or {@code null} when nobody listens
     */
    @Nullable
    SpanInvocation span();

    /**
     * Sets the result reported when the scope closes.
     *
     * @param result the result of the covered work
     */
    void setResult(@Nullable Object result);

    /**
     * Ends the span abnormally now; closing the scope afterwards only restores the context.
     *
     * @param error why the work failed
     */
    void drop(Throwable error);

    @Override
    void close();
}
