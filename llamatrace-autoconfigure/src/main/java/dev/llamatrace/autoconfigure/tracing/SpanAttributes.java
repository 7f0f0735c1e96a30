package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.EventContent;
import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.autoconfigure.semconv.LangfuseAttributes;
import dev.llamatrace.autoconfigure.semconv.LlamaTraceAttributes;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.event.ToolEvent;
import dev.llamatrace.core.llm.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * Maps the events of a span onto attributes of its observation: the one place computing OpenTelemetry GenAI and
 * OpenInference attributes from llamatrace events, for the bridge's own observations and for the Spring AI
 * observations it enriches. Everything is a span attribute only, except the span kind of the bridge's own
 * observations (see {@link ObservedSpan#putKind}). Content goes through {@link ContentCapture}, so it is absent unless
 * capture is on; the flattened lists come from {@link FlattenedContent}.
 */
final class SpanAttributes {

    private SpanAttributes() {}

    /** Describes a span as it starts: a chain until an event says otherwise, its id, dispatcher and tags. */
    static void started(ObservedSpan span, String dispatcher) {
        span.putKind(OpenInferenceAttributes.SPAN_KIND, OpenInferenceAttributes.KIND_CHAIN);
        span.put(LlamaTraceAttributes.SPAN_ID, span.id());
        String parentId = span.parentId();
        if (parentId != null) {
            span.put(LlamaTraceAttributes.SPAN_PARENT_ID, parentId);
        }
        span.put(LlamaTraceAttributes.DISPATCHER, dispatcher);
        span.tags().forEach((key, value) -> span.put(LlamaTraceAttributes.TAG_PREFIX + key, String.valueOf(value)));
        Conversation conversation = span.conversation();
        if (conversation != null) {
            conversation(span, conversation);
        }
    }

    /** Names the conversation and user in the keys of GenAI, OpenInference and Langfuse; span attributes only. */
    private static void conversation(ObservedSpan span, Conversation conversation) {
        String id = conversation.id();
        if (id != null) {
            span.put(GenAiAttributes.CONVERSATION_ID, id);
            span.put(OpenInferenceAttributes.SESSION_ID, id);
            span.put(LangfuseAttributes.SESSION_ID, id);
        }
        String userId = conversation.userId();
        if (userId != null) {
            span.put(OpenInferenceAttributes.USER_ID, userId);
            span.put(LangfuseAttributes.USER_ID, userId);
        }
    }

    static void apply(ObservedSpan span, Event event, ContentCapture content) {
        String kind = EventSemantics.spanKind(event);
        if (kind != null && span.claimKind()) {
            span.putKind(OpenInferenceAttributes.SPAN_KIND, kind);
            String operation = EventSemantics.operation(event);
            if (operation != null) {
                span.put(GenAiAttributes.OPERATION_NAME, operation);
            }
        }
        ModelInfo model = EventSemantics.model(event);
        if (model != null) {
            model(span, event, model);
        }
        if (event instanceof ReRankStartEvent rerank) {
            span.put(OpenInferenceAttributes.RERANKER_MODEL_NAME, rerank.modelName());
            span.put(OpenInferenceAttributes.RERANKER_TOP_K, Integer.toString(rerank.topN()));
        } else if (event instanceof ToolEvent tool && event.phase() == EventPhase.START) {
            tool(span, event, tool);
        } else if (event instanceof AgentRunStepStartEvent step) {
            put(span, GenAiAttributes.AGENT_NAME, step.step());
        }
        if (content.enabled() && event.kind() != EventKind.EXCEPTION) {
            put(span, OpenInferenceAttributes.INPUT_VALUE, content.capture(EventContent.input(event)));
            put(span, OpenInferenceAttributes.OUTPUT_VALUE, content.capture(EventContent.output(event)));
            if (event instanceof ToolEvent && event.kind() == EventKind.FUNCTION_CALL) {
                boolean start = event.phase() == EventPhase.START;
                put(
                        span,
                        start ? GenAiAttributes.TOOL_CALL_ARGUMENTS : GenAiAttributes.TOOL_CALL_RESULT,
                        content.capture(start ? EventContent.input(event) : EventContent.output(event)));
            }
            FlattenedContent.apply(span, event, content);
        }
    }

    private static void tool(ObservedSpan span, Event event, ToolEvent tool) {
        span.put(GenAiAttributes.TOOL_NAME, tool.tool().name());
        span.put(OpenInferenceAttributes.TOOL_NAME, tool.tool().name());
        span.put(GenAiAttributes.TOOL_TYPE, GenAiAttributes.TOOL_TYPE_FUNCTION);
        String description = tool.tool().description();
        if (description != null) {
            span.put(GenAiAttributes.TOOL_DESCRIPTION, description);
            span.put(OpenInferenceAttributes.TOOL_DESCRIPTION, description);
        }
        if (event instanceof AgentToolCallEvent call) {
            put(span, GenAiAttributes.TOOL_CALL_ID, call.toolCallId());
        }
    }

    /** Adds the token counts of the span's model call, as counted by the token counting handler. */
    static void tokens(ObservedSpan span, long promptTokens, long completionTokens) {
        span.put(GenAiAttributes.USAGE_INPUT_TOKENS, Long.toString(promptTokens));
        span.put(GenAiAttributes.USAGE_OUTPUT_TOKENS, Long.toString(completionTokens));
        span.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, Long.toString(promptTokens));
        span.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION, Long.toString(completionTokens));
        span.put(OpenInferenceAttributes.LLM_TOKEN_COUNT_TOTAL, Long.toString(promptTokens + completionTokens));
    }

    /**
     * Adds the cost of the span's model call, as its count carries it: amount, currency and source in the shape of the
     * GenAI cost proposal, and OpenInference's total for a cost in US dollars. An unpriced call gets none.
     */
    static void cost(ObservedSpan span, @Nullable Cost cost) {
        if (cost == null) {
            return;
        }
        String amount = cost.plainAmount();
        span.put(GenAiAttributes.USAGE_COST_AMOUNT, amount);
        span.put(GenAiAttributes.USAGE_COST_CURRENCY, cost.currency());
        span.put(GenAiAttributes.USAGE_COST_SOURCE, cost.source().value());
        if (OpenInferenceAttributes.LLM_COST_CURRENCY.equals(cost.currency())) {
            span.put(OpenInferenceAttributes.LLM_COST_TOTAL, amount);
        }
    }

    /** Adds what a plain chain span returned as its output, when no event described the span. */
    static void result(ObservedSpan span, @Nullable Object result, ContentCapture content) {
        if (content.enabled() && result != null && !span.kindClaimed()) {
            put(span, OpenInferenceAttributes.OUTPUT_VALUE, content.capture(result));
        }
    }

    private static void model(ObservedSpan span, Event event, ModelInfo model) {
        span.put(GenAiAttributes.PROVIDER_NAME, model.provider());
        span.put(GenAiAttributes.REQUEST_MODEL, model.name());
        if (event.kind() == EventKind.EMBEDDING) {
            span.put(OpenInferenceAttributes.EMBEDDING_MODEL_NAME, model.name());
        } else {
            span.put(OpenInferenceAttributes.LLM_MODEL_NAME, model.name());
            span.put(OpenInferenceAttributes.LLM_PROVIDER, model.provider());
        }
    }

    static void put(ObservedSpan span, String key, @Nullable String value) {
        if (value != null) {
            span.put(key, value);
        }
    }
}
