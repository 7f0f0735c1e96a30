package dev.llamatrace.core.handler;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEvent;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.callback.LegacyEventTranslator;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.ModelEvent;
import dev.llamatrace.core.span.BoundedOpenMap;
import dev.llamatrace.core.token.JTokkitTokenizers;
import dev.llamatrace.core.token.TokenizerResolver;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The counting step of the pipeline: counts every LLM call and embedding at its end (provider usage first, each side
 * falling back to the tokenizer) and dispatches each count as a {@link TokenCountingEvent} stamped with the span of the
 * operation counted. Token meters, span token attributes, the endpoint and {@link TokenCountingHandler} subscribe to
 * those events like to any other, so they all see the same numbers, whichever of them exist.
 *
 * <pre>{@code
 * Dispatcher root = Dispatchers.root();
 * root.addEventHandler(new TokenCountPublisher(root));
 * root.addEventHandler(TokenCountingHandler.create()); // consumes the counts: totals, records, budget
 * }</pre>
 *
 * It reads both the callback API's {@code LLM}/{@code EMBEDDING} events and the built-in typed events. A failed call
 * (an {@link ExceptionEvent} in the span of an LLM call that has started and not ended) is counted as a zero entry.
 */
public final class TokenCountPublisher implements EventHandler {

    private final Dispatcher dispatcher;

    private final TokenCountEngine engine;

    // LLM calls started and not yet ended, by span id, so that an exception in one of them ends it with a zero count.
    private final BoundedOpenMap<Boolean> openLlmSpans;

    /**
     * Creates a publisher with jtokkit tokenizers chosen by model.
     *
     * @param dispatcher where counts are dispatched (usually the dispatcher this handler is attached to)
     */
    public TokenCountPublisher(Dispatcher dispatcher) {
        this(dispatcher, JTokkitTokenizers.byModel(), TokenCountingHandlerBuilder.DEFAULT_MAX_OPEN_OPERATIONS);
    }

    /**
     * Creates a publisher.
     *
     * @param dispatcher where counts are dispatched
     * @param tokenizers how texts are tokenized when the provider sent no usage
     * @param maxOpenOperations how many started operations are remembered until their end (the model they named)
     */
    public TokenCountPublisher(Dispatcher dispatcher, TokenizerResolver tokenizers, int maxOpenOperations) {
        this(dispatcher, tokenizers, maxOpenOperations, null);
    }

    /**
     * Creates a publisher whose counts carry their cost: the cost the provider reported with the response, else the
     * price of the count's model and tokens in {@code prices}; {@code null} when neither gives one (the model is
     * unpriced).
     *
     * @param dispatcher where counts are dispatched
     * @param tokenizers how texts are tokenized when the provider sent no usage
     * @param maxOpenOperations how many started operations are remembered until their end (the model they named)
     * @param prices the price table, e.g. {@link PriceTable#defaults()}; {@code null} to price nothing, not even with
     *     a cost the provider reported
     */
    public TokenCountPublisher(
            Dispatcher dispatcher, TokenizerResolver tokenizers, int maxOpenOperations, @Nullable PriceTable prices) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.engine = new TokenCountEngine(Objects.requireNonNull(tokenizers, "tokenizers"), maxOpenOperations, prices);
        this.openLlmSpans = new BoundedOpenMap<>(maxOpenOperations, (id, open) -> {});
    }

    @Override
    public void handle(Event event) {
        if (event instanceof CallbackEvent callback) {
            operation(callback.type(), callback.phase(), callback.payload(), callback.eventId(), callback.spanId());
            return;
        }
        String spanId = event.spanId();
        if (event instanceof ExceptionEvent failure) {
            if (spanId != null && this.openLlmSpans.take(spanId) != null) {
                countLlmEnd(Map.of(EventPayload.EXCEPTION.value(), failure.exception()), spanId, spanId);
            }
            return;
        }
        EventKind kind = event.kind();
        if (kind != EventKind.LLM && kind != EventKind.EMBEDDING) {
            return;
        }
        if (event.phase() == EventPhase.START && event instanceof ModelEvent started) {
            // The start only names the model: read it from the event, not from a payload.
            this.engine.start(started, (spanId != null) ? spanId : event.id());
            llmStarted(kind == EventKind.LLM, spanId);
            return;
        }
        LegacyEventTranslator.LegacyCallback callback = LegacyEventTranslator.translate(event);
        if (callback != null) {
            operation(callback.type(), callback.phase(), callback.payload(), callback.eventId(), spanId);
        }
    }

    /**
     * Counts one LLM end payload and dispatches the count.
     *
     * @param payload the end payload: {@code formatted_prompt} + {@code completion}, {@code messages} +
     *     {@code response}, or {@code exception}
     * @param eventId the event id; the model named by its start is used
     * @param spanId the span of the call, stamped on the count
     * @return the dispatched count, or {@code null} when the payload has nothing to count
     */
    public @Nullable TokenCountingEvent countLlmEnd(Map<String, ?> payload, String eventId, @Nullable String spanId) {
        TokenCountingEvent count = this.engine.countLlmEnd(payload, eventId, spanId);
        if (count != null) {
            this.dispatcher.event(count);
        }
        return count;
    }

    private void operation(
            CBEventType type, EventPhase phase, Map<String, ?> payload, String eventId, @Nullable String spanId) {
        if (type != CBEventType.LLM && type != CBEventType.EMBEDDING) {
            return;
        }
        if (phase == EventPhase.START) {
            this.engine.start(type, payload, eventId);
            llmStarted(type == CBEventType.LLM, spanId);
        } else if (phase == EventPhase.END) {
            if (type == CBEventType.LLM) {
                if (spanId != null) {
                    this.openLlmSpans.take(spanId);
                }
                countLlmEnd(payload, eventId, spanId);
            } else {
                List<TokenCountingEvent> counts = this.engine.countEmbeddingEnd(payload, eventId, spanId);
                for (TokenCountingEvent count : counts) {
                    this.dispatcher.event(count);
                }
            }
        }
    }

    /** Remembers an LLM call open in its span, so that an exception in the span ends it with a zero count. */
    private void llmStarted(boolean llm, @Nullable String spanId) {
        if (llm && spanId != null) {
            this.openLlmSpans.put(spanId, Boolean.TRUE, System.nanoTime());
        }
    }

    @Override
    public String toString() {
        return "TokenCountPublisher[" + this.dispatcher.name() + "]";
    }
}
