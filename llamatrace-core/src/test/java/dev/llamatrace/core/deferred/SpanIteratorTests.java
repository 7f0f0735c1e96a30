package dev.llamatrace.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.RecordingHandler;
import dev.llamatrace.core.context.TraceContext;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SpanIteratorTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("iterator");

    private final RecordingHandler recorder = new RecordingHandler();

    @Test
    void spanExitsWhenHasNextReportsTheEnd() {
        listen();
        CloseableIterator<String> iterator =
                this.dispatcher.spanIterator("chunks", () -> List.of("a", "b").iterator());
        assertThat(iterator.next()).isEqualTo("a");
        assertThat(iterator.hasNext()).isTrue();
        assertThat(iterator.next()).isEqualTo("b");
        assertThat(this.recorder.log).containsExactly("enter chunks parent=none");
        assertThat(iterator.hasNext()).isFalse();
        assertThat(iterator.hasNext()).isFalse();
        assertThat(this.recorder.log).containsExactly("enter chunks parent=none", "exit chunks");
    }

    @Test
    void nextPastTheEndCountsAsExhaustion() {
        listen();
        CloseableIterator<String> iterator =
                this.dispatcher.spanIterator("chunks", () -> List.of("a").iterator());
        iterator.next();
        assertThatThrownBy(iterator::next).isInstanceOf(NoSuchElementException.class);
        assertThat(this.recorder.log).containsExactly("enter chunks parent=none", "exit chunks");
    }

    @Test
    void closingEarlyClosesACloseableSourceAndExitsOnce() {
        listen();
        CloseableSource source = new CloseableSource(List.of("a", "b", "c").iterator());
        try (CloseableIterator<String> iterator = this.dispatcher.spanIterator("chunks", () -> source)) {
            assertThat(iterator.next()).isEqualTo("a");
        }
        assertThat(source.closed).hasValue(1);
        assertThat(this.recorder.log).containsExactly("enter chunks parent=none", "exit chunks");
    }

    @Test
    void failureOfTheSourceDropsTheSpanAndRethrowsTheSameInstance() {
        listen();
        IllegalStateException failure = new IllegalStateException("stream broke");
        Iterator<String> failing = new Iterator<>() {

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public String next() {
                throw failure;
            }
        };
        CloseableIterator<String> iterator = this.dispatcher.spanIterator("chunks", () -> failing);
        assertThatThrownBy(iterator::next).isSameAs(failure);
        iterator.close();
        assertThat(this.recorder.log)
                .containsExactly(
                        "enter chunks parent=none", "event SpanDropEvent", "drop chunks IllegalStateException");
        assertThat(this.recorder.error("chunks")).isSameAs(failure);
    }

    @Test
    void spanIsActiveWhileElementsAreProduced() {
        listen();
        Iterator<String> lazy = new Iterator<>() {

            private int remaining = 2;

            @Override
            public boolean hasNext() {
                return this.remaining > 0;
            }

            @Override
            public String next() {
                this.remaining--;
                return SpanIteratorTests.this.dispatcher.span("decode", () -> "chunk");
            }
        };
        CloseableIterator<String> iterator = this.dispatcher.spanIterator("chunks", () -> lazy);
        while (iterator.hasNext()) {
            iterator.next();
            assertThat(TraceContext.currentSpan()).isNull();
        }
        assertThat(this.recorder.log)
                .containsExactly(
                        "enter chunks parent=none",
                        "enter decode parent=chunks",
                        "exit decode",
                        "enter decode parent=chunks",
                        "exit decode",
                        "exit chunks");
    }

    @Test
    void abandonedIteratorIsDroppedWhenItBecomesUnreachable() {
        listen();
        startAndAbandon();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(this.recorder.log).contains("drop chunks AbandonedSpanException");
                });
        assertThat(this.recorder.log)
                .containsExactly(
                        "enter chunks parent=none", "event SpanDropEvent", "drop chunks AbandonedSpanException");
    }

    @Test
    void withoutSpanHandlersElementsComeStraightFromTheSourceAndCloseStillCloses() {
        CloseableSource source = new CloseableSource(List.of("a").iterator());
        CloseableIterator<String> iterator = this.dispatcher.spanIterator("chunks", () -> source);
        assertThat(iterator.next()).isEqualTo("a");
        assertThat(iterator.hasNext()).isFalse();
        iterator.close();
        assertThat(source.closed).hasValue(1);
    }

    private void startAndAbandon() {
        CloseableIterator<String> iterator =
                this.dispatcher.spanIterator("chunks", () -> List.of("a", "b").iterator());
        assertThat(iterator.next()).isEqualTo("a");
    }

    private void listen() {
        this.registry.root().addSpanHandler(this.recorder);
        this.registry.root().addEventHandler(this.recorder);
    }

    static final class CloseableSource implements Iterator<String>, AutoCloseable {

        final AtomicInteger closed = new AtomicInteger();

        private final Iterator<String> delegate;

        CloseableSource(Iterator<String> delegate) {
            this.delegate = delegate;
        }

        @Override
        public boolean hasNext() {
            return this.delegate.hasNext();
        }

        @Override
        public String next() {
            return this.delegate.next();
        }

        @Override
        public void close() {
            this.closed.incrementAndGet();
        }
    }
}
