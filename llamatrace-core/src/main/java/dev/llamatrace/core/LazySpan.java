package dev.llamatrace.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The span of a lazily consumed result (a stream or an iterator): it ends once, with exit on exhaustion or close, with
 * drop when producing an element fails, and with drop by an {@link AbandonedSpanException} when the result becomes
 * unreachable first.
 */
final class LazySpan {

    private final SpanInvocation span;

    private final @Nullable AutoCloseable resource;

    private final AtomicBoolean resourceClosed = new AtomicBoolean();

    private final Cleaner.Cleanable cleanable;

    /**
     * Creates the span state of {@code owner}.
     *
     * @param owner the object handed to the caller; when it becomes unreachable the span is dropped
     * @param span the span
     * @param resource closed by {@link #close()}, or {@code null}
     */
    LazySpan(Object owner, SpanInvocation span, @Nullable AutoCloseable resource) {
        this.span = span;
        this.resource = resource;
        // The action must not reach the owner, or the owner would never become unreachable.
        this.cleanable = Cleaners.CLEANER.register(owner, new Abandon(span));
    }

    TraceContext.Scope makeCurrent() {
        return this.span.makeCurrent();
    }

    void exhausted() {
        this.span.exit(null);
        this.cleanable.clean();
    }

    void failed(Throwable error) {
        this.span.drop(error);
        this.cleanable.clean();
    }

    void close() {
        AutoCloseable resource = this.resource;
        if (resource != null && this.resourceClosed.compareAndSet(false, true)) {
            try {
                resource.close();
            } catch (RuntimeException | Error ex) {
                failed(ex);
                throw ex;
            } catch (IOException ex) {
                failed(ex);
                throw new UncheckedIOException(ex);
            } catch (Exception ex) {
                failed(ex);
                throw new IllegalStateException("Closing " + resource + " failed", ex);
            }
        }
        exhausted();
    }

    private record Abandon(SpanInvocation span) implements Runnable {

        @Override
        public void run() {
            if (!this.span.isEnded()) {
                this.span.drop(new AbandonedSpanException(this.span.id()));
            }
        }
    }

    /** Holds the cleaner so its thread starts only when the first lazy span is created. */
    private static final class Cleaners {

        static final Cleaner CLEANER = Cleaner.create();
    }
}
