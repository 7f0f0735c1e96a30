package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.core.event.EvaluationEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.util.ClassUtils;

/**
 * Adds span events with attributes to the exported span of an observation. Micrometer's observation and tracing APIs
 * give span events a name only, so the attributes go through the OpenTelemetry bridge (the one Boot's OTLP export
 * uses), when it is on the class path; without it nothing is added.
 */
final class SpanEvents {

    /** A class of the OpenTelemetry bridge, optional at run time. */
    static final String OTEL_BRIDGE = "io.micrometer.tracing.otel.bridge.OtelSpan";

    private static final boolean OTEL_PRESENT = ClassUtils.isPresent(OTEL_BRIDGE, SpanEvents.class.getClassLoader());

    private SpanEvents() {}

    /**
     * Adds the {@value GenAiAttributes#EVALUATION_RESULT} event of an evaluation to the span it evaluates; the
     * explanation only with content capture on.
     */
    static void evaluation(ObservedSpan span, EvaluationEvent evaluation, ContentCapture content) {
        if (!OTEL_PRESENT) {
            return;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put(GenAiAttributes.EVALUATION_NAME, evaluation.name());
        if (evaluation.score() != null) {
            attributes.put(GenAiAttributes.EVALUATION_SCORE_VALUE, evaluation.score());
        }
        if (evaluation.label() != null) {
            attributes.put(GenAiAttributes.EVALUATION_SCORE_LABEL, evaluation.label());
        }
        String explanation = content.capture(evaluation.explanation());
        if (explanation != null) {
            attributes.put(GenAiAttributes.EVALUATION_EXPLANATION, explanation);
        }
        if (evaluation.responseId() != null) {
            attributes.put(GenAiAttributes.RESPONSE_ID, evaluation.responseId());
        }
        OtelSpanEvents.add(span.context(), GenAiAttributes.EVALUATION_RESULT, attributes, evaluation.timestamp());
    }
}
