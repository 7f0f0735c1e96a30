package dev.llamatrace.core.span;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The custom span type and handler of the LlamaIndex guide, ported: {@code MyCustomSpan}, {@code MyCustomSpanHandler}. */
class AbstractSpanHandlerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("custom");

    @Test
    void customHandlerBuildsItsOwnSpansAndClosesThemOnExitAndDrop() {
        MyCustomSpanHandler handler = new MyCustomSpanHandler(100);
        this.registry.root().addSpanHandler(handler);
        Object instance = new Object();
        this.dispatcher.span("Retriever.retrieve", instance, Map.of("query", "q"), () -> {
            assertThat(handler.openSpans()).singleElement().satisfies((span) -> {
                assertThat(span.customField1).isSameAs(instance);
                assertThat(span.customField2).isEqualTo(Map.of("query", "q"));
            });
            return "nodes";
        });
        try {
            this.dispatcher.span("fails", () -> {
                throw new IllegalStateException("x");
            });
        } catch (IllegalStateException expected) {
            // the span is dropped; the handler records it
        }
        assertThat(handler.ended).containsExactly("exit Retriever.retrieve=nodes", "drop fails");
        assertThat(handler.openSpans()).isEmpty();
    }

    @Test
    void spanIsKeptOpenWhenPrepareReturnsFalse() {
        MyCustomSpanHandler handler = new MyCustomSpanHandler(100);
        handler.keepOpen = true;
        this.registry.root().addSpanHandler(handler);
        String id = this.dispatcher.span("work", () -> Objects.requireNonNull(TraceContext.currentSpanId()));
        assertThat(handler.openSpan(id)).isNotNull();
    }

    @Test
    void newSpanReturningNullMeansNotTracked() {
        MyCustomSpanHandler handler = new MyCustomSpanHandler(100);
        this.registry.root().addSpanHandler(handler);
        this.dispatcher.span("ignored", () -> "v");
        assertThat(handler.ended).isEmpty();
    }

    @Test
    void pastTheCapTheOldestOpenSpansAreEvictedAsAbandonedSoNewSpansAreStillTracked() {
        MyCustomSpanHandler handler = new MyCustomSpanHandler(2);
        this.registry.root().addSpanHandler(handler);
        List<SpanInvocation> spans = List.of(
                this.dispatcher.spanEnter("a", null, Map.of()),
                this.dispatcher.spanEnter("b", null, Map.of()),
                this.dispatcher.spanEnter("c", null, Map.of()));
        assertThat(handler.openSpans())
                .extracting(Span::id)
                .containsExactlyInAnyOrder(spans.get(1).id(), spans.get(2).id());
        assertThat(handler.evictedOpenSpanCount()).isEqualTo(1);
        assertThat(handler.ended).containsExactly("drop a");
        assertThat(handler.errors).singleElement().isInstanceOf(AbandonedSpanException.class);
        spans.forEach((span) -> span.exit(null));
        // The evicted span's own end is not seen twice.
        assertThat(handler.ended).containsExactly("drop a", "exit b=null", "exit c=null");
        assertThat(handler.openSpans()).isEmpty();
    }

    static final class MyCustomSpan extends Span {

        final @Nullable Object customField1;

        final Map<String, ?> customField2;

        MyCustomSpan(SpanInvocation invocation) {
            super(invocation.id(), invocation.parentId(), invocation.tags());
            this.customField1 = invocation.instance();
            this.customField2 = invocation.arguments();
        }
    }

    static final class MyCustomSpanHandler extends AbstractSpanHandler<MyCustomSpan> {

        final List<String> ended = new CopyOnWriteArrayList<>();

        final List<Throwable> errors = new CopyOnWriteArrayList<>();

        boolean keepOpen;

        MyCustomSpanHandler(int maxOpenSpans) {
            super(maxOpenSpans);
        }

        @Override
        protected @Nullable MyCustomSpan newSpan(SpanInvocation span) {
            return span.name().equals("ignored") ? null : new MyCustomSpan(span);
        }

        @Override
        protected boolean prepareToExitSpan(
                MyCustomSpan span, SpanInvocation invocation, @Nullable Object result, long endNanos) {
            if (this.keepOpen) {
                return false;
            }
            this.ended.add("exit " + invocation.name() + "=" + result);
            return true;
        }

        @Override
        protected boolean prepareToDropSpan(
                MyCustomSpan span, SpanInvocation invocation, Throwable error, long endNanos) {
            this.ended.add("drop " + invocation.name());
            this.errors.add(error);
            return true;
        }
    }
}
