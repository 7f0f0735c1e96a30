package dev.llamatrace.autoconfigure.semconv;

import dev.llamatrace.autoconfigure.CapturedEvent;
import dev.llamatrace.core.callback.CallbackEvent;
import dev.llamatrace.core.event.AgentChatWithStepStartEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.LLMCompletionEndEvent;
import dev.llamatrace.core.event.LLMCompletionStartEvent;
import dev.llamatrace.core.event.LLMPredictStartEvent;
import dev.llamatrace.core.event.LLMStructuredPredictStartEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.event.SynthesizeStartEvent;
import dev.llamatrace.core.llm.ModelInfo;
import org.jspecify.annotations.Nullable;

/** How the built-in events map onto GenAI operations and OpenInference span kinds. */
public final class EventSemantics {

    private EventSemantics() {}

    /**
     * Returns the GenAI operation a start event opens, for operations that are timed as client calls.
     *
     * @param event an event
     * @return {@code chat}, {@code text_completion} or {@code embeddings}; {@code null} for other events
     */
    public static @Nullable String clientOperation(Event event) {
        if (event instanceof LLMChatStartEvent) {
            return GenAiAttributes.OPERATION_CHAT;
        }
        if (event instanceof LLMCompletionStartEvent) {
            return GenAiAttributes.OPERATION_TEXT_COMPLETION;
        }
        if (event instanceof EmbeddingStartEvent) {
            return GenAiAttributes.OPERATION_EMBEDDINGS;
        }
        return null;
    }

    /**
     * Returns whether an event ends a client operation opened by an event {@link #clientOperation} recognizes.
     *
     * @param event an event
     * @return {@code true} for chat, completion and embedding end events
     */
    public static boolean isClientOperationEnd(Event event) {
        return event instanceof LLMChatEndEvent
                || event instanceof LLMCompletionEndEvent
                || event instanceof EmbeddingEndEvent;
    }

    /**
     * Returns the GenAI operation of the span a start event belongs to.
     *
     * @param event an event
     * @return the operation name, or {@code null} when the event does not identify one
     */
    public static @Nullable String operation(Event event) {
        String client = clientOperation(event);
        if (client != null) {
            return client;
        }
        if (event instanceof RetrievalStartEvent) {
            return GenAiAttributes.OPERATION_RETRIEVAL;
        }
        if (event instanceof AgentToolCallEvent) {
            return GenAiAttributes.OPERATION_EXECUTE_TOOL;
        }
        if (event instanceof AgentRunStepStartEvent || event instanceof AgentChatWithStepStartEvent) {
            return GenAiAttributes.OPERATION_INVOKE_AGENT;
        }
        return null;
    }

    /**
     * Returns the OpenInference kind of the span a start event belongs to.
     *
     * @param event an event
     * @return the span kind, or {@code null} when the event does not identify one
     */
    public static @Nullable String spanKind(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.spanKind();
        }
        if (event instanceof LLMChatStartEvent
                || event instanceof LLMCompletionStartEvent
                || event instanceof LLMPredictStartEvent
                || event instanceof LLMStructuredPredictStartEvent) {
            return OpenInferenceAttributes.KIND_LLM;
        }
        if (event instanceof EmbeddingStartEvent) {
            return OpenInferenceAttributes.KIND_EMBEDDING;
        }
        if (event instanceof RetrievalStartEvent) {
            return OpenInferenceAttributes.KIND_RETRIEVER;
        }
        if (event instanceof ReRankStartEvent) {
            return OpenInferenceAttributes.KIND_RERANKER;
        }
        if (event instanceof AgentToolCallEvent) {
            return OpenInferenceAttributes.KIND_TOOL;
        }
        if (event instanceof AgentRunStepStartEvent || event instanceof AgentChatWithStepStartEvent) {
            return OpenInferenceAttributes.KIND_AGENT;
        }
        if (event instanceof QueryStartEvent || event instanceof SynthesizeStartEvent) {
            return OpenInferenceAttributes.KIND_CHAIN;
        }
        if (event instanceof CallbackEvent callback && callback.phase() == EventPhase.START) {
            return callbackKind(callback);
        }
        return null;
    }

    /** The kind of a span opened by a {@code CallbackManager} event; its span is named after the event type. */
    private static @Nullable String callbackKind(CallbackEvent event) {
        return switch (event.type()) {
            case LLM -> OpenInferenceAttributes.KIND_LLM;
            case EMBEDDING -> OpenInferenceAttributes.KIND_EMBEDDING;
            case RETRIEVE -> OpenInferenceAttributes.KIND_RETRIEVER;
            case RERANKING -> OpenInferenceAttributes.KIND_RERANKER;
            case FUNCTION_CALL -> OpenInferenceAttributes.KIND_TOOL;
            case AGENT_STEP -> OpenInferenceAttributes.KIND_AGENT;
            case QUERY, SYNTHESIZE, SUB_QUESTION, TREE -> OpenInferenceAttributes.KIND_CHAIN;
            default -> null;
        };
    }

    /**
     * Returns the model a start event names.
     *
     * @param event an event
     * @return the model, or {@code null} when the event names none
     */
    public static @Nullable ModelInfo model(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.model();
        }
        if (event instanceof LLMChatStartEvent chat) {
            return chat.model();
        }
        if (event instanceof LLMCompletionStartEvent completion) {
            return completion.model();
        }
        if (event instanceof EmbeddingStartEvent embedding) {
            return embedding.model();
        }
        return null;
    }
}
