package dev.llamatrace.autoconfigure.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Gives every {@link GenAiMeter} (whoever registers it) the explicit bucket boundaries of the GenAI conventions, so it
 * is published as a histogram with exactly those buckets ({@code _bucket} series in Prometheus, explicit-bucket
 * histograms over OTLP) without any configuration.
 *
 * <p>The boundaries are a default, filled in only when nothing set boundaries before: Spring Boot's
 * {@code management.metrics.distribution.slo.<name>} property overrides them, whichever filter runs first (Boot's
 * filter lets its configured values win over what it is given, and this one keeps what it is given).
 */
public final class GenAiMeterFilter implements MeterFilter {

    private static final double NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);

    @Override
    public @Nullable DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (config.getServiceLevelObjectiveBoundaries() != null) {
            return config;
        }
        GenAiMeter meter = GenAiMeter.of(id.getName());
        if (meter == null) {
            return config;
        }
        double[] boundaries = meter.boundaries();
        if (id.getType() == Meter.Type.TIMER) {
            // Timers keep their boundaries in nanoseconds.
            for (int i = 0; i < boundaries.length; i++) {
                boundaries[i] *= NANOS_PER_SECOND;
            }
        }
        return DistributionStatisticConfig.builder()
                .serviceLevelObjectives(boundaries)
                .build()
                .merge(config);
    }
}
