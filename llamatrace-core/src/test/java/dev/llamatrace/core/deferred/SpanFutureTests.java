package dev.llamatrace.core.deferred;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.RecordingHandler;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpanFutureTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("async");

    private final RecordingHandler recorder = new RecordingHandler();

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void shutDownPool() {
        this.pool.shutdownNow();
    }

    @Test
    void spanStaysOpenUntilTheFutureSucceedsThenExitsWithItsValue() {
        listen();
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> result = this.dispatcher.spanAsync("call", () -> source);
        assertThat(this.recorder.log).containsExactly("enter call parent=none");
        assertThat(result).isNotDone();
        source.complete("answer");
        assertThat(result.join()).isEqualTo("answer");
        assertThat(this.recorder.log).containsExactly("enter call parent=none", "exit call");
        assertThat(this.recorder.results).containsValue("answer");
    }

    @Test
    void returnedFutureCompletesOnlyAfterHandlersSawTheExit() {
        AtomicReference<CompletableFuture<String>> returned = new AtomicReference<>();
        List<Boolean> doneAtExit = new CopyOnWriteArrayList<>();
        this.registry.root().addSpanHandler(new SpanHandler<Span>() {

            @Override
            public void spanEnter(SpanInvocation span) {}

            @Override
            public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
                doneAtExit.add(returned.get().isDone());
            }

            @Override
            public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}
        });
        CompletableFuture<String> source = new CompletableFuture<>();
        returned.set(this.dispatcher.spanAsync("call", () -> source));
        source.complete("v");
        assertThat(doneAtExit).containsExactly(false);
        assertThat(returned.get()).isCompletedWithValue("v");
    }

    @Test
    void failedFutureDropsTheSpanAndKeepsTheSameExceptionInstance() {
        listen();
        IllegalStateException failure = new IllegalStateException("model down");
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> result = this.dispatcher.spanAsync("call", () -> source);
        source.completeExceptionally(failure);
        assertThatThrownBy(result::get).isInstanceOf(ExecutionException.class).hasCauseReference(failure);
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCauseReference(failure);
        assertThat(this.recorder.log)
                .containsExactly("enter call parent=none", "event SpanDropEvent", "drop call IllegalStateException");
        assertThat(this.recorder.error("call")).isSameAs(failure);
    }

    @Test
    void failureInsideAnAsyncStageDropsWithTheOriginalCause() {
        listen();
        IllegalArgumentException failure = new IllegalArgumentException("bad prompt");
        CompletableFuture<String> result = this.dispatcher.spanAsync(
                "call",
                () -> CompletableFuture.supplyAsync(
                        () -> {
                            throw failure;
                        },
                        this.pool));
        assertThatThrownBy(result::join).isInstanceOf(CompletionException.class).hasCauseReference(failure);
        assertThat(this.recorder.error("call")).isSameAs(failure);
    }

    @Test
    void cancellingTheReturnedFutureCancelsTheSourceAndDropsTheSpan() {
        listen();
        CompletableFuture<String> source = new CompletableFuture<>();
        CompletableFuture<String> result = this.dispatcher.spanAsync("call", () -> source);
        assertThat(result.cancel(true)).isTrue();
        assertThat(source).isCancelled();
        assertThat(result).isCancelled();
        assertThat(this.recorder.log)
                .containsExactly("enter call parent=none", "event SpanDropEvent", "drop call CancellationException");
        assertThat(this.recorder.error("call")).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingAfterCompletionChangesNothing() {
        listen();
        CompletableFuture<String> result =
                this.dispatcher.spanAsync("call", () -> CompletableFuture.completedFuture("v"));
        assertThat(result.cancel(true)).isFalse();
        assertThat(result).isCompletedWithValue("v");
        assertThat(this.recorder.log).containsExactly("enter call parent=none", "exit call");
    }

    @Test
    void synchronousFailureDispatchesDropEventDropsAndRethrowsTheSameInstance() {
        listen();
        IOException failure = new IOException("no connection");
        assertThatThrownBy(() -> this.dispatcher.spanAsync("call", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(this.recorder.log)
                .containsExactly("enter call parent=none", "event SpanDropEvent", "drop call IOException");
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void bodyRunsWithTheSpanActiveAndTheContextIsRestoredAfterwards() {
        listen();
        CompletableFuture<String> source = new CompletableFuture<>();
        this.dispatcher.spanAsync("call", () -> {
            this.dispatcher.span("prepare", () -> "ok");
            return source;
        });
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(this.recorder.span("prepare").parent()).isSameAs(this.recorder.span("call"));
        source.complete("done");
        assertThat(this.recorder.log)
                .containsExactly("enter call parent=none", "enter prepare parent=call", "exit prepare", "exit call");
    }

    @Test
    void workSubmittedWithWrapHelpersIsParentedUnderTheAsyncSpan() {
        listen();
        CompletableFuture<Integer> result = this.dispatcher.spanAsync("call", () -> CompletableFuture.supplyAsync(
                        TraceContext.wrapSupplier(() -> this.dispatcher.span("fetch", () -> 20)), this.pool)
                .thenApplyAsync(
                        TraceContext.wrapFunction((value) -> this.dispatcher.span("parse", () -> value + 1)), this.pool)
                .thenApplyAsync((value) -> this.dispatcher.span("unwrapped", () -> value * 2), this.pool));
        assertThat(result.join()).isEqualTo(42);
        assertThat(this.recorder.span("fetch").parent()).isSameAs(this.recorder.span("call"));
        assertThat(this.recorder.span("parse").parent()).isSameAs(this.recorder.span("call"));
        assertThat(this.recorder.span("unwrapped").parent()).isNull();
        assertThat(this.recorder.log).endsWith("exit call");
    }

    @Test
    void withoutSpanHandlersTheBodysFutureIsReturnedUntouched() {
        this.registry.root().addEventHandler(this.recorder);
        CompletableFuture<String> source = new CompletableFuture<>();
        assertThat(this.dispatcher.spanAsync("call", () -> source)).isSameAs(source);
        assertThat(this.recorder.log).isEmpty();
    }

    private void listen() {
        this.registry.root().addSpanHandler(this.recorder);
        this.registry.root().addEventHandler(this.recorder);
    }
}
