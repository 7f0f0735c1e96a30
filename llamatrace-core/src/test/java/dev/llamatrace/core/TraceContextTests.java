package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TraceContextTests {

    private static final int TASKS = 200;

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("context");

    private final RecordingHandler recorder = new RecordingHandler();

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutDownPool() throws InterruptedException {
        this.pool.shutdownNow();
        assertThat(this.pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        TraceContext.clear();
    }

    @Test
    void tasksOnAWrappedExecutorKeepTheSubmittersSpanAsParent() throws Exception {
        listen();
        List<Future<?>> futures = new ArrayList<>();
        ExecutorService wrapped = TraceContext.wrap(this.pool);
        this.dispatcher.span("request", () -> {
            for (int i = 0; i < TASKS; i++) {
                futures.add(wrapped.submit(() -> this.dispatcher.span("task", () -> "done")));
            }
            return null;
        });
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        SpanInvocation request = this.recorder.span("request");
        assertThat(this.recorder.entered.values())
                .filteredOn((span) -> span.name().equals("task"))
                .hasSize(TASKS)
                .allSatisfy((span) -> assertThat(span.parent()).isSameAs(request));
    }

    @Test
    void tasksOnAPlainPoolStartNewRoots() throws Exception {
        listen();
        List<Future<?>> futures = new ArrayList<>();
        this.dispatcher.span("request", () -> {
            for (int i = 0; i < TASKS; i++) {
                futures.add(this.pool.submit(() -> this.dispatcher.span("task", () -> "done")));
            }
            return null;
        });
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(this.recorder.entered.values())
                .filteredOn((span) -> span.name().equals("task"))
                .hasSize(TASKS)
                .allSatisfy((span) -> assertThat(span.parent()).isNull());
    }

    @Test
    void invokeAllOnAWrappedExecutorServiceKeepsTheParent() throws Exception {
        listen();
        ExecutorService wrapped = TraceContext.wrap(this.pool);
        List<Callable<@Nullable String>> tasks = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tasks.add(TraceContext::currentSpanId);
        }
        List<Future<@Nullable String>> results = this.dispatcher.span("batch", () -> wrapped.invokeAll(tasks));
        String batchId = this.recorder.span("batch").id();
        assertThat(results).hasSize(20);
        for (Future<@Nullable String> result : results) {
            assertThat(result.get()).isEqualTo(batchId);
        }
    }

    @Test
    void tagsDoNotBleedBetweenTasksOnPoolThreads() throws Exception {
        this.registry.root().addEventHandler(this.recorder);
        ExecutorService wrapped = TraceContext.wrap(this.pool);
        Map<Integer, Map<String, Object>> unwrappedTags = new ConcurrentHashMap<>();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            int request = i;
            try (TraceContext.Scope tags = TraceContext.withTags(Map.of("request", request))) {
                futures.add(wrapped.submit(() -> this.dispatcher.event(new TaskEvent(request))));
                futures.add(this.pool.submit(() -> {
                    unwrappedTags.put(request, TraceContext.currentTags());
                }));
            }
        }
        for (Future<?> future : futures) {
            future.get(30, TimeUnit.SECONDS);
        }
        assertThat(this.recorder.events).hasSize(TASKS).allSatisfy((event) -> assertThat(event.tags())
                .containsExactly(Map.entry("request", ((TaskEvent) event).request)));
        assertThat(unwrappedTags).hasSize(TASKS).allSatisfy((request, tags) -> assertThat(tags)
                .isEmpty());
        assertThat(TraceContext.currentTags()).isEmpty();
    }

    @Test
    void tagsBlocksReplaceRatherThanMergeAndSpansSnapshotThemAtEnter() {
        listen();
        try (TraceContext.Scope outer = TraceContext.withTags(Map.of("user", "u1"))) {
            try (SpanScope scope = this.dispatcher.enter("outer")) {
                try (TraceContext.Scope inner = TraceContext.withTags(Map.of("session", "s1"))) {
                    assertThat(TraceContext.currentTags()).containsExactly(Map.entry("session", "s1"));
                    this.dispatcher.span("inner", () -> "v");
                }
            }
        }
        assertThat(this.recorder.span("outer").tags()).containsExactly(Map.entry("user", "u1"));
        assertThat(this.recorder.span("inner").tags()).containsExactly(Map.entry("session", "s1"));
    }

    @Test
    void aThreadFromAThreadFactoryKeepsTheParentOnlyWhenTheTaskIsWrapped() throws Exception {
        listen();
        this.dispatcher.span("request", () -> {
            Thread wrapped = Executors.defaultThreadFactory().newThread(TraceContext.wrap(() -> {
                this.dispatcher.span("wrapped", () -> "v");
            }));
            Thread plain = Executors.defaultThreadFactory().newThread(() -> this.dispatcher.span("plain", () -> "v"));
            wrapped.start();
            plain.start();
            wrapped.join();
            plain.join();
            return null;
        });
        assertThat(this.recorder.span("wrapped").parent()).isSameAs(this.recorder.span("request"));
        assertThat(this.recorder.span("plain").parent()).isNull();
    }

    @Test
    void completableFutureStagesKeepTheParentWithWrapHelpers() {
        listen();
        CompletableFuture<Void> gate = new CompletableFuture<>();
        CompletableFuture<String> chain = this.dispatcher.span("request", () -> CompletableFuture.runAsync(
                        () -> this.dispatcher.span("first", () -> "v"), TraceContext.wrap(this.pool))
                .thenCombine(gate, (first, second) -> "combined")
                .thenApplyAsync(
                        TraceContext.wrapFunction((value) -> this.dispatcher.span("second", () -> value)), this.pool));
        this.pool.execute(() -> gate.complete(null));
        assertThat(chain.join()).isEqualTo("combined");
        SpanInvocation request = this.recorder.span("request");
        assertThat(this.recorder.span("first").parent()).isSameAs(request);
        assertThat(this.recorder.span("second").parent()).isSameAs(request);
    }

    @Test
    void snapshotRestoresOnAnotherThreadAndPutsBackWhatWasThere() throws Exception {
        listen();
        TraceContext.Snapshot snapshot;
        try (SpanScope scope = this.dispatcher.enter("request");
                TraceContext.Scope tags = TraceContext.withTags(Map.of("k", "v"))) {
            snapshot = TraceContext.capture();
        }
        assertThat(TraceContext.currentSpan()).isNull();
        CountDownLatch done = new CountDownLatch(1);
        List<Object> seen = new ArrayList<>();
        Thread thread = new Thread(() -> {
            try (TraceContext.Scope own = TraceContext.withTags(Map.of("own", 1))) {
                TraceContext.Scope restored = snapshot.restore();
                seen.add(TraceContext.currentSpanId());
                seen.add(TraceContext.currentTags());
                restored.close();
                restored.close();
                seen.add(TraceContext.currentTags());
            }
            done.countDown();
        });
        thread.start();
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        thread.join();
        assertThat(seen).containsExactly(this.recorder.span("request").id(), Map.of("k", "v"), Map.of("own", 1));
    }

    @Test
    void setAndClearInstallAndRemoveAContextWithoutAScope() {
        listen();
        TraceContext.Snapshot snapshot = this.dispatcher.span("request", TraceContext::capture);
        TraceContext.set(snapshot);
        assertThat(TraceContext.currentSpan()).isSameAs(this.recorder.span("request"));
        TraceContext.clear();
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(TraceContext.currentTags()).isEmpty();
    }

    private void listen() {
        this.registry.root().addSpanHandler(this.recorder);
    }

    static final class TaskEvent extends Event {

        final int request;

        TaskEvent(int request) {
            this.request = request;
        }
    }
}
