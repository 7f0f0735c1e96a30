package dev.llamatrace.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.RecordingHandler;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.AbandonedSpanException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SpanSpliteratorTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("stream");

    private final RecordingHandler recorder = new RecordingHandler();

    @Test
    void spanExitsWhenTheStreamIsExhausted() {
        listen();
        Stream<Integer> stream = this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2, 3));
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none");
        assertThat(stream.map((value) -> value * 2).toList()).containsExactly(2, 4, 6);
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none", "exit tokens");
    }

    @Test
    void countTraversesTheElementsSoTheSpanEnds() {
        listen();
        AtomicInteger produced = new AtomicInteger();
        long count = this.dispatcher
                .spanStream("tokens", () -> List.of(1, 2, 3).stream().peek((value) -> produced.incrementAndGet()))
                .count();
        assertThat(count).isEqualTo(3);
        assertThat(produced).hasValue(3);
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none", "exit tokens");
    }

    @Test
    void closingBeforeExhaustionExitsOnceAndClosesTheSourceStream() {
        listen();
        AtomicInteger sourceClosed = new AtomicInteger();
        Stream<Integer> stream =
                this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2, 3).onClose(sourceClosed::incrementAndGet));
        try (stream) {
            assertThat(stream.findFirst()).contains(1);
            assertThat(this.recorder.log).containsExactly("enter tokens parent=none");
        }
        stream.close();
        assertThat(sourceClosed).hasValue(1);
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none", "exit tokens");
    }

    @Test
    void failureWhileProducingDropsTheSpanAndRethrowsTheSameInstance() {
        listen();
        UncheckedIOException failure = new UncheckedIOException(new java.io.IOException("connection reset"));
        Stream<Integer> stream =
                this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2, 3).map((value) -> {
                    if (value == 2) {
                        throw failure;
                    }
                    return value;
                }));
        assertThatThrownBy(stream::toList).isSameAs(failure);
        assertThat(this.recorder.log)
                .containsExactly("enter tokens parent=none", "event SpanDropEvent", "drop tokens UncheckedIOException");
        assertThat(this.recorder.error("tokens")).isSameAs(failure);
    }

    @Test
    void failureOfTheBodyDropsTheSpanAndRethrowsTheSameInstance() {
        listen();
        IllegalStateException failure = new IllegalStateException("no model");
        assertThatThrownBy(() -> this.dispatcher.spanStream("tokens", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(this.recorder.log)
                .containsExactly(
                        "enter tokens parent=none", "event SpanDropEvent", "drop tokens IllegalStateException");
    }

    @Test
    void elementsAreProducedUnderTheSpanAndConsumedInTheCallersContext() {
        listen();
        List<String> consumerSpans = this.dispatcher.span("consumer", () -> this.dispatcher
                .spanStream(
                        "tokens", () -> Stream.of("a", "b").map((text) -> this.dispatcher.span("embed", () -> text)))
                .map((text) -> text + "@" + TraceContext.currentSpan().name())
                .toList());
        assertThat(consumerSpans).containsExactly("a@consumer", "b@consumer");
        assertThat(this.recorder.log)
                .containsExactly(
                        "enter consumer parent=none",
                        "enter tokens parent=consumer",
                        "enter embed parent=tokens",
                        "exit embed",
                        "enter embed parent=tokens",
                        "exit embed",
                        "exit tokens",
                        "exit consumer");
    }

    @Test
    void abandonedStreamIsDroppedWhenItBecomesUnreachable() {
        listen();
        startAndAbandon();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> {
                    System.gc();
                    assertThat(this.recorder.log).contains("drop tokens AbandonedSpanException");
                });
        assertThat(this.recorder.error("tokens"))
                .isInstanceOf(AbandonedSpanException.class)
                .hasMessageContaining(this.recorder.span("tokens").id());
        assertThat(this.recorder.events).anySatisfy((event) -> assertThat(event).isInstanceOf(SpanDropEvent.class));
        assertThat(this.recorder.log)
                .filteredOn((line) -> line.startsWith("drop") || line.startsWith("exit"))
                .hasSize(1);
    }

    @Test
    void streamStillHeldAfterAShortCircuitIsNotAbandonedAndExitsWhenClosed() {
        listen();
        Stream<Integer> stream = this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2, 3));
        assertThat(stream.findFirst()).contains(1);
        GarbageCollection.awaitCleanerPass();
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none");
        stream.close();
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none", "exit tokens");
    }

    @Test
    void iteratorTakenFromTheStreamKeepsTheSpanAliveWhileItIsUsed() {
        listen();
        Iterator<Integer> iterator =
                this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2)).iterator();
        assertThat(iterator.next()).isEqualTo(1);
        GarbageCollection.awaitCleanerPass();
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none");
        assertThat(iterator.next()).isEqualTo(2);
        assertThat(iterator.hasNext()).isFalse();
        assertThat(this.recorder.log).containsExactly("enter tokens parent=none", "exit tokens");
    }

    @Test
    void withoutSpanHandlersTheBodysStreamIsReturnedUntouched() {
        Stream<Integer> source = Stream.of(1);
        assertThat(this.dispatcher.spanStream("tokens", () -> source)).isSameAs(source);
    }

    private void startAndAbandon() {
        Stream<Integer> stream = this.dispatcher.spanStream("tokens", () -> Stream.of(1, 2, 3));
        assertThat(stream.iterator().next()).isEqualTo(1);
    }

    private void listen() {
        this.registry.root().addSpanHandler(this.recorder);
        this.registry.root().addEventHandler(this.recorder);
    }
}
