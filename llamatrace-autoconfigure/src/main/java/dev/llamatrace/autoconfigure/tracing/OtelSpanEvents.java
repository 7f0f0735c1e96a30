package dev.llamatrace.autoconfigure.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.otel.bridge.OtelSpan;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.time.Instant;
import java.util.Map;

/**
 * Adds an event with attributes to the OpenTelemetry span behind an observation's tracing span. Loaded only when the
 * OpenTelemetry bridge is on the class path ({@link SpanEvents}).
 */
final class OtelSpanEvents {

    private OtelSpanEvents() {}

    /** Adds the event; nothing when the observation has no tracing span (not sampled, or tracing is off). */
    static void add(Observation.Context context, String name, Map<String, Object> attributes, Instant time) {
        TracingContext tracing = context.get(TracingContext.class);
        Span span = (tracing != null) ? tracing.getSpan() : null;
        if (span == null) {
            return;
        }
        AttributesBuilder builder = Attributes.builder();
        attributes.forEach((key, value) -> {
            if (value instanceof Double number) {
                builder.put(key, number);
            } else {
                builder.put(key, String.valueOf(value));
            }
        });
        OtelSpan.toOtel(span).addEvent(name, builder.build(), time);
    }
}
