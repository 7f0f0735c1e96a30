package dev.llamatrace.core;

/**
 * Work run inside a span. Its exception type is kept, so a body that throws only unchecked exceptions needs no
 * {@code try}/{@code catch}.
 *
 * @param <T> the result type
 * @param <E> the exception type the work may throw
 */
@FunctionalInterface
public interface SpanCallable<T, E extends Throwable> {

    /**
     * Runs the work.
     *
     * @return its result
     * @throws E when the work fails; it reaches the caller unchanged
     */
    T call() throws E;
}
