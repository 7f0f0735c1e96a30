package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.SpanDropEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.root();

    private final RecordingHandler handler = new RecordingHandler();

    @AfterEach
    void contextIsClean() {
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void nobodyListeningReturnsTheSharedNoopWithoutBuildingStartEvents() {
        List<String> built = new ArrayList<>();
        Operation operation = this.dispatcher.operation("op", null, null, Map.of(), (id) -> built.add("start"));
        assertThat(operation).isSameAs(Operation.NOOP);
        assertThat(this.dispatcher.operation("op", null, Map.of())).isSameAs(Operation.NOOP);
        operation.end((id) -> built.add("end"), "result");
        operation.fail(new IllegalStateException("boom"), (id) -> built.add("fail"));
        assertThat(built).isEmpty();
        assertThat(operation.span()).isNull();
        assertThat(operation.makeCurrent()).isSameAs(TraceContext.Scope.NOOP);
    }

    @Test
    void startAndEndEventsAreStampedWithTheSpanIdAndTheSpanExitsWithTheResult() {
        this.dispatcher.addSpanHandler(this.handler);
        this.dispatcher.addEventHandler(this.handler);
        Operation operation = this.dispatcher.operation(
                "op", null, null, Map.of(), (id) -> this.dispatcher.event(new Marker(id, "start")));
        String spanId = operation.spanId();
        assertThat(spanId).isEqualTo(operation.span().id());
        operation.end((id) -> this.dispatcher.event(new Marker(id, "end")), "result");
        assertThat(this.handler.log).containsExactly("enter op parent=none", "event Marker", "event Marker", "exit op");
        assertThat(this.handler.events)
                .allSatisfy((event) -> assertThat(event.spanId()).isEqualTo(spanId));
        assertThat(this.handler.results).containsEntry(spanId, "result");
    }

    @Test
    void withEventHandlersOnlyEventsCarryTheParentsIdAndEndOnce() {
        this.dispatcher.addEventHandler(this.handler);
        Operation operation = this.dispatcher.operation(
                "op", null, null, Map.of(), (id) -> this.dispatcher.event(new Marker(id, "start")));
        assertThat(operation.span()).isNull();
        operation.end((id) -> this.dispatcher.event(new Marker(id, "end")), null);
        operation.end((id) -> this.dispatcher.event(new Marker(id, "again")), null);
        assertThat(this.handler.events)
                .extracting((event) -> ((Marker) event).what())
                .containsExactly("start", "end");
        assertThat(this.handler.events)
                .allSatisfy((event) -> assertThat(event.spanId()).isNull());
    }

    @Test
    void aVetoedStartEndsTheOperationBeforeTheVetoReachesTheCaller() {
        this.dispatcher.addSpanHandler(this.handler);
        this.dispatcher.addEventHandler(this.handler);
        HandlerVetoException veto = new HandlerVetoException("budget");
        assertThatThrownBy(() -> this.dispatcher.operation("op", null, null, Map.of(), (id) -> {
                    throw veto;
                }))
                .isSameAs(veto);
        assertThat(this.handler.log)
                .containsExactly(
                        "enter op parent=none",
                        "event SpanDropEvent",
                        "drop op " + veto.getClass().getSimpleName());
    }

    @Test
    void failDispatchesTheEndEventsThenDropsTheSpan() {
        this.dispatcher.addSpanHandler(this.handler);
        this.dispatcher.addEventHandler(this.handler);
        Operation operation = this.dispatcher.operation("op", null, null, Map.of(), null);
        IllegalStateException error = new IllegalStateException("boom");
        operation.fail(error, (id) -> this.dispatcher.event(new Marker(id, "failed")));
        operation.end("late");
        assertThat(this.handler.log)
                .containsExactly(
                        "enter op parent=none", "event Marker", "event SpanDropEvent", "drop op IllegalStateException");
        assertThat(this.handler.events.get(1)).isInstanceOf(SpanDropEvent.class);
        assertThat(this.handler.error("op")).isSameAs(error);
    }

    @Test
    void makeCurrentParentsWorkDoneInsideAndRestoresThePreviousSpan() {
        this.dispatcher.addSpanHandler(this.handler);
        Operation operation = this.dispatcher.operation("outer", null, Map.of());
        try (TraceContext.Scope scope = operation.makeCurrent()) {
            this.dispatcher.span("inner", () -> null);
        }
        operation.end(null);
        assertThat(this.handler.log)
                .containsExactly("enter outer parent=none", "enter inner parent=outer", "exit inner", "exit outer");
    }

    @Test
    void endsRacingOnManyThreadsEndTheOperationExactlyOnce() throws Exception {
        this.dispatcher.addSpanHandler(this.handler);
        this.dispatcher.addEventHandler(this.handler);
        int operations = 500;
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int i = 0; i < operations; i++) {
                Operation operation = this.dispatcher.operation("op", null, null, Map.of(), null);
                CyclicBarrier barrier = new CyclicBarrier(threads);
                List<Future<?>> ends = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    boolean fails = t % 2 == 0;
                    ends.add(pool.submit(() -> {
                        barrier.await();
                        if (fails) {
                            operation.fail(
                                    new IllegalStateException("cancel"),
                                    (id) -> this.dispatcher.event(new Marker(id, "end")));
                        } else {
                            operation.end((id) -> this.dispatcher.event(new Marker(id, "end")), "done");
                        }
                        return null;
                    }));
                }
                for (Future<?> end : ends) {
                    end.get(30, TimeUnit.SECONDS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(this.handler.events).filteredOn(Marker.class::isInstance).hasSize(operations);
        assertThat(this.handler.log)
                .filteredOn((line) -> line.startsWith("exit op") || line.startsWith("drop op"))
                .hasSize(operations);
    }

    static final class Marker extends Event {

        private final String what;

        Marker(@Nullable String spanId, String what) {
            super(spanId);
            this.what = what;
        }

        String what() {
            return this.what;
        }
    }
}
