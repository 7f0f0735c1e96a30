package dev.llamatrace.core.deferred;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import java.lang.ref.Reference;
import java.util.Comparator;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/**
 * The source of a stream returned by {@link dev.llamatrace.core.Dispatcher#spanStream}: produces each element of the original stream with
 * the span active, then hands it downstream with the caller's context back in place.
 *
 * <p>It never splits, so a spanned stream is consumed sequentially, and it does not report a size, so every terminal
 * operation really traverses it (a sized {@code count()} would otherwise skip the elements and never end the span).
 */
final class SpanSpliterator<T> implements Spliterator<T> {

    private static final int UNSUPPORTED = SIZED | SUBSIZED;

    private final Spliterator<T> delegate;

    private final LazySpan span;

    private final Consumer<T> capture = (element) -> this.produced = element;

    private @Nullable T produced;

    private SpanSpliterator(SpanInvocation span, Stream<T> source) {
        this.delegate = source.spliterator();
        this.span = new LazySpan(span, source);
    }

    static <T> Stream<T> stream(SpanInvocation span, Stream<T> source) {
        SpanSpliterator<T> spliterator = new SpanSpliterator<>(span, source);
        Stream<T> stream =
                StreamSupport.stream(spliterator, source.isParallel()).onClose(spliterator.span::close);
        spliterator.span.watch(stream, spliterator);
        return stream;
    }

    @Override
    public boolean tryAdvance(Consumer<? super T> action) {
        boolean advanced;
        try (TraceContext.Scope scope = this.span.makeCurrent()) {
            advanced = this.delegate.tryAdvance(this.capture);
        } catch (Throwable ex) {
            this.span.failed(ex);
            throw ex;
        } finally {
            Reference.reachabilityFence(this);
        }
        if (!advanced) {
            this.span.exhausted();
            return false;
        }
        T element = this.produced;
        this.produced = null;
        action.accept(element);
        return true;
    }

    @Override
    public @Nullable Spliterator<T> trySplit() {
        return null;
    }

    @Override
    public long estimateSize() {
        return this.delegate.estimateSize();
    }

    @Override
    public int characteristics() {
        return this.delegate.characteristics() & ~UNSUPPORTED;
    }

    @Override
    public @Nullable Comparator<? super T> getComparator() {
        return this.delegate.getComparator();
    }
}
