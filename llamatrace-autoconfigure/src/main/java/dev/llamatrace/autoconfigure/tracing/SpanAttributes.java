package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.EventContent;
import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.llm.ModelInfo;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * Maps the events of a span onto attributes of its observation. Everything is a high-cardinality key-value (span
 * attribute only), except the span kind, so that Boot's meter handler keeps one small timer for these observations.
 * Content goes through {@link ContentCapture}, so it is absent unless capture is on.
 */
final class SpanAttributes {

    private SpanAttributes() {}

    static void apply(ObservedSpan span, Event event, ContentCapture content) {
        Observation observation = span.observation();
        String kind = EventSemantics.spanKind(event);
        if (kind != null && span.claimKind()) {
            observation.lowCardinalityKeyValue(OpenInferenceAttributes.SPAN_KIND, kind);
            String operation = EventSemantics.operation(event);
            if (operation != null) {
                observation.highCardinalityKeyValue(GenAiAttributes.OPERATION_NAME, operation);
            }
        }
        ModelInfo model = EventSemantics.model(event);
        if (model != null) {
            model(observation, event, model);
        }
        if (event instanceof ReRankStartEvent rerank) {
            observation.highCardinalityKeyValue(OpenInferenceAttributes.RERANKER_MODEL_NAME, rerank.modelName());
            observation.highCardinalityKeyValue(
                    OpenInferenceAttributes.RERANKER_TOP_K, Integer.toString(rerank.topN()));
        } else if (event instanceof AgentToolCallEvent tool) {
            observation.highCardinalityKeyValue(
                    GenAiAttributes.TOOL_NAME, tool.tool().name());
            observation.highCardinalityKeyValue(
                    OpenInferenceAttributes.TOOL_NAME, tool.tool().name());
            String description = tool.tool().description();
            if (description != null) {
                observation.highCardinalityKeyValue(GenAiAttributes.TOOL_DESCRIPTION, description);
                observation.highCardinalityKeyValue(OpenInferenceAttributes.TOOL_DESCRIPTION, description);
            }
        }
        if (content.enabled() && !(event instanceof ExceptionEvent)) {
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, EventContent.input(event));
            putContent(observation, OpenInferenceAttributes.OUTPUT_VALUE, content, EventContent.output(event));
        }
    }

    static void tokens(ObservedSpan span, long promptTokens, long completionTokens) {
        Observation observation = span.observation();
        observation.highCardinalityKeyValue(GenAiAttributes.USAGE_INPUT_TOKENS, Long.toString(promptTokens));
        observation.highCardinalityKeyValue(GenAiAttributes.USAGE_OUTPUT_TOKENS, Long.toString(completionTokens));
        observation.highCardinalityKeyValue(
                OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, Long.toString(promptTokens));
        observation.highCardinalityKeyValue(
                OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION, Long.toString(completionTokens));
        observation.highCardinalityKeyValue(
                OpenInferenceAttributes.LLM_TOKEN_COUNT_TOTAL, Long.toString(promptTokens + completionTokens));
    }

    private static void model(Observation observation, Event event, ModelInfo model) {
        observation.highCardinalityKeyValue(GenAiAttributes.PROVIDER_NAME, model.provider());
        observation.highCardinalityKeyValue(GenAiAttributes.REQUEST_MODEL, model.name());
        if (event instanceof EmbeddingStartEvent) {
            observation.highCardinalityKeyValue(OpenInferenceAttributes.EMBEDDING_MODEL_NAME, model.name());
        } else {
            observation.highCardinalityKeyValue(OpenInferenceAttributes.LLM_MODEL_NAME, model.name());
            observation.highCardinalityKeyValue(OpenInferenceAttributes.LLM_PROVIDER, model.provider());
        }
    }

    private static void putContent(
            Observation observation, String key, ContentCapture content, @Nullable String value) {
        String captured = content.capture(value);
        if (captured != null) {
            observation.highCardinalityKeyValue(key, captured);
        }
    }
}
