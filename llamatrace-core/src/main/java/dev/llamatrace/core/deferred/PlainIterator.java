package dev.llamatrace.core.deferred;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** A {@link CloseableIterator} view of an iterator, for {@link dev.llamatrace.core.Dispatcher#spanIterator} when no span handler listens. */
final class PlainIterator<T> implements CloseableIterator<T> {

    private final Iterator<T> delegate;

    private PlainIterator(Iterator<T> delegate) {
        this.delegate = delegate;
    }

    @SuppressWarnings("unchecked")
    static <T> CloseableIterator<T> of(Iterator<T> delegate) {
        return (delegate instanceof CloseableIterator<?> closeable)
                ? (CloseableIterator<T>) closeable
                : new PlainIterator<>(delegate);
    }

    @Override
    public boolean hasNext() {
        return this.delegate.hasNext();
    }

    @Override
    public T next() {
        return this.delegate.next();
    }

    @Override
    public void remove() {
        this.delegate.remove();
    }

    @Override
    public void close() {
        if (this.delegate instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException ex) {
                throw ex;
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            } catch (Exception ex) {
                throw new IllegalStateException("Closing " + closeable + " failed", ex);
            }
        }
    }
}
