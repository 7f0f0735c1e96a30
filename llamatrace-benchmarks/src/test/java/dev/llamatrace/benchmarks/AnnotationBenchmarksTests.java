package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.trace.SimpleSpan;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;

/**
 * Checks that the annotated-method benchmarks really go through their aspects: the {@code @LlamaSpan} call reaches the
 * default span handler and span meter, the {@code @Observed} call the observation timer, and the plain call neither.
 * No timing is asserted.
 */
class AnnotationBenchmarksTests {

    private final AnnotationBenchmarks benchmarks = new AnnotationBenchmarks();

    @BeforeEach
    void setUp() {
        this.benchmarks.setUp();
    }

    @AfterEach
    void tearDown() {
        TraceContext.clear();
    }

    @Test
    void llamaSpanCallIsRecordedByTheDefaultSpanHandlerAndSpanMeter() {
        assertThat(AopUtils.isCglibProxy(this.benchmarks.llamaSpanProxy)).isTrue();
        assertThat(this.benchmarks.llamatrace_llamaSpan()).isEqualTo(AnnotationBenchmarks.ANSWER);
        assertThat(this.benchmarks.llamatrace_llamaSpan()).isEqualTo(AnnotationBenchmarks.ANSWER);
        assertThat(this.benchmarks.spans.completedCount()).isEqualTo(2);
        assertThat(this.benchmarks.spans.completedSpans())
                .extracting(SimpleSpan::name)
                .containsOnly("LlamaSpanService.answer");
        assertThat(this.benchmarks
                        .llamatraceMeters
                        .get("llamatrace.span.duration")
                        .tag("span.name", "LlamaSpanService.answer")
                        .tag("outcome", "success")
                        .timer()
                        .count())
                .isEqualTo(2);
        assertThat(this.benchmarks.llamatraceMeters.get("llamatrace.evictions").meters())
                .isNotEmpty();
        assertThat(this.benchmarks.registry.failures().count()).isZero();
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void observedCallIsTimedByTheMeterHandler() {
        assertThat(AopUtils.isCglibProxy(this.benchmarks.observedProxy)).isTrue();
        assertThat(this.benchmarks.micrometer_observed()).isEqualTo(AnnotationBenchmarks.ANSWER);
        assertThat(this.benchmarks
                        .micrometerMeters
                        .get(AnnotationBenchmarks.OBSERVATION_NAME)
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(this.benchmarks.spans.completedCount()).isZero();
    }

    @Test
    void plainCallIsNotInstrumented() {
        assertThat(AopUtils.isAopProxy(this.benchmarks.plain)).isFalse();
        assertThat(this.benchmarks.plain_call()).isEqualTo(AnnotationBenchmarks.ANSWER);
        assertThat(this.benchmarks.spans.completedCount()).isZero();
        assertThat(this.benchmarks
                        .micrometerMeters
                        .find(AnnotationBenchmarks.OBSERVATION_NAME)
                        .timer())
                .isNull();
    }
}
