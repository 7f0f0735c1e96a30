package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import dev.llamatrace.core.trace.TraceTree;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class PropagationContextsTests {

    private final DispatcherRegistry client = new DispatcherRegistry();

    private final DispatcherRegistry server = new DispatcherRegistry();

    @Test
    void nothingActiveCapturesAnEmptyMap() {
        this.client.root().addSpanHandler(new SimpleSpanHandler());
        assertThat(this.client.get("app").capturePropagationContext()).isEmpty();
    }

    @Test
    void captureHoldsTheActiveSpanEachHandlersEntryAndTheActiveTags() {
        Dispatcher app = this.client.get("app");
        app.addSpanHandler(new Namespaced(Map.of("shared", "first", "first", Map.of("k", 1))));
        this.client.root().addSpanHandler(new Namespaced(Map.of("shared", "second")));
        Map<String, Object> captured;
        String spanId;
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("user", "u-1"))) {
            SpanInvocation span = app.spanEnter("work", null, Map.of());
            spanId = span.id();
            try (TraceContext.Scope active = TraceContext.activate(span)) {
                captured = app.capturePropagationContext();
            }
            span.exit(null);
        }
        assertThat(captured)
                .containsOnly(
                        entry(Dispatcher.PROPAGATED_SPAN_ID, spanId),
                        entry("first", Map.of("k", 1)),
                        entry("shared", "second"),
                        entry(Dispatcher.INSTRUMENT_TAGS, Map.of("user", "u-1")));
    }

    @Test
    void captureWalksTheChainOnlyUntilADispatcherThatDoesNotPropagate() {
        Dispatcher app = this.client.get("app");
        app.addSpanHandler(new Namespaced(Map.of("own", "yes")));
        this.client.root().addSpanHandler(new Namespaced(Map.of("root", "yes")));
        app.setPropagate(false);
        assertThat(app.capturePropagationContext()).containsOnlyKeys("own");
    }

    @Test
    void restoreHandsTheMapToEveryHandlerAndSetsTheSpanAndTagsUntilTheScopeCloses() {
        Namespaced own = new Namespaced(Map.of());
        Namespaced onRoot = new Namespaced(Map.of());
        Dispatcher app = this.server.get("app");
        app.addSpanHandler(own);
        this.server.root().addSpanHandler(onRoot);
        Map<String, Object> context = Map.of(
                Dispatcher.PROPAGATED_SPAN_ID,
                "Client.call-remote",
                Dispatcher.INSTRUMENT_TAGS,
                Map.of("user", "u-1"),
                "own",
                "state");

        SpanInvocation child;
        try (TraceContext.Scope restored = app.restorePropagationContext(context)) {
            assertThat(TraceContext.currentTags()).containsOnly(entry("user", "u-1"));
            assertThat(TraceContext.currentSpan().isRemote()).isTrue();
            child = app.span("Server.handle", TraceContext::currentSpan);
        }

        assertThat(own.restored).containsExactly(context);
        assertThat(onRoot.restored).containsExactly(context);
        assertThat(child.parentId()).isEqualTo("Client.call-remote");
        assertThat(child.tags()).containsOnly(entry("user", "u-1"));
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(TraceContext.currentTags()).isEmpty();
    }

    @Test
    void aRemoteSpanIsNeverEnteredOrEndedOnTheHandlers() {
        Namespaced handler = new Namespaced(Map.of());
        this.server.root().addSpanHandler(handler);
        try (TraceContext.Scope restored =
                this.server.root().restorePropagationContext(Map.of(Dispatcher.PROPAGATED_SPAN_ID, "remote-1"))) {
            SpanInvocation remote = TraceContext.currentSpan();
            remote.exit("ignored");
            remote.drop(new IllegalStateException("ignored"));
            assertThat(remote.isEnded()).isTrue();
        }
        assertThat(handler.log).isEmpty();
    }

    @Test
    void aSpanStartedWhereTheContextIsRestoredIsParentedUnderTheRemoteSpanInTraceTrees() {
        SimpleSpanHandler clientSpans = new SimpleSpanHandler();
        SimpleSpanHandler serverSpans = new SimpleSpanHandler();
        SimpleSpanHandler both = new SimpleSpanHandler();
        this.client.root().addSpanHandler(clientSpans);
        this.client.root().addSpanHandler(both);
        this.server.root().addSpanHandler(serverSpans);
        this.server.root().addSpanHandler(both);
        Dispatcher clientApp = this.client.get("client");
        Dispatcher serverApp = this.server.get("server");

        String clientSpanId = clientApp.span("Client.call", () -> {
            Map<String, Object> sent = clientApp.capturePropagationContext();
            // What crosses the wire: the server sees a copy, never the client's objects.
            Map<String, Object> received = Map.copyOf(sent);
            try (TraceContext.Scope restored = serverApp.restorePropagationContext(received)) {
                serverApp.span("Server.handle", () -> serverApp.span("Server.retrieve", () -> "docs"));
            }
            return TraceContext.currentSpanId();
        });

        TraceTree serverTree = serverSpans.traces().get(0);
        assertThat(serverTree.root().span().name()).isEqualTo("Server.handle");
        assertThat(serverTree.missingParentId()).isEqualTo(clientSpanId);
        assertThat(serverTree.spanCount()).isEqualTo(2);
        assertThat(both.traces()).singleElement().satisfies((tree) -> {
            assertThat(tree.rootId()).isEqualTo(clientSpanId);
            assertThat(tree.missingParentId()).isNull();
            assertThat(tree.root().children())
                    .singleElement()
                    .satisfies((node) -> assertThat(node.span().name()).isEqualTo("Server.handle"));
            assertThat(tree.spanCount()).isEqualTo(3);
        });
        assertThat(clientSpans.traces())
                .singleElement()
                .extracting(TraceTree::spanCount)
                .isEqualTo(1);
    }

    @Test
    void failuresInCaptureAndRestoreAreIsolatedAndCounted() {
        Dispatcher app = this.client.get("app");
        app.addSpanHandler(new Failing());
        app.addSpanHandler(new Namespaced(Map.of("healthy", "yes")));

        assertThat(app.capturePropagationContext()).containsOnlyKeys("healthy");
        try (TraceContext.Scope restored =
                app.restorePropagationContext(Map.of(Dispatcher.INSTRUMENT_TAGS, Map.of("k", "v")))) {
            assertThat(TraceContext.currentTags()).containsOnly(entry("k", "v"));
        }
        assertThat(this.client.failures().count()).isEqualTo(2);
    }

    @Test
    void malformedEntriesAreIgnored() {
        try (TraceContext.Scope restored = this.server
                .root()
                .restorePropagationContext(
                        Map.of(Dispatcher.PROPAGATED_SPAN_ID, 42, Dispatcher.INSTRUMENT_TAGS, "not a map"))) {
            assertThat(TraceContext.currentSpan()).isNull();
            assertThat(TraceContext.currentTags()).isEmpty();
        }
    }

    /** Propagates fixed entries and records what it is asked to restore. */
    private static final class Namespaced implements SpanHandler<Span> {

        final List<Map<String, ?>> restored = new CopyOnWriteArrayList<>();

        final List<String> log = new CopyOnWriteArrayList<>();

        private final Map<String, Object> entries;

        Namespaced(Map<String, Object> entries) {
            this.entries = entries;
        }

        @Override
        public void spanEnter(SpanInvocation span) {
            this.log.add("enter " + span.name());
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            this.log.add("exit " + span.name());
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            this.log.add("drop " + span.name());
        }

        @Override
        public Map<String, Object> capturePropagationContext() {
            return this.entries;
        }

        @Override
        public void restorePropagationContext(Map<String, ?> context) {
            this.restored.add(context);
        }
    }

    private static final class Failing implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}

        @Override
        public Map<String, Object> capturePropagationContext() {
            throw new IllegalStateException("capture broke");
        }

        @Override
        public void restorePropagationContext(Map<String, ?> context) {
            throw new IllegalStateException("restore broke");
        }
    }
}
