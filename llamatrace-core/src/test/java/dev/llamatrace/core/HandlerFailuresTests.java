package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HandlerFailuresTests {

    // System.Logger is backed by java.util.logging in these tests; keep a strong reference so the level sticks.
    private final Logger logger = Logger.getLogger(HandlerFailures.class.getName());

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private final Handler capture = new Handler() {

        @Override
        public void publish(LogRecord record) {
            HandlerFailuresTests.this.records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        this.previousLevel = this.logger.getLevel();
        this.logger.setLevel(Level.ALL);
        this.logger.addHandler(this.capture);
    }

    @AfterEach
    void restoreLogs() {
        this.logger.removeHandler(this.capture);
        this.logger.setLevel(this.previousLevel);
    }

    @Test
    void aFailingHandlerIsLoggedOnceAtWarnThenAtDebugAndEveryFailureIsCounted() {
        Dispatcher dispatcher = this.registry.get("x");
        EventHandler broken = (event) -> {
            throw new IllegalStateException("handler bug");
        };
        dispatcher.addEventHandler(broken);
        for (int i = 0; i < 5; i++) {
            dispatcher.event(new DispatcherTests.MyEvent("v"));
        }
        assertThat(this.registry.failures().count()).isEqualTo(5);
        assertThat(this.records)
                .extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.FINE, Level.FINE, Level.FINE, Level.FINE);
        assertThat(this.records.get(0).getThrown()).hasMessage("handler bug");
    }

    @Test
    void everyHandlerClassGetsItsOwnWarning() {
        Dispatcher dispatcher = this.registry.get("x");
        dispatcher.addEventHandler((event) -> {
            throw new IllegalStateException("first");
        });
        dispatcher.addEventHandler((event) -> {
            throw new IllegalStateException("second");
        });
        dispatcher.event(new DispatcherTests.MyEvent("v"));
        dispatcher.event(new DispatcherTests.MyEvent("v"));
        assertThat(this.records)
                .extracting(LogRecord::getLevel)
                .containsExactly(Level.WARNING, Level.WARNING, Level.FINE, Level.FINE);
    }

    @Test
    void errorsThatAreNotJvmFatalAreIsolatedToo() {
        Dispatcher dispatcher = this.registry.get("x");
        RecordingHandler after = new RecordingHandler();
        dispatcher.addEventHandler((event) -> {
            throw new AssertionError("not fatal");
        });
        dispatcher.addEventHandler(after);
        dispatcher.event(new DispatcherTests.MyEvent("v"));
        assertThat(after.events).hasSize(1);
        assertThat(this.registry.failures().count()).isEqualTo(1);
    }

    @Test
    void jvmFatalErrorsReachTheCallerOnlyAfterTheOtherHandlersRanAndAreCounted() {
        Dispatcher dispatcher = this.registry.get("x");
        OutOfMemoryError fatal = new OutOfMemoryError("simulated");
        RecordingHandler after = new RecordingHandler();
        dispatcher.addEventHandler((event) -> {
            throw fatal;
        });
        dispatcher.addEventHandler(after);
        assertThatThrownBy(() -> dispatcher.event(new DispatcherTests.MyEvent("v")))
                .isSameAs(fatal);
        assertThat(after.events).hasSize(1);
        assertThat(this.registry.failures().count()).isEqualTo(1);
    }

    @Test
    void theFatalSetIsOutOfMemoryInternalUnknownAndThreadDeathButNotStackOverflowOrLinkage() {
        assertThat(HandlerFailures.isFatal(new OutOfMemoryError())).isTrue();
        assertThat(HandlerFailures.isFatal(new InternalError())).isTrue();
        assertThat(HandlerFailures.isFatal(new UnknownError())).isTrue();
        assertThat(HandlerFailures.isFatal(newThreadDeath())).isTrue();
        assertThat(HandlerFailures.isFatal(new StackOverflowError())).isFalse();
        assertThat(HandlerFailures.isFatal(new NoClassDefFoundError("x"))).isFalse();
        assertThat(HandlerFailures.isFatal(new AssertionError())).isFalse();
        assertThat(HandlerFailures.isFatal(new IllegalStateException())).isFalse();
    }

    @Test
    void aHandlerOverflowingItsStackIsIsolatedLeavesNoSpanOpenAndTheOtherHandlersRun() {
        Dispatcher dispatcher = this.registry.get("x");
        SimpleSpanHandler spans = new SimpleSpanHandler();
        RecordingHandler recorder = new RecordingHandler();
        dispatcher.addSpanHandler(new RecursingSpanHandler());
        dispatcher.addEventHandler((event) -> recurse(0));
        dispatcher.addSpanHandler(spans);
        dispatcher.addEventHandler(spans);
        dispatcher.addSpanHandler(recorder);
        for (int i = 0; i < 50; i++) {
            assertThat(dispatcher.span("work", () -> {
                        dispatcher.event(new DispatcherTests.MyEvent("v"));
                        return "value";
                    }))
                    .isEqualTo("value");
        }
        assertThat(spans.openSpans()).isEmpty();
        assertThat(spans.completedCount()).isEqualTo(50);
        assertThat(recorder.log).filteredOn((line) -> line.startsWith("exit")).hasSize(50);
        assertThat(TraceContext.currentSpan()).isNull();
        // Enter, the event and exit fail once per span.
        assertThat(this.registry.failures().count()).isEqualTo(150);
        assertThat(this.records.get(0).getThrown()).isInstanceOf(StackOverflowError.class);
    }

    @Test
    void aFatalErrorAtSpanEnterDropsTheSpanEverywhereBeforeItReachesTheCaller() {
        Dispatcher dispatcher = this.registry.get("x");
        SimpleSpanHandler spans = new SimpleSpanHandler();
        OutOfMemoryError fatal = new OutOfMemoryError("simulated");
        dispatcher.addSpanHandler(spans);
        dispatcher.addSpanHandler(new FailingSpanHandler(fatal));
        boolean[] ran = {false};
        assertThatThrownBy(() -> dispatcher.span("work", () -> ran[0] = true)).isSameAs(fatal);
        assertThat(ran[0]).isFalse();
        assertThat(spans.openSpans()).isEmpty();
        assertThat(spans.droppedSpans()).singleElement().satisfies((span) -> {
            assertThat(span.error()).isEqualTo("simulated");
            assertThat(span.errorType()).isEqualTo(OutOfMemoryError.class.getName());
        });
        assertThat(TraceContext.currentSpan()).isNull();
        // Enter and drop.
        assertThat(this.registry.failures().count()).isEqualTo(2);
    }

    @Test
    void aFatalErrorAtSpanExitStillEndsTheSpanInTheOtherHandlersAndRestoresTheContext() {
        Dispatcher dispatcher = this.registry.get("x");
        SimpleSpanHandler spans = new SimpleSpanHandler();
        InternalError fatal = new InternalError("simulated");
        dispatcher.addSpanHandler(new ExitFailingSpanHandler(fatal));
        dispatcher.addSpanHandler(spans);
        assertThatThrownBy(() -> dispatcher.span("work", () -> "value")).isSameAs(fatal);
        assertThat(spans.openSpans()).isEmpty();
        assertThat(spans.completedCount()).isEqualTo(1);
        assertThat(TraceContext.currentSpan()).isNull();
        assertThat(this.registry.failures().count()).isEqualTo(1);
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static Error newThreadDeath() {
        return new ThreadDeath();
    }

    static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }

    static final class RecursingSpanHandler implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {
            recurse(0);
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            recurse(0);
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            recurse(0);
        }
    }

    static final class ExitFailingSpanHandler implements SpanHandler<Span> {

        private final Error error;

        ExitFailingSpanHandler(Error error) {
            this.error = error;
        }

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            throw this.error;
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            throw this.error;
        }
    }

    @Test
    void failingSpanHandlersNeverBreakTheCallerNorStopOtherHandlers() {
        Dispatcher dispatcher = this.registry.get("x");
        dispatcher.addSpanHandler(new FailingSpanHandler());
        RecordingHandler recorder = new RecordingHandler();
        dispatcher.addSpanHandler(recorder);
        assertThat(dispatcher.span("ok", () -> "value")).isEqualTo("value");
        IllegalStateException failure = new IllegalStateException("app failure");
        assertThatThrownBy(() -> dispatcher.span("bad", () -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(recorder.log)
                .containsExactly(
                        "enter ok parent=none", "exit ok", "enter bad parent=none", "drop bad IllegalStateException");
        assertThat(this.registry.failures().count()).isEqualTo(4);
    }

    static final class FailingSpanHandler implements SpanHandler<Span> {

        private final @Nullable Error error;

        FailingSpanHandler() {
            this(null);
        }

        FailingSpanHandler(@Nullable Error error) {
            this.error = error;
        }

        @Override
        public void spanEnter(SpanInvocation span) {
            fail("enter bug");
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            fail("exit bug");
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            fail("drop bug");
        }

        private void fail(String message) {
            if (this.error != null) {
                throw this.error;
            }
            throw new IllegalStateException(message);
        }
    }
}
