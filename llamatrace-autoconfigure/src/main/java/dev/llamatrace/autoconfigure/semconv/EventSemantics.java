package dev.llamatrace.autoconfigure.semconv;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ModelEvent;
import dev.llamatrace.core.llm.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * How events map onto GenAI operations and OpenInference span kinds, from what every event declares (its
 * {@link EventKind}, its phase, and whether it is a {@link ModelEvent}); built-in, callback and user events alike.
 */
public final class EventSemantics {

    private EventSemantics() {}

    /**
     * Returns the GenAI operation a start event opens, for operations that are timed as client calls.
     *
     * @param event an event
     * @return {@code chat}, {@code text_completion} or {@code embeddings}; {@code null} for other events
     */
    public static @Nullable String clientOperation(Event event) {
        if (!(event instanceof ModelEvent model) || event.phase() != EventPhase.START) {
            return null;
        }
        if (event.kind() == EventKind.EMBEDDING) {
            return GenAiAttributes.OPERATION_EMBEDDINGS;
        }
        return model.textCompletion() ? GenAiAttributes.OPERATION_TEXT_COMPLETION : GenAiAttributes.OPERATION_CHAT;
    }

    /**
     * Returns whether an event ends a client operation opened by an event {@link #clientOperation} recognizes.
     *
     * @param event an event
     * @return {@code true} for the end of an LLM or embedding call
     */
    public static boolean isClientOperationEnd(Event event) {
        EventKind kind = event.kind();
        return event.phase() == EventPhase.END && (kind == EventKind.LLM || kind == EventKind.EMBEDDING);
    }

    /**
     * Returns the GenAI operation of the span a start event belongs to.
     *
     * @param event an event
     * @return the operation name, or {@code null} when the event does not identify one
     */
    public static @Nullable String operation(Event event) {
        String client = clientOperation(event);
        if (client != null || event.phase() != EventPhase.START || event.kind() == null) {
            return client;
        }
        return switch (event.kind()) {
            case RETRIEVE -> GenAiAttributes.OPERATION_RETRIEVAL;
            case FUNCTION_CALL -> GenAiAttributes.OPERATION_EXECUTE_TOOL;
            case AGENT_STEP -> GenAiAttributes.OPERATION_INVOKE_AGENT;
            default -> null;
        };
    }

    /**
     * Returns the OpenInference kind of the span a start event belongs to.
     *
     * @param event an event
     * @return the span kind, or {@code null} when the event does not identify one
     */
    public static @Nullable String spanKind(Event event) {
        if (event.phase() != EventPhase.START || event.kind() == null) {
            return null;
        }
        return switch (event.kind()) {
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
        return (event instanceof ModelEvent model) ? model.model() : null;
    }
}
