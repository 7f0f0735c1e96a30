package dev.llamatrace.core.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.SpanDropEvent;
import dev.llamatrace.core.span.AbstractSpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimpleSpanHandlerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("simple");

    @Test
    void completedSpanHasStartEndDurationAndOutcome() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        this.dispatcher.span("work", () -> "v");
        SimpleSpan span = handler.completedSpans().get(0);
        assertThat(span.name()).isEqualTo("work");
        assertThat(span.outcome()).isEqualTo(SimpleSpan.Outcome.EXITED);
        assertThat(span.duration()).isGreaterThanOrEqualTo(Duration.ZERO);
        assertThat(span.endTime()).isEqualTo(span.startTime().plus(span.duration()));
        assertThat(span.error()).isNull();
        assertThat(span.errorType()).isNull();
        assertThat(handler.completedCount()).isEqualTo(1);
        assertThat(handler.openSpans()).isEmpty();
    }

    @Test
    void droppedSpanKeepsTheErrorAndItsTiming() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        IllegalStateException failure = new IllegalStateException("model down");
        assertThatThrownBy(() -> this.dispatcher.span("work", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        SimpleSpan span = handler.droppedSpans().get(0);
        assertThat(span.outcome()).isEqualTo(SimpleSpan.Outcome.DROPPED);
        assertThat(span.error()).isEqualTo("model down");
        assertThat(span.errorType()).isEqualTo(IllegalStateException.class.getName());
        assertThat(span.endTime()).isNotNull();
        assertThat(span.events()).singleElement().isInstanceOfSatisfying(SpanDropEvent.class, (drop) -> {
            assertThat(drop.errorMessage()).isEqualTo("model down");
            assertThat(drop.errorType()).isEqualTo(IllegalStateException.class.getName());
            assertThat(drop.error()).isSameAs(failure);
        });
        assertThat(handler.droppedCount()).isEqualTo(1);
        assertThat(handler.completedSpans()).isEmpty();
    }

    @Test
    void anErrorWithoutMessageIsKeptAsEmptyTextWithItsClass() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        assertThatThrownBy(() -> this.dispatcher.span("work", () -> {
                    throw new UnsupportedOperationException();
                }))
                .isInstanceOf(UnsupportedOperationException.class);
        SimpleSpan span = handler.droppedSpans().get(0);
        assertThat(span.error()).isEmpty();
        assertThat(span.errorType()).isEqualTo("java.lang.UnsupportedOperationException");
    }

    @Test
    void oldestEndedSpansAreEvictedBeyondCapacityAndTotalsStayExact() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(3));
        for (int i = 0; i < 5; i++) {
            String name = "s" + i;
            this.dispatcher.span(name, () -> name);
        }
        assertThatThrownBy(() -> this.dispatcher.span("failed", () -> {
            throw new IllegalStateException();
        }));
        assertThat(handler.completedSpans()).extracting(SimpleSpan::name).containsExactly("s3", "s4");
        assertThat(handler.droppedSpans()).extracting(SimpleSpan::name).containsExactly("failed");
        assertThat(handler.evictionCount()).isEqualTo(3);
        assertThat(handler.completedCount()).isEqualTo(5);
        assertThat(handler.droppedCount()).isEqualTo(1);
        assertThat(handler.capacity()).isEqualTo(3);
    }

    @Test
    void eventsAreAttachedToTheirOpenSpanUpToTheCap() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(10, 2));
        this.dispatcher.event(new Note("outside"));
        this.dispatcher.span("work", () -> {
            for (int i = 0; i < 5; i++) {
                this.dispatcher.event(new Note("n" + i));
            }
            return null;
        });
        SimpleSpan span = handler.completedSpans().get(0);
        assertThat(span.events()).extracting((event) -> ((Note) event).text).containsExactly("n0", "n1");
        assertThat(span.droppedEventCount()).isEqualTo(3);
    }

    @Test
    void traceTreesNestChildrenByStartTimeMostRecentTraceFirst() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        this.dispatcher.span("query", () -> {
            this.dispatcher.span("retrieve", () -> this.dispatcher.span("embed", () -> "v"));
            return this.dispatcher.span("synthesize", () -> "v");
        });
        this.dispatcher.span("second", () -> "v");
        List<TraceTree> traces = handler.traces();
        assertThat(traces).extracting((tree) -> tree.root().span().name()).containsExactly("second", "query");
        TraceTree query = traces.get(1);
        assertThat(query.missingParentId()).isNull();
        assertThat(query.spanCount()).isEqualTo(4);
        assertThat(query.root().children())
                .extracting((node) -> node.span().name())
                .containsExactly("retrieve", "synthesize");
        assertThat(query.root().children().get(0).children())
                .extracting((node) -> node.span().name())
                .containsExactly("embed");
        assertThat(handler.trace(query.rootId())).contains(query);
        assertThat(handler.trace("unknown")).isEmpty();
        assertThat(handler.recentTraceIds(1)).containsExactly(traces.get(0).rootId());
        assertThat(handler.recentTraceIds(10)).hasSize(2);
        assertThatIllegalArgumentException().isThrownBy(() -> handler.recentTraceIds(-1));
    }

    @Test
    void spanWhoseParentWasEvictedBecomesARootNamingTheMissingParent() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(1));
        SpanInvocation parent = this.dispatcher.spanEnter("parent", null, Map.of());
        SpanInvocation child = this.dispatcher.spanEnter("child", parent, null, Map.of());
        parent.exit(null);
        child.exit(null);
        TraceTree tree = handler.traces().get(0);
        assertThat(handler.traces()).hasSize(1);
        assertThat(tree.rootId()).isEqualTo(child.id());
        assertThat(tree.missingParentId()).isEqualTo(parent.id());
        assertThat(tree.root().span().parentId()).isEqualTo(parent.id());
        assertThat(handler.printTraceTrees()).startsWith(child.id() + " (").contains("[parent " + parent.id());
    }

    @Test
    void openSpansAppearInTracesSoChildrenKeepTheirRunningParent() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        SpanInvocation parent = this.dispatcher.spanEnter("parent", null, Map.of());
        this.dispatcher.spanEnter("child", parent, null, Map.of()).exit(null);
        TraceTree tree = handler.traces().get(0);
        assertThat(tree.root().span().outcome()).isEqualTo(SimpleSpan.Outcome.OPEN);
        assertThat(tree.root().span().endTime()).isNull();
        assertThat(tree.root().children()).hasSize(1);
        assertThat(handler.printTraceTrees()).startsWith(parent.id() + " (open)\n");
    }

    @Test
    void printedTreesFollowTheLlamaIndexLayout() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        this.dispatcher.span("query", () -> {
            this.dispatcher.span("retrieve", () -> this.dispatcher.span("embed", () -> "v"));
            return this.dispatcher.span("synthesize", () -> "v");
        });
        this.dispatcher.span("second", () -> "v");
        String text = handler.printTraceTrees().replaceAll("-[0-9a-f-]{36} \\(\\d+\\.\\d{6}\\)", " (t)");
        assertThat(text)
                .isEqualTo(
                        """
                        query (t)
                        ├── retrieve (t)
                        │   └── embed (t)
                        └── synthesize (t)

                        second (t)

                        """);
    }

    @Test
    void spansEndingOnManyThreadsAreCountedExactly() throws Exception {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(1000));
        int threads = 4;
        int perThread = 500;
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            new Thread(() -> {
                        try {
                            start.await();
                            for (int i = 0; i < perThread; i++) {
                                this.dispatcher.span("outer", () -> {
                                    this.dispatcher.event(new Note("x"));
                                    return this.dispatcher.span("inner", () -> "v");
                                });
                            }
                        } catch (Exception ex) {
                            throw new IllegalStateException(ex);
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(handler.completedCount()).isEqualTo(threads * perThread * 2L);
        assertThat(handler.evictionCount()).isEqualTo(threads * perThread * 2L - 1000);
        assertThat(handler.completedSpans()).hasSize(1000);
        assertThat(handler.openSpans()).isEmpty();
        assertThat(handler.completedSpans())
                .filteredOn((span) -> span.name().equals("outer"))
                .allSatisfy((span) -> assertThat(span.events()).hasSize(1));
    }

    @Test
    void afterTheOpenSpanCapFilledWithAbandonedSpansNewSpansAreStillTraced() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler());
        for (int i = 0; i < AbstractSpanHandler.DEFAULT_MAX_OPEN_SPANS; i++) {
            this.dispatcher.spanEnter("abandoned", null, Map.of());
        }
        for (int i = 0; i < 1000; i++) {
            this.dispatcher.span("healthy", () -> this.dispatcher.span("child", () -> "v"));
        }
        assertThat(handler.completedSpans())
                .filteredOn((span) -> span.name().equals("healthy"))
                .hasSize(1000);
        assertThat(handler.traces())
                .filteredOn((tree) -> tree.root().span().name().equals("healthy"))
                .hasSize(1000)
                .allSatisfy((tree) -> assertThat(tree.spanCount()).isEqualTo(2));
        assertThat(handler.openSpans()).hasSizeLessThanOrEqualTo(AbstractSpanHandler.DEFAULT_MAX_OPEN_SPANS);
        // Healthy spans end, so only the first one past the cap makes room: the excess plus one batch of the oldest.
        assertThat(handler.evictedOpenSpanCount()).isEqualTo(AbstractSpanHandler.DEFAULT_MAX_OPEN_SPANS / 64);
        assertThat(handler.droppedSpans())
                .hasSize((int) handler.evictedOpenSpanCount())
                .allSatisfy((span) -> {
                    assertThat(span.name()).isEqualTo("abandoned");
                    assertThat(span.errorType()).endsWith("AbandonedSpanException");
                });
    }

    @Test
    void readsUnderConcurrentWritesNeverShowAChildAsATraceRoot() throws Exception {
        // Room for every span written, so no parent is ever evicted: a child shown as a root can only come from a read
        // that saw the child but missed its parent while the parent ended.
        int writers = 3;
        int tracesPerWriter = 3_000;
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(2 * writers * tracesPerWriter));
        CountDownLatch done = new CountDownLatch(writers);
        for (int t = 0; t < writers; t++) {
            new Thread(() -> {
                        try {
                            for (int i = 0; i < tracesPerWriter; i++) {
                                this.dispatcher.span("parent", () -> this.dispatcher.span("child", () -> "v"));
                            }
                        } finally {
                            done.countDown();
                        }
                    })
                    .start();
        }
        List<String> orphans = new ArrayList<>();
        int reads = 0;
        while (done.getCount() > 0 && orphans.isEmpty()) {
            reads++;
            for (TraceTree tree : handler.traces()) {
                if (tree.root().span().parentId() != null) {
                    orphans.add("read " + reads + ": " + tree.rootId() + " shown as a root");
                }
            }
        }
        assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(orphans).isEmpty();
        assertThat(handler.evictionCount()).isZero();
        assertThat(handler.completedCount()).isEqualTo(2L * writers * tracesPerWriter);
    }

    @Test
    void clearForgetsRetainedSpansAndResetsCounts() {
        SimpleSpanHandler handler = attach(new SimpleSpanHandler(1));
        this.dispatcher.span("a", () -> "v");
        this.dispatcher.span("b", () -> "v");
        handler.clear();
        assertThat(handler.traces()).isEmpty();
        assertThat(handler.completedCount()).isZero();
        assertThat(handler.evictionCount()).isZero();
        assertThat(handler.printTraceTrees()).isEmpty();
    }

    @Test
    void badBoundsFailFast() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SimpleSpanHandler(0));
        assertThatIllegalArgumentException().isThrownBy(() -> new SimpleSpanHandler(10, -1));
    }

    private SimpleSpanHandler attach(SimpleSpanHandler handler) {
        this.registry.root().addSpanHandler(handler);
        this.registry.root().addEventHandler(handler);
        return handler;
    }

    static final class Note extends Event {

        final String text;

        Note(String text) {
            this.text = text;
        }
    }
}
