package dev.llamatrace.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.event.EvaluationEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluationMetricsTests {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final EvaluationMetrics metrics = new EvaluationMetrics(this.registry);

    @Test
    void scoresAreRecordedInPercentPerEvaluationNameInBucketsOfATenth() {
        this.metrics.handle(EvaluationEvent.named("relevance").score(0.05).build());
        this.metrics.handle(EvaluationEvent.named("relevance").score(0.55).build());
        this.metrics.handle(EvaluationEvent.named("relevance").score(1.0).build());
        this.metrics.handle(EvaluationEvent.named("faithfulness").score(0.3).build());
        this.metrics.handle(EvaluationEvent.named("tone").label("polite").build());

        DistributionSummary relevance = summary("relevance");
        assertThat(relevance.count()).isEqualTo(3);
        CountAtBucket[] buckets = relevance.takeSnapshot().histogramCounts();
        assertThat(Arrays.stream(buckets).mapToDouble(CountAtBucket::bucket))
                .containsExactly(10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0, 100.0);
        assertThat(buckets[0].count()).as(Arrays.toString(buckets)).isEqualTo(1);
        assertThat(buckets[4].count()).isEqualTo(1);
        assertThat(buckets[5].count()).isEqualTo(2);
        assertThat(buckets[9].count()).isEqualTo(3);
        assertThat(relevance.totalAmount()).isEqualTo(160.0);
        assertThat(relevance.getId().getBaseUnit()).isEqualTo("percent");
        assertThat(summary("faithfulness").count()).isEqualTo(1);
        assertThat(this.registry
                        .find(LlamaTraceMeterNames.EVALUATION_SCORE)
                        .tag("gen_ai.evaluation.name", "tone")
                        .summary())
                .as("a label is no score")
                .isNull();
    }

    @Test
    void namesBeyondTheCapShareOneSeries() {
        for (int i = 0; i < LlamaTraceMeterNames.MAX_EVALUATION_NAMES + 5; i++) {
            this.metrics.handle(EvaluationEvent.named("eval-" + i).score(0.5).build());
        }
        assertThat(this.registry.find(LlamaTraceMeterNames.EVALUATION_SCORE).summaries())
                .hasSize(LlamaTraceMeterNames.MAX_EVALUATION_NAMES + 1);
        assertThat(summary(LlamaTraceMeterNames.OTHER_EVALUATION_NAME).count()).isEqualTo(5);
    }

    private DistributionSummary summary(String name) {
        return this.registry
                .get(LlamaTraceMeterNames.EVALUATION_SCORE)
                .tag("gen_ai.evaluation.name", name)
                .summary();
    }
}
