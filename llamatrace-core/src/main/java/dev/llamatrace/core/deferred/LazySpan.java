package dev.llamatrace.core.deferred;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.AbandonedSpanException;
import dev.llamatrace.core.span.SpanInvocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The span of a lazily consumed result (a stream or an iterator): it ends once, with exit on exhaustion or close, with
 * drop when producing an element fails, and with drop by an {@link AbandonedSpanException} when the result becomes
 * unreachable first.
 *
 * <p>"Unreachable" is judged on the objects given to {@link #watch}: the span is abandoned only once all of them are
 * unreachable. A stream needs two: its pipeline head (held by the caller until it closes the stream) and its source
 * spliterator (which a terminal operation such as {@code iterator()} detaches from the head and keeps on its own).
 */
final class LazySpan {

    private final SpanInvocation span;

    private final @Nullable AutoCloseable resource;

    private final AtomicBoolean resourceClosed = new AtomicBoolean();

    private Cleaner.Cleanable[] cleanables = {};

    /**
     * Creates the span state of a lazy result.
     *
     * @param span the span
     * @param resource closed by {@link #close()}, or {@code null}
     */
    LazySpan(SpanInvocation span, @Nullable AutoCloseable resource) {
        this.span = span;
        this.resource = resource;
    }

    /**
     * Has the span dropped as abandoned once every one of {@code owners} is unreachable. Called once, before the
     * result is handed to the caller.
     *
     * @param owners what the caller may hold on to
     */
    void watch(Object... owners) {
        AtomicInteger reachable = new AtomicInteger(owners.length);
        Cleaner.Cleanable[] cleanables = new Cleaner.Cleanable[owners.length];
        for (int i = 0; i < owners.length; i++) {
            // The action must not reach an owner, or that owner would never become unreachable.
            cleanables[i] = cleaner().register(owners[i], new Abandon(this.span, reachable));
        }
        this.cleanables = cleanables;
    }

    static Cleaner cleaner() {
        return Cleaners.CLEANER;
    }

    TraceContext.Scope makeCurrent() {
        return TraceContext.activate(this.span);
    }

    void exhausted() {
        this.span.exit(null);
        release();
    }

    void failed(Throwable error) {
        this.span.drop(error);
        release();
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

    private void release() {
        // Deregisters from the cleaner; the actions see the span ended and do nothing.
        for (Cleaner.Cleanable cleanable : this.cleanables) {
            cleanable.clean();
        }
    }

    private record Abandon(SpanInvocation span, AtomicInteger reachable) implements Runnable {

        @Override
        public void run() {
            if (this.reachable.decrementAndGet() == 0 && !this.span.isEnded()) {
                this.span.drop(new AbandonedSpanException(this.span.id()));
            }
        }
    }

    /** Holds the cleaner so its thread starts only when the first lazy span is created. */
    private static final class Cleaners {

        static final Cleaner CLEANER = Cleaner.create();
    }
}
