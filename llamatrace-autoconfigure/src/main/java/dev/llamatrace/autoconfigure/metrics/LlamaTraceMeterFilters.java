package dev.llamatrace.autoconfigure.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * The meter filters that keep one meter per name: nothing registered under a name llamatrace owns unless llamatrace
 * registers it the way {@link GenAiMeter} and {@link LlamaTraceMeterNames} describe it.
 */
public final class LlamaTraceMeterFilters {

    /** The long-task timer Boot's meter handler adds next to an observation's timer. */
    private static final String ACTIVE_SUFFIX = ".active";

    private LlamaTraceMeterFilters() {}

    /**
     * Drops units that are only an annotation, such as the conventions' {@value GenAiMeter#UNIT_TOKEN}: for the
     * Prometheus registry, whose naming convention appends a meter's unit to its name and would turn
     * {@code gen_ai.client.token.usage} into {@code gen_ai_client_token_usage__token_}. OpenTelemetry's Prometheus
     * translation drops such units too, so the family is {@code gen_ai_client_token_usage} either way.
     *
     * @return the filter
     */
    public static MeterFilter annotationUnits() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String unit = id.getBaseUnit();
                return (unit != null && unit.startsWith("{") && unit.endsWith("}")) ? id.withBaseUnit(null) : id;
            }
        };
    }

    /**
     * Denies the timers Boot's meter observation handler derives from the tracing bridge's
     * {@value LlamaTraceMeterNames#OBSERVATION} observations: they duplicate {@value LlamaTraceMeterNames#SPAN_DURATION}
     * and carry no description. The observations (and so the exported spans) are unaffected.
     *
     * @return the filter
     */
    public static MeterFilter observationTimers() {
        return MeterFilter.deny((id) -> id.getName().equals(LlamaTraceMeterNames.OBSERVATION)
                || id.getName().equals(LlamaTraceMeterNames.OBSERVATION + ACTIVE_SUFFIX));
    }

    /**
     * Denies a counter named {@value GenAiMeter#CLIENT_TOKEN_USAGE_NAME} (Spring AI's, tagged with the deprecated
     * {@code gen_ai.system}): llamatrace records that name as the conventions' histogram, and two meters of one name
     * merge into nonsense in {@code /actuator/metrics} and are rejected by Prometheus.
     *
     * @return the filter
     */
    public static MeterFilter tokenUsageCounters() {
        return MeterFilter.deny(
                (id) -> id.getType() == Meter.Type.COUNTER && id.getName().equals(GenAiMeter.CLIENT_TOKEN_USAGE_NAME));
    }
}
