package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Checks that every event benchmark reaches its handler, counter or exporter. No timing is asserted. */
class EventBenchmarksTests {

    private final EventBenchmarks benchmarks = new EventBenchmarks();

    @BeforeEach
    void setUp() {
        this.benchmarks.setUp();
    }

    @AfterEach
    void tearDown() {
        this.benchmarks.tearDown();
    }

    @Test
    void llamatraceEventsReachTheHandler() {
        this.benchmarks.llamatrace_event_1handler();
        this.benchmarks.llamatrace_event_1handler_t2();
        assertThat(this.benchmarks.handler.events()).isEqualTo(2);
        assertThat(this.benchmarks.handler.deltaChars()).isEqualTo(2L * EventBenchmarks.DELTA.length());
    }

    @Test
    void llamatraceSpanWithOneEventReachesTheSpanAndEventHandlers() {
        this.benchmarks.llamatrace_spanWithOneEvent();
        assertThat(this.benchmarks.durations.count("chat.stream")).isEqualTo(1);
        assertThat(this.benchmarks.handler.events()).isEqualTo(1);
    }

    @Test
    void noHandlerVariantsDispatchToNobody() {
        assertThat(this.benchmarks.noHandlers.hasEventHandlers()).isFalse();
        this.benchmarks.llamatrace_eventSupplier_0handlers();
        this.benchmarks.llamatrace_eventEager_0handlers();
        assertThat(this.benchmarks.handler.events()).isZero();
    }

    @Test
    void micrometerEventsAreCounted() {
        this.benchmarks.micrometerMeter_event();
        this.benchmarks.micrometerMeter_event();
        assertThat(this.benchmarks
                        .meterRegistry
                        .get("chat.stream.chat.delta")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void openTelemetrySpansWithAnEventAreExported() {
        this.benchmarks.otelSdk_spanWithOneEvent();
        assertThat(this.benchmarks.exporter.exported()).isEqualTo(1);
    }
}
