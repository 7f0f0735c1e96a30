package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.DescribedEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventFields;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Translates new-style events into legacy callbacks: every {@link DescribedEvent} of a known {@link EventKind}, with the
 * payload keys LlamaIndex uses for the same operation (e.g. {@code LLMChatEndEvent} becomes an {@link CBEventType#LLM} end with {@code messages} and
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
     * @return the callback, or {@code null} when the event has no legacy counterpart (a streaming chunk has none)
     */
    public static @Nullable LegacyCallback translate(Event event) {
        if (event instanceof ExceptionEvent exception) {
            return new LegacyCallback(
                    CBEventType.EXCEPTION,
                    EventPhase.START,
                    Map.of(EventPayload.EXCEPTION.value(), exception.exception()),
                    event.id());
        }
        EventKind kind = event.kind();
        if (kind == null || event.phase() == EventPhase.IN_PROGRESS) {
            return null;
        }
        Map<String, Object> payload = payload(event);
        if (payload == null) {
            return null;
        }
        String id = (event.spanId() != null) ? event.spanId() : event.id();
        return new LegacyCallback(CBEventType.of(kind), event.phase(), payload, id);
    }

    private static @Nullable Map<String, Object> payload(Event event) {
        return (event instanceof DescribedEvent described) ? new DescribedPayload(described) : null;
    }

    /**
     * The payload of a described event, written on first read: a handler that keeps no content (the debug handler's
     * default) never reads it, so the event is never rendered into a map for it. Read-only.
     */
    private static final class DescribedPayload extends AbstractMap<String, Object> {

        private final DescribedEvent event;

        // Written once on first read; racing readers write equal maps, each safely published by its final field.
        private @Nullable Map<String, Object> fields;

        DescribedPayload(DescribedEvent event) {
            this.event = event;
        }

        private Map<String, Object> fields() {
            Map<String, Object> fields = this.fields;
            if (fields == null) {
                PayloadFields written = new PayloadFields();
                this.event.describeTo(written);
                fields = Collections.unmodifiableMap(written.payload());
                this.fields = fields;
            }
            return fields;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return fields().entrySet();
        }

        @Override
        public @Nullable Object get(Object key) {
            return fields().get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return fields().containsKey(key);
        }

        @Override
        public int size() {
            return fields().size();
        }

        @Override
        public boolean isEmpty() {
            return fields().isEmpty();
        }
    }

    /** Writes the fields of an event under LlamaIndex's payload keys, leaving out unknown ({@code null}) values. */
    private static final class PayloadFields implements EventFields {

        private final Map<String, Object> payload = new LinkedHashMap<>();

        private @Nullable Integer topK;

        Map<String, Object> payload() {
            if (this.topK != null) {
                // LlamaIndex lists the reranking's top_k after its query.
                put(EventPayload.TOP_K, this.topK);
            }
            return this.payload;
        }

        @Override
        public void messages(List<ChatMessage> messages) {
            put(EventPayload.MESSAGES, messages);
        }

        @Override
        public void stepInput(@Nullable String input) {
            put(EventPayload.MESSAGES, (input != null) ? List.of(input) : List.of());
        }

        @Override
        public void response(@Nullable Object response) {
            put(EventPayload.RESPONSE, response);
        }

        @Override
        public void prompt(String prompt) {
            put(EventPayload.PROMPT, prompt);
        }

        @Override
        public void completion(Object completion) {
            put(EventPayload.COMPLETION, completion);
        }

        @Override
        public void template(String template, Map<String, Object> variables) {
            put(EventPayload.TEMPLATE, template);
            put(EventPayload.TEMPLATE_VARS, variables);
        }

        @Override
        public void query(String query) {
            put(EventPayload.QUERY_STR, query);
        }

        @Override
        public void nodes(List<NodeWithScore> nodes) {
            put(EventPayload.NODES, nodes);
        }

        @Override
        public void embeddings(List<String> chunks, List<?> embeddings) {
            put(EventPayload.CHUNKS, chunks);
            put(EventPayload.EMBEDDINGS, embeddings);
        }

        @Override
        public void usage(Map<String, Object> usage) {
            put(EventPayload.USAGE, usage);
        }

        @Override
        public void model(ModelInfo model) {
            put(EventPayload.SERIALIZED, model);
            put(EventPayload.MODEL_NAME, model.name());
        }

        @Override
        public void additionalKwargs(Map<String, Object> kwargs) {
            put(EventPayload.ADDITIONAL_KWARGS, kwargs);
        }

        @Override
        public void reranking(String modelName, int topN) {
            put(EventPayload.MODEL_NAME, modelName);
            this.topK = topN;
        }

        @Override
        public void toolCall(ToolMetadata tool, String arguments) {
            put(EventPayload.FUNCTION_CALL, arguments);
            put(EventPayload.TOOL, tool);
        }

        @Override
        public void toolResult(ToolMetadata tool, @Nullable String result) {
            put(EventPayload.FUNCTION_OUTPUT, result);
            put(EventPayload.TOOL, tool);
        }

        private void put(EventPayload key, @Nullable Object value) {
            if (value != null) {
                this.payload.put(key.value(), value);
            }
        }
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
