package dev.llamatrace.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
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
    void jvmFatalErrorsAreRethrown() {
        Dispatcher dispatcher = this.registry.get("x");
        OutOfMemoryError fatal = new OutOfMemoryError("simulated");
        dispatcher.addEventHandler((event) -> {
            throw fatal;
        });
        assertThatThrownBy(() -> dispatcher.event(new DispatcherTests.MyEvent("v")))
                .isSameAs(fatal);
        assertThat(this.registry.failures().count()).isZero();
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

        @Override
        public void spanEnter(SpanInvocation span) {
            throw new IllegalStateException("enter bug");
        }

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {
            throw new IllegalStateException("exit bug");
        }

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {
            throw new IllegalStateException("drop bug");
        }
    }
}
