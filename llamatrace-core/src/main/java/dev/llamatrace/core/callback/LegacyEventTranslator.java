package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.AgentChatWithStepEndEvent;
import dev.llamatrace.core.event.AgentChatWithStepStartEvent;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.LLMCompletionEndEvent;
import dev.llamatrace.core.event.LLMCompletionStartEvent;
import dev.llamatrace.core.event.LLMPredictEndEvent;
import dev.llamatrace.core.event.LLMPredictStartEvent;
import dev.llamatrace.core.event.LLMStructuredPredictEndEvent;
import dev.llamatrace.core.event.LLMStructuredPredictStartEvent;
import dev.llamatrace.core.event.QueryEndEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.event.ReRankEndEvent;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.event.SparseEmbeddingEndEvent;
import dev.llamatrace.core.event.SparseEmbeddingStartEvent;
import dev.llamatrace.core.event.SynthesizeEndEvent;
import dev.llamatrace.core.event.SynthesizeStartEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Translates new-style built-in events into legacy callbacks, with the payload keys LlamaIndex uses for the same
 * operation (e.g. {@code LLMChatEndEvent} becomes an {@link CBEventType#LLM} end with {@code messages} and
 * {@code response}; {@code EmbeddingEndEvent} an {@link CBEventType#EMBEDDING} end with {@code chunks} and
 * {@code embeddings}). The event id is the event's span id, which the start and end of one operation share; an event
 * created outside any span uses its own id and cannot pair. Streaming chunks ({@link EventPhase#IN_PROGRESS}) are not
 * callbacks: a stream is reported once, at its end, with the last chunk. An {@link ExceptionEvent} becomes an
 * {@link CBEventType#EXCEPTION} start with no end, under its own id; a {@link CallbackEventHandler} instead ends the
 * operation still open in the exception's span with it. Start events carrying a model put it under
 * {@link EventPayload#SERIALIZED} ({@link ModelInfo}) and {@link EventPayload#MODEL_NAME}.
 */
public final class LegacyEventTranslator {

    private LegacyEventTranslator() {}

    /**
     * Translates an event.
     *
     * @param event a dispatched event
     * @return the callback, or {@code null} when the event has no legacy counterpart
     */
    public static @Nullable LegacyCallback translate(Event event) {
        if (event instanceof ExceptionEvent exception) {
            return new LegacyCallback(
                    CBEventType.EXCEPTION,
                    EventPhase.START,
                    payload(EventPayload.EXCEPTION, exception.exception()),
                    event.id());
        }
        Map<String, Object> payload = payload(event);
        EventKind kind = event.kind();
        if (payload == null || kind == null) {
            return null;
        }
        String id = (event.spanId() != null) ? event.spanId() : event.id();
        return new LegacyCallback(CBEventType.of(kind), event.phase(), payload, id);
    }

    private static @Nullable Map<String, Object> payload(Event event) {
        if (event instanceof LLMChatStartEvent e) {
            return model(
                    payload(EventPayload.MESSAGES, e.messages(), EventPayload.ADDITIONAL_KWARGS, e.additionalKwargs()),
                    e.model());
        }
        if (event instanceof LLMChatEndEvent e) {
            return payload(EventPayload.MESSAGES, e.messages(), EventPayload.RESPONSE, e.response());
        }
        if (event instanceof LLMCompletionStartEvent e) {
            return model(
                    payload(EventPayload.PROMPT, e.prompt(), EventPayload.ADDITIONAL_KWARGS, e.additionalKwargs()),
                    e.model());
        }
        if (event instanceof LLMCompletionEndEvent e) {
            return payload(EventPayload.PROMPT, e.prompt(), EventPayload.COMPLETION, e.response());
        }
        if (event instanceof LLMPredictStartEvent e) {
            return payload(EventPayload.TEMPLATE, e.template(), EventPayload.TEMPLATE_VARS, e.templateArgs());
        }
        if (event instanceof LLMPredictEndEvent e) {
            return payload(EventPayload.RESPONSE, e.output());
        }
        if (event instanceof LLMStructuredPredictStartEvent e) {
            return payload(EventPayload.TEMPLATE, e.template(), EventPayload.TEMPLATE_VARS, e.templateArgs());
        }
        if (event instanceof LLMStructuredPredictEndEvent e) {
            return payload(EventPayload.RESPONSE, e.output());
        }
        if (event instanceof EmbeddingStartEvent e) {
            return model(new LinkedHashMap<>(), e.model());
        }
        if (event instanceof SparseEmbeddingStartEvent e) {
            return model(new LinkedHashMap<>(), e.model());
        }
        if (event instanceof EmbeddingEndEvent e) {
            return payload(EventPayload.CHUNKS, e.chunks(), EventPayload.EMBEDDINGS, e.embeddings());
        }
        if (event instanceof SparseEmbeddingEndEvent e) {
            return payload(EventPayload.CHUNKS, e.chunks(), EventPayload.EMBEDDINGS, e.embeddings());
        }
        return otherPayload(event);
    }

    private static @Nullable Map<String, Object> otherPayload(Event event) {
        if (event instanceof QueryStartEvent e) {
            return payload(EventPayload.QUERY_STR, e.query());
        }
        if (event instanceof QueryEndEvent e) {
            return payload(EventPayload.RESPONSE, e.response());
        }
        if (event instanceof RetrievalStartEvent e) {
            return payload(EventPayload.QUERY_STR, e.query());
        }
        if (event instanceof RetrievalEndEvent e) {
            return payload(EventPayload.NODES, e.nodes());
        }
        if (event instanceof SynthesizeStartEvent e) {
            return payload(EventPayload.QUERY_STR, e.query());
        }
        if (event instanceof SynthesizeEndEvent e) {
            return payload(EventPayload.RESPONSE, e.response());
        }
        if (event instanceof ReRankStartEvent e) {
            Map<String, Object> payload = payload(
                    EventPayload.NODES,
                    e.nodes(),
                    EventPayload.MODEL_NAME,
                    e.modelName(),
                    EventPayload.QUERY_STR,
                    e.query());
            payload.put(EventPayload.TOP_K.value(), e.topN());
            return payload;
        }
        if (event instanceof ReRankEndEvent e) {
            return payload(EventPayload.NODES, e.nodes());
        }
        if (event instanceof AgentToolCallEvent e) {
            return payload(EventPayload.FUNCTION_CALL, e.arguments(), EventPayload.TOOL, e.tool());
        }
        if (event instanceof ToolCallResultEvent e) {
            return payload(EventPayload.FUNCTION_OUTPUT, e.result(), EventPayload.TOOL, e.tool());
        }
        if (event instanceof AgentRunStepStartEvent e) {
            return payload(EventPayload.MESSAGES, (e.input() != null) ? List.of(e.input()) : List.of());
        }
        if (event instanceof AgentRunStepEndEvent e) {
            return payload(EventPayload.RESPONSE, e.stepOutput());
        }
        if (event instanceof AgentChatWithStepStartEvent e) {
            return payload(EventPayload.MESSAGES, List.of(e.userMessage()));
        }
        if (event instanceof AgentChatWithStepEndEvent e) {
            return payload(EventPayload.RESPONSE, e.response());
        }
        return null;
    }

    private static Map<String, Object> model(Map<String, Object> payload, ModelInfo model) {
        payload.put(EventPayload.SERIALIZED.value(), model);
        payload.put(EventPayload.MODEL_NAME.value(), model.name());
        return payload;
    }

    /** Builds a payload from key/value pairs, leaving out {@code null} values. */
    private static Map<String, Object> payload(@Nullable Object... keysAndValues) {
        Map<String, Object> payload = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null) {
                payload.put(((EventPayload) keysAndValues[i]).value(), value);
            }
        }
        return payload;
    }

    /**
     * A new-style event as a legacy callback.
     *
     * @param type the callback type
     * @param phase {@link EventPhase#START} or {@link EventPhase#END}
     * @param payload the payload keyed by {@link EventPayload#value()}
     * @param eventId the id pairing start and end (the span id)
     */
    public record LegacyCallback(CBEventType type, EventPhase phase, Map<String, Object> payload, String eventId) {}
}
