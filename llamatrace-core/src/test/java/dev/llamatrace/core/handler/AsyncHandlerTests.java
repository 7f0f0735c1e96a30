package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AsyncHandlerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher root = this.registry.root();

    private final List<AsyncHandler> opened = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeWrappers() {
        this.opened.forEach(AsyncHandler::close);
    }

    @Test
    void aSleepingHandlerGetsEveryEventInOrderWhileTheQueueHasRoom() throws Exception {
        SleepingHandler sleeping = new SleepingHandler();
        AsyncHandler async = open(AsyncHandler.of(sleeping, 1_000));
        this.root.addEventHandler(async);
        for (int i = 0; i < 200; i++) {
            this.root.event(new Numbered(i));
        }
        async.flush();
        assertThat(sleeping.seen)
                .extracting((event) -> ((Numbered) event).number)
                .containsExactlyElementsOf(range(200));
        assertThat(async.droppedCount()).isZero();
        assertThat(async.failures().count()).isZero();
    }

    @Test
    void theCallerDoesNotWaitForTheHandlerAndItemsBeyondTheQueueAreDroppedAndCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockedHandler blocked = new BlockedHandler(release);
        AsyncHandler async = open(AsyncHandler.of(blocked, 10));
        this.root.addEventHandler(async);
        this.root.event(new Numbered(0));
        // The worker holds the first event inside the handler, which waits until released: the caller went on.
        await().atMost(Duration.ofSeconds(10)).until(() -> blocked.entered.getCount() == 0);
        for (int i = 1; i <= 15; i++) {
            this.root.event(new Numbered(i));
        }
        assertThat(async.queued()).isEqualTo(10);
        assertThat(async.droppedCount()).isEqualTo(5);
        release.countDown();
        async.flush();
        assertThat(blocked.seen)
                .extracting((event) -> ((Numbered) event).number)
                .containsExactlyElementsOf(range(11));
        assertThat(async.droppedCount()).isEqualTo(5);
    }

    @Test
    void spanStepsReachAWrappedSpanHandlerInOrder() throws Exception {
        SimpleSpanHandler spans = new SimpleSpanHandler();
        AsyncHandler async = open(AsyncHandler.of(spans));
        this.root.addSpanHandler(async);
        this.root.addEventHandler(async);
        for (int i = 0; i < 100; i++) {
            this.root.span(
                    "outer",
                    () -> this.root.span("inner", () -> {
                        this.root.event(new Numbered(1));
                        return "v";
                    }));
        }
        async.flush();
        assertThat(spans.completedCount()).isEqualTo(200);
        assertThat(spans.traces()).hasSize(100).allSatisfy((tree) -> assertThat(tree.spanCount())
                .isEqualTo(2));
        assertThat(spans.completedSpans())
                .filteredOn((span) -> span.name().equals("inner"))
                .allSatisfy((span) -> assertThat(span.events()).hasSize(1));
    }

    @Test
    void closeDeliversWhatIsQueuedStopsTheWorkerAndClosesTheWrappedSpanHandler() {
        SleepingHandler sleeping = new SleepingHandler();
        AsyncHandler async = AsyncHandler.of(sleeping);
        for (int i = 0; i < 50; i++) {
            async.handle(new Numbered(i));
        }
        async.close();
        assertThat(sleeping.seen).hasSize(50);
        assertThat(sleeping.closed).isTrue();
        async.handle(new Numbered(50));
        assertThat(async.droppedCount()).isEqualTo(1);
        async.close();
    }

    @Test
    void failuresOfTheWrappedHandlerAreIsolatedAndCounted() throws Exception {
        List<Event> after = new CopyOnWriteArrayList<>();
        AsyncHandler async = open(AsyncHandler.of((EventHandler) (event) -> {
            if (((Numbered) event).number % 2 == 0) {
                throw new StackOverflowError("simulated");
            }
            after.add(event);
        }));
        for (int i = 0; i < 10; i++) {
            async.handle(new Numbered(i));
        }
        async.flush();
        assertThat(after).hasSize(5);
        assertThat(async.failures().count()).isEqualTo(5);
    }

    @Test
    void onlyHandlersCanBeWrapped() {
        assertThatIllegalArgumentException().isThrownBy(() -> AsyncHandler.of("not a handler"));
        assertThatIllegalArgumentException().isThrownBy(() -> AsyncHandler.of((EventHandler) (event) -> {}, 0));
    }

    private AsyncHandler open(AsyncHandler async) {
        this.opened.add(async);
        return async;
    }

    private static List<Integer> range(int count) {
        return java.util.stream.IntStream.range(0, count).boxed().toList();
    }

    static final class Numbered extends Event {

        final int number;

        Numbered(int number) {
            this.number = number;
        }
    }

    /** A handler doing slow I/O. */
    static final class SleepingHandler
            implements EventHandler, dev.llamatrace.core.span.SpanHandler<dev.llamatrace.core.span.Span> {

        final List<Event> seen = new CopyOnWriteArrayList<>();

        volatile boolean closed;

        @Override
        public void handle(Event event) {
            try {
                Thread.sleep(1);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.seen.add(event);
        }

        @Override
        public void spanEnter(dev.llamatrace.core.span.SpanInvocation span) {}

        @Override
        public void spanExit(
                dev.llamatrace.core.span.SpanInvocation span,
                @org.jspecify.annotations.Nullable Object result,
                long endNanos) {}

        @Override
        public void spanDrop(dev.llamatrace.core.span.SpanInvocation span, Throwable error, long endNanos) {}

        @Override
        public void close() {
            this.closed = true;
        }
    }

    /** A handler stalled on its first event until released. */
    static final class BlockedHandler implements EventHandler {

        final CountDownLatch entered = new CountDownLatch(1);

        final List<Event> seen = new CopyOnWriteArrayList<>();

        private final CountDownLatch release;

        BlockedHandler(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public void handle(Event event) {
            this.entered.countDown();
            try {
                this.release.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            this.seen.add(event);
        }
    }
}
