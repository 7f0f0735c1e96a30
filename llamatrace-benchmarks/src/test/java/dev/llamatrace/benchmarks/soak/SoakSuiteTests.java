package dev.llamatrace.benchmarks.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The smoke run of the soak suite: every check at {@code SoakSuite.Scale.SMOKE}, or the scale asked for. */
class SoakSuiteTests {

    @Test
    void everyCheckHoldsAndPrintsItsFigures() throws Exception {
        SoakSuite.Scale scale = SoakSuite.Scale.fromSystemProperty();
        SoakSuite.Figures figures = SoakSuite.run(scale);

        SoakSuite.Concurrency concurrency = figures.concurrency();
        long spans = (long) scale.threads() * scale.spansPerThread();
        assertThat(concurrency.llmCalls()).isEqualTo(spans);
        assertThat(concurrency.tokens()).isEqualTo(spans * 10);
        assertThat(concurrency.completed()).isEqualTo(spans);
        assertThat(concurrency.failures()).isZero();

        // 10,000 calls with 32,000-character prompts and answers under the default caps.
        assertThat(figures.retentionOff().retainedMegabytes()).isLessThanOrEqualTo(64);
        assertThat(figures.retentionOn().retainedMegabytes()).isLessThanOrEqualTo(64);

        assertThat(figures.abandoned().traced()).isEqualTo(figures.abandoned().healthy());
        assertThat(figures.abandoned().evicted()).isPositive();

        SoakSuite.Async async = figures.async();
        assertThat(async.droppedWhenFull()).isPositive();
        assertThat(async.droppedWithRoom()).isZero();
        assertThat(async.delivered()).isEqualTo(2L * async.sent() - async.droppedWhenFull());
    }
}
