package dev.llamatrace.core.deferred;

import java.util.Iterator;

/**
 * An iterator whose span ends when it is exhausted or closed; returned by {@link dev.llamatrace.core.Dispatcher#spanIterator}. Use it in
 * try-with-resources when you may stop iterating early. {@code close()} forgives being called twice.
 *
 * @param <T> the element type
 */
public interface CloseableIterator<T> extends Iterator<T>, AutoCloseable {

    /**
     * Closes the underlying iterator when it is {@link AutoCloseable} and ends the span, unless it already ended.
     *
     * @throws RuntimeException what closing the underlying iterator threw (a checked exception is wrapped); the span
     *     is then dropped with it
     */
    @Override
    void close();
}
