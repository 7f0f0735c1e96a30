package dev.llamatrace.core.deferred;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import java.lang.ref.Reference;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Wraps an iterator so its span is active while elements are produced and ends when it is exhausted or closed. */
final class SpanIterator<T> implements CloseableIterator<T> {

    private final Iterator<T> delegate;

    private final LazySpan span;

    SpanIterator(SpanInvocation span, Iterator<T> delegate) {
        this.delegate = delegate;
        this.span = new LazySpan(span, (delegate instanceof AutoCloseable closeable) ? closeable : null);
        this.span.watch(this);
    }

    @Override
    public boolean hasNext() {
        boolean hasNext;
        try (TraceContext.Scope scope = this.span.makeCurrent()) {
            hasNext = this.delegate.hasNext();
        } catch (Throwable ex) {
            this.span.failed(ex);
            throw ex;
        } finally {
            // Keeps this iterator reachable until the call ends, so the cleaner cannot see it abandoned mid-call.
            Reference.reachabilityFence(this);
        }
        if (!hasNext) {
            this.span.exhausted();
        }
        return hasNext;
    }

    @Override
    public T next() {
        try (TraceContext.Scope scope = this.span.makeCurrent()) {
            return this.delegate.next();
        } catch (NoSuchElementException ex) {
            // Iterating until next() throws is how some callers detect the end: that is exhaustion, not failure.
            this.span.exhausted();
            throw ex;
        } catch (Throwable ex) {
            this.span.failed(ex);
            throw ex;
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    @Override
    public void remove() {
        this.delegate.remove();
    }

    @Override
    public void close() {
        try {
            this.span.close();
        } finally {
            Reference.reachabilityFence(this);
        }
    }
}
