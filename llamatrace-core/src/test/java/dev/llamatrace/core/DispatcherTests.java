package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.SpanHandler;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
}
