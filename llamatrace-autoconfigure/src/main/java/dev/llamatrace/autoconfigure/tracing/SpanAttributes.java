package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.LLMCompletionEndEvent;
import dev.llamatrace.core.event.LLMCompletionStartEvent;
import dev.llamatrace.core.event.QueryEndEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import io.micrometer.observation.Observation;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
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
        if (event instanceof LLMChatStartEvent chat) {
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> render(chat.messages()));
        } else if (event instanceof LLMChatEndEvent chat) {
            ChatResponse response = chat.response();
            putContent(
                    observation,
                    OpenInferenceAttributes.OUTPUT_VALUE,
                    content,
                    () -> (response != null) ? response.message().content() : null);
        } else if (event instanceof LLMCompletionStartEvent completion) {
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> completion.prompt());
        } else if (event instanceof LLMCompletionEndEvent completion) {
            putContent(observation, OpenInferenceAttributes.OUTPUT_VALUE, content, () -> completion
                    .response()
                    .text());
        } else if (event instanceof RetrievalStartEvent retrieval) {
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> retrieval.query());
        } else if (event instanceof RetrievalEndEvent retrieval) {
            putContent(
                    observation, OpenInferenceAttributes.OUTPUT_VALUE, content, () -> renderNodes(retrieval.nodes()));
        } else if (event instanceof ReRankStartEvent rerank) {
            observation.highCardinalityKeyValue(OpenInferenceAttributes.RERANKER_MODEL_NAME, rerank.modelName());
            observation.highCardinalityKeyValue(
                    OpenInferenceAttributes.RERANKER_TOP_K, Integer.toString(rerank.topN()));
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> rerank.query());
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
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> tool.arguments());
        } else if (event instanceof QueryStartEvent query) {
            putContent(observation, OpenInferenceAttributes.INPUT_VALUE, content, () -> query.query());
        } else if (event instanceof QueryEndEvent query) {
            putContent(observation, OpenInferenceAttributes.OUTPUT_VALUE, content, () -> query.response());
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
            Observation observation, String key, ContentCapture content, Supplier<@Nullable Object> value) {
        if (content.enabled()) {
            String captured = content.capture(value.get());
            if (captured != null) {
                observation.highCardinalityKeyValue(key, captured);
            }
        }
    }

    private static String render(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::toString).collect(Collectors.joining("\n"));
    }

    private static String renderNodes(List<NodeWithScore> nodes) {
        return nodes.stream().map(NodeWithScore::text).collect(Collectors.joining("\n\n"));
    }
}
