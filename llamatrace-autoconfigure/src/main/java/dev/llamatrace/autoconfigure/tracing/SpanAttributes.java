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
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.llm.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * Maps the events of a span onto attributes of its observation: the one place computing OpenTelemetry GenAI and
 * OpenInference attributes from llamatrace events, for the bridge's own observations and for the Spring AI
 * observations it enriches. The OpenInference keys are written only when the span carries them
 * ({@code llamatrace.tracing.open-inference}, on with the Phoenix export preset); {@code input.value} and
 * {@code output.value} are written whenever content is captured, as Langfuse reads them too. Everything is a span
 * attribute only, except the span kind of the bridge's own observations (see {@link ObservedSpan#putKind}). Content goes through {@link ContentCapture}, so it is absent unless
 * capture is on; the flattened lists come from {@link FlattenedContent}.
 */
final class SpanAttributes {

    private static final double NANOS_PER_SECOND = 1e9;

    private SpanAttributes() {}

    /**
     * Describes a span as it starts: a chain until an event says otherwise, its id and tags; the dispatcher only on
     * the bridge's own spans of an application's dispatcher (an integration's is told by the span's name), the parent's
     * id only when the parent ran in another process (a local parent is the exported span's parent already).
     */
    static void started(ObservedSpan span, String dispatcher) {
        span.putKind(OpenInferenceAttributes.SPAN_KIND, OpenInferenceAttributes.KIND_CHAIN);
        span.put(LlamaTraceAttributes.SPAN_ID, span.id());
        String parentId = span.parentId();
        if (parentId != null && span.remoteParent()) {
            span.put(LlamaTraceAttributes.SPAN_PARENT_ID, parentId);
        }
        if (span.observation() != null && !dispatcher.startsWith(LlamaTraceAttributes.INTEGRATION_DISPATCHER_PREFIX)) {
            span.put(LlamaTraceAttributes.DISPATCHER, dispatcher);
        }
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
            span.putOpenInference(OpenInferenceAttributes.SESSION_ID, id);
            span.put(LangfuseAttributes.SESSION_ID, id);
        }
        String userId = conversation.userId();
        if (userId != null) {
            span.put(OpenInferenceAttributes.USER_ID, userId);
            span.put(LangfuseAttributes.USER_ID, userId);
        }
    }

    static void apply(ObservedSpan span, Event event, ContentCapture content) {
        firstChunk(span, event);
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
            span.putOpenInference(OpenInferenceAttributes.RERANKER_MODEL_NAME, rerank.modelName());
            span.putOpenInference(OpenInferenceAttributes.RERANKER_TOP_K, rerank.topN());
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
            if (span.openInference()) {
                FlattenedContent.apply(span, event, content);
            }
        }
    }

    private static void tool(ObservedSpan span, Event event, ToolEvent tool) {
        span.put(GenAiAttributes.TOOL_NAME, tool.tool().name());
        span.putOpenInference(OpenInferenceAttributes.TOOL_NAME, tool.tool().name());
        span.put(GenAiAttributes.TOOL_TYPE, GenAiAttributes.TOOL_TYPE_FUNCTION);
        String description = tool.tool().description();
        if (description != null) {
            span.put(GenAiAttributes.TOOL_DESCRIPTION, description);
            span.putOpenInference(OpenInferenceAttributes.TOOL_DESCRIPTION, description);
        }
        if (event instanceof AgentToolCallEvent call) {
            put(span, GenAiAttributes.TOOL_CALL_ID, call.toolCallId());
        }
    }

    /**
     * Adds the token count of the span's model call, the count on the bus (provider usage, else the tokenizer), under
     * the GenAI and OpenInference keys; these replace what a mirrored observation's owner set under the same keys, so
     * the exported span shows the same numbers as the meters and the endpoint. An embedding span shows the sum of its
     * counts (one per text when the tokenizer counted them).
     */
    static void tokens(ObservedSpan span, TokenCountingEvent count) {
        long input;
        long output;
        if (count.operation() == EventKind.EMBEDDING) {
            input = span.addEmbeddingTokens(count.promptTokenCount());
            output = 0;
        } else {
            input = count.promptTokenCount();
            output = count.completionTokenCount();
            span.put(GenAiAttributes.USAGE_OUTPUT_TOKENS, output);
            span.putOpenInference(OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION, output);
            detail(span, GenAiAttributes.USAGE_CACHE_READ_INPUT_TOKENS, count.cachedInputTokenCount());
            detail(span, GenAiAttributes.USAGE_CACHE_CREATION_INPUT_TOKENS, count.cacheWriteInputTokenCount());
            detail(span, GenAiAttributes.USAGE_REASONING_OUTPUT_TOKENS, count.reasoningTokenCount());
            if (span.openInference()) {
                detail(span, OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT_CACHE_READ, count.cachedInputTokenCount());
                detail(
                        span,
                        OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE,
                        count.cacheWriteInputTokenCount());
                detail(span, OpenInferenceAttributes.LLM_TOKEN_COUNT_COMPLETION_REASONING, count.reasoningTokenCount());
            }
        }
        span.put(GenAiAttributes.USAGE_INPUT_TOKENS, input);
        // Not a GenAI convention key: replaced where the owner's convention set it (Spring AI's), else left out.
        if (span.has(GenAiAttributes.USAGE_TOTAL_TOKENS)) {
            span.put(GenAiAttributes.USAGE_TOTAL_TOKENS, input + output);
        }
        span.putOpenInference(OpenInferenceAttributes.LLM_TOKEN_COUNT_PROMPT, input);
        span.putOpenInference(OpenInferenceAttributes.LLM_TOKEN_COUNT_TOTAL, input + output);
        span.put(LlamaTraceAttributes.TOKEN_COUNT_SOURCE, count.source().value());
    }

    /** Adds the seconds from the start of a streamed call to its first chunk, once per span. */
    static void firstChunk(ObservedSpan span, Event event) {
        if (event.kind() == EventKind.LLM && event.phase() == EventPhase.IN_PROGRESS && span.claimFirstChunk()) {
            double seconds = (event.nanoTime() - span.startNanos()) / NANOS_PER_SECOND;
            span.put(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK, Double.toString(seconds));
        }
    }

    // A detail is shown when reported, or set to the count's value where the owner's convention set one already.
    private static void detail(ObservedSpan span, String key, int tokens) {
        if (tokens > 0 || span.has(key)) {
            span.put(key, tokens);
        }
    }

    /**
     * Adds the cost of the span's model call, as its count carries it (an embedding span: the sum of its counts'):
     * amount, currency and source in the shape of the GenAI cost proposal, and OpenInference's total for an LLM call's
     * cost in US dollars. An unpriced call gets none.
     */
    static void cost(ObservedSpan span, EventKind operation, @Nullable Cost cost) {
        if (cost == null) {
            return;
        }
        String amount = cost.plainAmount();
        span.put(GenAiAttributes.USAGE_COST_AMOUNT, amount);
        span.put(GenAiAttributes.USAGE_COST_CURRENCY, cost.currency());
        span.put(GenAiAttributes.USAGE_COST_SOURCE, cost.source().value());
        if (operation == EventKind.LLM && OpenInferenceAttributes.LLM_COST_CURRENCY.equals(cost.currency())) {
            span.putOpenInference(OpenInferenceAttributes.LLM_COST_TOTAL, amount);
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
            span.putOpenInference(OpenInferenceAttributes.EMBEDDING_MODEL_NAME, model.name());
        } else {
            span.putOpenInference(OpenInferenceAttributes.LLM_MODEL_NAME, model.name());
            span.putOpenInference(OpenInferenceAttributes.LLM_PROVIDER, model.provider());
        }
    }

    static void put(ObservedSpan span, String key, @Nullable String value) {
        if (value != null) {
            span.put(key, value);
        }
    }
}
