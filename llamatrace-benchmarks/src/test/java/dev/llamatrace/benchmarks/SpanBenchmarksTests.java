package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.context.TraceContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Checks that every benchmark does the work it claims (handlers, exporter and meters see each span), so that a
 * broken setup cannot produce flattering numbers. No timing is asserted.
 */
class SpanBenchmarksTests {

    private final SpanBenchmarks benchmarks = new SpanBenchmarks();

    @BeforeEach
    void setUp() {
        this.benchmarks.setUp();
    }

    @AfterEach
    void tearDown() {
        this.benchmarks.tearDown();
        TraceContext.clear();
    }

    @Test
    void llamatraceSpanReachesBothHandlersAndRestoresTheContext() {
        for (int i = 0; i < 3; i++) {
            assertThat(this.benchmarks.llamatrace_span_2handlers()).isNotNull();
            assertThat(this.benchmarks.llamatrace_span_2handlers_t2()).isNotNull();
        }
        assertThat(this.benchmarks.durations.count(SpanBenchmarks.SPAN_NAME)).isEqualTo(6);
        assertThat(this.benchmarks.durations.totalNanos(SpanBenchmarks.SPAN_NAME))
                .isNotNegative();
        assertThat(this.benchmarks.outcomes.roots()).isEqualTo(6);
        assertThat(this.benchmarks.outcomes.withResult()).isEqualTo(6);
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void llamatraceScopeReachesBothHandlers() {
        this.benchmarks.llamatrace_enterScope_2handlers();
        assertThat(this.benchmarks.durations.count(SpanBenchmarks.SPAN_NAME)).isEqualTo(1);
        assertThat(this.benchmarks.outcomes.withResult()).isEqualTo(1);
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void llamatraceNestedRecordsAParentAndAChild() {
        this.benchmarks.llamatrace_nested_2handlers();
        assertThat(this.benchmarks.durations.count(SpanBenchmarks.SPAN_NAME)).isEqualTo(1);
        assertThat(this.benchmarks.durations.count(SpanBenchmarks.CHILD_NAME)).isEqualTo(1);
        assertThat(this.benchmarks.outcomes.roots()).isEqualTo(1);
        assertThat(this.benchmarks.outcomes.children()).isEqualTo(1);
    }

    @Test
    void noHandlerVariantsRunTheBodyWithoutASpan() {
        assertThat(this.benchmarks.noHandlers.hasSpanHandlers()).isFalse();
        assertThat(this.benchmarks.llamatrace_span_0handlers()).isNotNull();
        assertThat(this.benchmarks.llamatrace_enterScope_0handlers()).isNotNull();
        assertThat(this.benchmarks.twoEmptyHandlers.hasSpanHandlers()).isTrue();
        assertThat(this.benchmarks.llamatrace_span_2emptyHandlers()).isNotNull();
        assertThat(this.benchmarks.durations.count(SpanBenchmarks.SPAN_NAME)).isZero();
    }

    @Test
    void openTelemetrySdkSpansAreExported() {
        Blackhole blackhole = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        assertThat(this.benchmarks.otelSdk_startEnd().getSpanContext().isSampled())
                .isTrue();
        this.benchmarks.otelSdk_startCurrentEnd();
        this.benchmarks.otelSdk_startEnd_t2();
        this.benchmarks.otelSdk_nested(blackhole);
        assertThat(this.benchmarks.exporter.exported()).isEqualTo(5);
        assertThat(this.benchmarks.otelNoop_startEnd().getSpanContext().isValid())
                .isFalse();
        blackhole.evaporate("Yes, I am Stephen Hawking, and know a thing or two about black holes.");
    }

    @Test
    void micrometerObservationsAreTimed() {
        this.benchmarks.micrometerMeter_startStop();
        this.benchmarks.micrometerMeter_startStop_t2();
        this.benchmarks.micrometerMeter_observe();
        this.benchmarks.micrometerMeter_nested();
        assertThat(this.benchmarks
                        .meterRegistry
                        .get(SpanBenchmarks.SPAN_NAME)
                        .timer()
                        .count())
                .isEqualTo(4);
        assertThat(this.benchmarks
                        .meterRegistry
                        .get(SpanBenchmarks.CHILD_NAME)
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(this.benchmarks.micrometerNoop_startStop().isNoop()).isTrue();
    }
}
