package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class DispatcherTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void nestedSpansAreParentedAndEndedOnceEach() {
        Dispatcher dispatcher = this.registry.get("a.b");
        this.registry.root().addSpanHandler(new Recorder());
        String innerParent = dispatcher.span(
                "outer",
                () -> dispatcher.span("inner", TraceContext::currentSpan).parentId());
        assertThat(innerParent).startsWith("outer-");
        assertThat(this.log).hasSize(4);
        assertThat(this.log.get(0)).startsWith("enter outer-");
        assertThat(this.log.get(1)).startsWith("enter inner-").contains("parent=outer-");
        assertThat(this.log.get(2)).startsWith("exit inner-");
        assertThat(this.log.get(3)).startsWith("exit outer-");
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void failureDispatchesDropEventThenDropsThenRethrowsSameInstance() {
        Dispatcher dispatcher = this.registry.get("x");
        this.registry.root().addSpanHandler(new Recorder());
        this.registry.root().addEventHandler((event) -> this.log.add("event " + event.className()));
        IllegalStateException failure = new IllegalStateException("boom");
        assertThatThrownBy(() -> dispatcher.span("work", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(this.log).hasSize(3);
        assertThat(this.log.get(1)).isEqualTo("event " + SpanDropEvent.class.getSimpleName());
        assertThat(this.log.get(2)).startsWith("drop work-");
    }

    @Test
    void failingHandlerIsIsolatedAndCounted() {
        Dispatcher dispatcher = this.registry.get("x");
        dispatcher.addEventHandler((event) -> {
            throw new IllegalStateException("handler bug");
        });
        dispatcher.addEventHandler((event) -> this.log.add("second"));
        dispatcher.event(new MyEvent("v"));
        assertThat(this.log).containsExactly("second");
        assertThat(this.registry.failures().count()).isEqualTo(1);
    }

    @Test
    void propagateFalseStopsTheWalkAfterOwnHandlers() {
        Dispatcher child = this.registry.get("a.b");
        this.registry.root().addEventHandler((event) -> this.log.add("root"));
        child.addEventHandler((event) -> this.log.add("child"));
        child.event(new MyEvent("v"));
        child.setPropagate(false);
        child.event(new MyEvent("v"));
        assertThat(this.log).containsExactly("child", "root", "child");
    }

    @Test
    void intermediateDispatcherReparentsDescendants() {
        Dispatcher deep = this.registry.get("a.b.c");
        Dispatcher top = this.registry.get("a");
        assertThat(deep.parent()).isSameAs(top);
        Dispatcher middle = this.registry.get("a.b");
        assertThat(deep.parent()).isSameAs(middle);
        assertThat(middle.parent()).isSameAs(top);
        assertThat(top.parent()).isSameAs(this.registry.root());
    }

    @Test
    void tagsBlockReplacesTagsAndReachesEventsAndSpans() {
        Dispatcher dispatcher = this.registry.root();
        dispatcher.addEventHandler((event) -> this.log.add("tags " + event.tags()));
        try (TraceContext.Scope outer = TraceContext.withTags(Map.of("user", "u1"))) {
            try (TraceContext.Scope inner = TraceContext.withTags(Map.of("session", "s1"))) {
                dispatcher.event(new MyEvent("v"));
            }
            dispatcher.event(new MyEvent("v"));
        }
        dispatcher.event(new MyEvent("v"));
        assertThat(this.log).containsExactly("tags {session=s1}", "tags {user=u1}", "tags {}");
    }

    @Test
    void noHandlersMeansNoScopeAndNoContextChange() {
        Dispatcher dispatcher = this.registry.get("quiet");
        try (SpanScope scope = dispatcher.enter("nothing")) {
            assertThat(scope).isSameAs(SpanScope.NOOP);
            assertThat(TraceContext.currentSpan()).isNull();
        }
    }

    static final class MyEvent extends Event {

        private final String newField;

        MyEvent(String newField) {
            this.newField = newField;
        }

        String newField() {
            return this.newField;
        }
    }

    final class Recorder implements SpanHandler<dev.llamatrace.core.span.Span> {

        @Override
        public void spanEnter(SpanInvocation span) {
            DispatcherTests.this.log.add("enter " + span.id() + " parent=" + span.parentId());
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            DispatcherTests.this.log.add("exit " + span.id());
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            DispatcherTests.this.log.add("drop " + span.id());
        }
    }

    private final RecordingHandler root = new RecordingHandler();

    @Test
    void handlerOnAChildSeesOnlyThatChildWhileTheRootSeesEverythingThatPropagates() {
        Dispatcher child = this.registry.get("app.child");
        Dispatcher sibling = this.registry.get("app.sibling");
        RecordingHandler onChild = new RecordingHandler();
        child.addSpanHandler(onChild);
        this.registry.root().addSpanHandler(this.root);
        child.span("c", () -> "v");
        sibling.span("s", () -> "v");
        assertThat(onChild.log).containsExactly("enter c parent=none", "exit c");
        assertThat(this.root.log).containsExactly("enter c parent=none", "exit c", "enter s parent=none", "exit s");
    }

    @Test
    void propagateFalseKeepsSpansAwayFromTheRoot() {
        Dispatcher child = this.registry.get("private");
        RecordingHandler onChild = new RecordingHandler();
        child.addSpanHandler(onChild);
        this.registry.root().addSpanHandler(this.root);
        child.setPropagate(false);
        child.span("c", () -> "v");
        assertThat(onChild.log).containsExactly("enter c parent=none", "exit c");
        assertThat(this.root.log).isEmpty();
    }

    @Test
    void customEventsReachHandlersWithTheirOwnFieldsAndTheActiveSpanId() {
        this.registry.root().addSpanHandler(this.root);
        this.registry.root().addEventHandler(this.root);
        Dispatcher dispatcher = this.registry.get("custom");
        dispatcher.span("work", () -> {
            dispatcher.event(new MyEvent("payload"));
            return null;
        });
        Event event = this.root.events.get(0);
        assertThat(event).isInstanceOf(MyEvent.class);
        assertThat(((MyEvent) event).newField()).isEqualTo("payload");
        assertThat(event.className()).isEqualTo("MyEvent");
        assertThat(event.spanId()).isEqualTo(this.root.span("work").id());
    }

    @Test
    void spanExceptionKeepsItsIdentityAndCheckedType() {
        this.registry.root().addSpanHandler(this.root);
        IOException failure = new IOException("disk");
        assertThatThrownBy(() -> this.registry.root().span("read", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(this.root.error("read")).isSameAs(failure);
    }

    @Test
    void enterScopeExitsWithItsResultOrDropsOnceWhenToldTo() {
        this.registry.root().addSpanHandler(this.root);
        Dispatcher dispatcher = this.registry.get("scoped");
        try (SpanScope scope = dispatcher.enter("ok")) {
            assertThat(TraceContext.currentSpan()).isSameAs(scope.span());
            scope.setResult("result");
        }
        IllegalStateException failure = new IllegalStateException("bad");
        try (SpanScope scope = dispatcher.enter("bad")) {
            scope.drop(failure);
        }
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(this.root.log)
                .containsExactly(
                        "enter ok parent=none", "exit ok", "enter bad parent=none", "drop bad IllegalStateException");
        assertThat(this.root.results).containsValue("result");
    }

    @Test
    void vetoFromSpanEnterReachesTheCallerAndEarlierHandlersSeeADrop() {
        Dispatcher dispatcher = this.registry.get("budget");
        HandlerVetoException veto = new HandlerVetoException("token budget exceeded");
        RecordingHandler before = new RecordingHandler();
        RecordingHandler after = new RecordingHandler();
        dispatcher.addSpanHandler(before);
        dispatcher.addSpanHandler(new VetoingHandler(veto));
        dispatcher.addSpanHandler(after);
        AtomicInteger bodyRuns = new AtomicInteger();
        assertThatThrownBy(() -> dispatcher.span("llm", bodyRuns::incrementAndGet))
                .isSameAs(veto);
        assertThat(bodyRuns).hasValue(0);
        assertThat(before.log).containsExactly("enter llm parent=none", "drop llm HandlerVetoException");
        assertThat(after.log).isEmpty();
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(this.registry.failures().count()).isZero();
    }

    @Test
    void everySpanEndsExactlyOnceWhenExitAndDropRaceOnManyThreads() throws Exception {
        Dispatcher dispatcher = this.registry.get("race");
        AtomicInteger exits = new AtomicInteger();
        AtomicInteger drops = new AtomicInteger();
        dispatcher.addSpanHandler(new CountingHandler(exits, drops));
        int spans = 500;
        int threads = 4;
        List<SpanInvocation> entered = new ArrayList<>();
        for (int i = 0; i < spans; i++) {
            entered.add(dispatcher.spanEnter("s", null, Map.of()));
        }
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        RuntimeException error = new RuntimeException("drop");
        for (int t = 0; t < threads; t++) {
            boolean exit = t % 2 == 0;
            new Thread(() -> {
                        try {
                            start.await();
                            for (SpanInvocation span : entered) {
                                if (exit) {
                                    span.exit(null);
                                } else {
                                    span.drop(error);
                                }
                            }
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(exits.get() + drops.get()).isEqualTo(spans);
        assertThat(entered).allSatisfy((span) -> assertThat(span.isEnded()).isTrue());
    }

    @Test
    void withNoHandlerNothingIsBuiltAndTheContextIsUntouched() {
        Dispatcher dispatcher = this.registry.get("quiet");
        AtomicInteger built = new AtomicInteger();
        Supplier<Event> event = () -> {
            built.incrementAndGet();
            return new MyEvent("v");
        };
        dispatcher.event(event);
        assertThat(built).hasValue(0);
        assertThat(dispatcher.hasEventHandlers()).isFalse();
        assertThat(dispatcher.hasSpanHandlers()).isFalse();
        assertThat(dispatcher.spanEnter("s", null, Map.of())).isNull();
        assertThat(dispatcher.enter("s")).isSameAs(SpanScope.NOOP);
        assertThat(dispatcher.span("s", TraceContext::currentSpan)).isNull();
        this.registry.get("other").addEventHandler(this.root);
        dispatcher.event(event);
        assertThat(built).hasValue(0);
        this.registry.root().addEventHandler(this.root);
        dispatcher.event(event);
        assertThat(built).hasValue(1);
    }

    @Test
    void handlersAddedAndRemovedAreSeenByTheCachedChain() {
        Dispatcher dispatcher = this.registry.get("a.b");
        this.registry.root().addEventHandler(this.root);
        dispatcher.event(new MyEvent("1"));
        assertThat(this.registry.root().removeEventHandler(this.root)).isTrue();
        assertThat(this.registry.root().removeEventHandler(this.root)).isFalse();
        dispatcher.event(new MyEvent("2"));
        assertThat(this.root.events).hasSize(1);
    }

    private record VetoingHandler(HandlerVetoException veto) implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {
            throw this.veto;
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}
    }

    private record CountingHandler(AtomicInteger exits, AtomicInteger drops) implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            this.exits.incrementAndGet();
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            this.drops.incrementAndGet();
        }
    }
}
