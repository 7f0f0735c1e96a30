package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Records the score of each {@link EvaluationEvent} in {@value LlamaTraceMeterNames#EVALUATION_SCORE}, a distribution
 * tagged with the evaluation's name, with ten buckets over scores 0..1 (upper bounds 0.1, 0.2, ... 1). Micrometer's
 * fixed-bucket histograms count whole numbers (a fractional value is rounded up before it is bucketed), so scores are
 * recorded in percent (base unit {@value LlamaTraceMeterNames#UNIT_PERCENT}: 0.55 is recorded as 55) and the bucket
 * bounds are 10, 20, ... 100; a score outside 0..1 is recorded as given, beyond the first or last bucket. Results with a label only are not recorded; labels are never tags. At most
 * {@value LlamaTraceMeterNames#MAX_EVALUATION_NAMES} names get their own series, later ones share
 * {@value LlamaTraceMeterNames#OTHER_EVALUATION_NAME}.
 */
public final class EvaluationMetrics implements EventHandler {

    /** The bucket bounds in percent: the scores 0.1 to 1 in steps of 0.1. */
    private static final double[] BUCKETS = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};

    /** From a score to what is recorded. */
    private static final double PERCENT = 100;

    private final MeterRegistry registry;

    private final ConcurrentMap<String, DistributionSummary> scores = new ConcurrentHashMap<>();

    /**
     * Creates the handler.
     *
     * @param registry where meters are registered
     */
    public EvaluationMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void handle(Event event) {
        if (event instanceof EvaluationEvent evaluation && evaluation.score() != null) {
            summary(evaluation.name()).record(evaluation.score() * PERCENT);
        }
    }

    private DistributionSummary summary(String name) {
        DistributionSummary summary = this.scores.get(name);
        if (summary != null) {
            return summary;
        }
        String tagValue = (this.scores.size() < LlamaTraceMeterNames.MAX_EVALUATION_NAMES)
                ? name
                : LlamaTraceMeterNames.OTHER_EVALUATION_NAME;
        return this.scores.computeIfAbsent(
                tagValue, (key) -> DistributionSummary.builder(LlamaTraceMeterNames.EVALUATION_SCORE)
                        .description("Scores of evaluation results, by evaluation, in percent")
                        .baseUnit(LlamaTraceMeterNames.UNIT_PERCENT)
                        .tag(GenAiAttributes.EVALUATION_NAME, key)
                        .serviceLevelObjectives(BUCKETS)
                        .register(this.registry));
    }
}
