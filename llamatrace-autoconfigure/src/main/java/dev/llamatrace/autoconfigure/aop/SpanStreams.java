package dev.llamatrace.autoconfigure.aop;

import dev.llamatrace.core.SpanInvocation;
import dev.llamatrace.core.TraceContext;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.jspecify.annotations.Nullable;

/** Streams whose span is active while elements are produced and ends when the stream is exhausted or closed. */
final class SpanStreams {

    private SpanStreams() {}

    static <T> Stream<T> track(SpanInvocation span, Stream<T> source) {
        return StreamSupport.stream(new SpanSpliterator<>(span, source.spliterator()), source.isParallel())
                .onClose(() -> {
                    try {
                        source.close();
                    } finally {
                        span.exit(null);
                    }
                });
    }

    private static final class SpanSpliterator<T> implements Spliterator<T> {

        private final SpanInvocation span;

        private final Spliterator<T> delegate;

        SpanSpliterator(SpanInvocation span, Spliterator<T> delegate) {
            this.span = span;
            this.delegate = delegate;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            boolean advanced;
            try (TraceContext.Scope scope = this.span.makeCurrent()) {
                advanced = this.delegate.tryAdvance(action);
            } catch (Throwable ex) {
                this.span.drop(ex);
                throw ex;
            }
            if (!advanced) {
                this.span.exit(null);
            }
            return advanced;
        }

        @Override
        public @Nullable Spliterator<T> trySplit() {
            // One span covers the whole stream, so it is consumed sequentially through this spliterator.
            return null;
        }

        @Override
        public long estimateSize() {
            return this.delegate.estimateSize();
        }

        @Override
        public int characteristics() {
            return this.delegate.characteristics() & ~(Spliterator.SUBSIZED);
        }
    }
}
