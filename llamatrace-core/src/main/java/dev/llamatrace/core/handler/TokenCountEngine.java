package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.cost.ProviderCost;
import dev.llamatrace.core.event.ModelEvent;
import dev.llamatrace.core.handler.TokenCounter.ModelRef;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.BoundedOpenMap;
import dev.llamatrace.core.token.Tokenizer;
import dev.llamatrace.core.token.TokenizerResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns the start and end payloads of LLM and embedding operations into counts: remembers the model named at the start,
 * counts at the end (provider usage first, tokenizer fallback). An embedding call whose provider reported its usage is
 * one count of the provider's (billable) tokens; otherwise each embedded text is a tokenizer count of its own, as in
 * LlamaIndex. Shared by {@link TokenCountPublisher} (the counting
 * step of the pipeline) and {@link TokenCountingHandler} used on its own as a callback handler, so both count alike.
 * With a price table each count carries its cost, derived from the count itself: the provider's reported cost, else
 * the table's price for the count's model and tokens.
 */
final class TokenCountEngine {

    private final TokenizerResolver tokenizers;

    private final BoundedOpenMap<ModelRef> models;

    private final @Nullable PriceTable prices;

    TokenCountEngine(TokenizerResolver tokenizers, int maxOpenOperations, @Nullable PriceTable prices) {
        this.tokenizers = tokenizers;
        this.prices = prices;
        // An operation that never ends only loses its remembered model (its end falls back to the end payload).
        this.models = new BoundedOpenMap<>(
                BoundedBuffer.requirePositive(maxOpenOperations, "maxOpenOperations"), (id, model) -> {});
    }

    /** Remembers the model an LLM or embedding operation runs on, and whether an LLM call is a text completion. */
    void start(CBEventType type, Map<String, ?> payload, String eventId) {
        if (type == CBEventType.LLM || type == CBEventType.EMBEDDING) {
            start(modelOf(payload), type == CBEventType.LLM && EventPayload.PROMPT.in(payload), eventId);
        }
    }

    /** Remembers the model a typed start event names, without rendering the event into a payload. */
    void start(ModelEvent event, String eventId) {
        ModelInfo info = event.model();
        start(new ModelRef(info.name(), info.provider()), event.textCompletion(), eventId);
    }

    private void start(@Nullable ModelRef model, boolean textCompletion, String eventId) {
        if (model != null || textCompletion) {
            this.models.put(
                    eventId,
                    ((model != null) ? model : ModelRef.UNKNOWN).textCompletion(textCompletion),
                    System.nanoTime());
        }
    }

    @Nullable
    TokenCountingEvent countLlmEnd(Map<String, ?> payload, String eventId, @Nullable String spanId) {
        ModelRef model = endModel(payload, eventId);
        if (payload.isEmpty()) {
            return null;
        }
        TokenCountingEvent count =
                TokenCounter.countLlm(payload, eventId, spanId, model, () -> this.tokenizers.forModel(model.name()));
        if (count == null || this.prices == null) {
            return count;
        }
        Object response = EventPayload.RESPONSE.in(payload)
                ? EventPayload.RESPONSE.get(payload)
                : EventPayload.COMPLETION.get(payload);
        Cost reported = ProviderCost.of(response);
        return count.priced((reported != null) ? reported : localCost(this.prices, count));
    }

    private static @Nullable Cost localCost(PriceTable prices, TokenCountingEvent count) {
        TokenUsageDetails details = count.details();
        return prices.cost(
                count.model(),
                count.promptTokenCount(),
                details.cachedInputTokens(),
                details.cacheWriteInputTokens(),
                count.completionTokenCount(),
                details.reasoningTokens());
    }

    List<TokenCountingEvent> countEmbeddingEnd(Map<String, ?> payload, String eventId, @Nullable String spanId) {
        ModelRef model = endModel(payload, eventId);
        List<?> chunks = TokenCounter.asList(EventPayload.CHUNKS.get(payload));
        if (chunks.isEmpty()) {
            return List.of();
        }
        ProviderUsage usage = (EventPayload.USAGE.get(payload) instanceof Map<?, ?> reported)
                ? ProviderUsage.of(Map.of(UsageKeys.USAGE, reported), Map.of())
                : ProviderUsage.NONE;
        if (usage.promptTokens() > 0) {
            // The provider's billable count of the whole call: one count, not one per text.
            String texts = (chunks.size() == 1)
                    ? String.valueOf(chunks.get(0))
                    : String.join("\n", chunks.stream().map(String::valueOf).toList());
            return List.of(priced(TokenCountingEvent.embedding(
                    texts,
                    (int) Math.min(Integer.MAX_VALUE, usage.promptTokens()),
                    eventId,
                    spanId,
                    model.name(),
                    model.provider(),
                    TokenSource.PROVIDER)));
        }
        Tokenizer tokenizer = this.tokenizers.forModel(model.name());
        List<TokenCountingEvent> events = new ArrayList<>(chunks.size());
        for (Object chunk : chunks) {
            String text = String.valueOf(chunk);
            TokenCountingEvent count = TokenCountingEvent.embedding(
                    text,
                    tokenizer.countTokens(text),
                    eventId,
                    spanId,
                    model.name(),
                    model.provider(),
                    TokenSource.TOKENIZER);
            events.add(priced(count));
        }
        return events;
    }

    private TokenCountingEvent priced(TokenCountingEvent count) {
        return (this.prices != null) ? count.priced(localCost(this.prices, count)) : count;
    }

    void clear() {
        this.models.clear();
    }

    private ModelRef endModel(Map<String, ?> payload, String eventId) {
        ModelRef started = this.models.take(eventId);
        ModelRef ended = modelOf(payload);
        if (ended != null) {
            return ended.textCompletion(started != null && started.textCompletion());
        }
        return (started != null) ? started : ModelRef.UNKNOWN;
    }

    private static @Nullable ModelRef modelOf(Map<String, ?> payload) {
        Object serialized = EventPayload.SERIALIZED.get(payload);
        if (serialized instanceof ModelInfo info) {
            return new ModelRef(info.name(), info.provider());
        }
        Object name = EventPayload.MODEL_NAME.get(payload);
        if (name == null && serialized instanceof Map<?, ?> map) {
            name = (map.get("model") != null) ? map.get("model") : map.get(EventPayload.MODEL_NAME.value());
        }
        return (name != null) ? new ModelRef(String.valueOf(name), "unknown") : null;
    }
}
