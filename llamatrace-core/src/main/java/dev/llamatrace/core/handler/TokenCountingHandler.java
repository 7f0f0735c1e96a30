package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackHandler;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import java.lang.System.Logger.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Counts prompt, completion and embedding tokens (LlamaIndex's {@code TokenCountingHandler}): totals, per-model usage,
 * retained records and a budget.
 *
 * <p>It works in one of two ways, depending on how it is subscribed, and never both at once:
 * <ul>
 *   <li>as an {@link EventHandler} on a dispatcher (how the Spring Boot starter attaches it), it consumes the
 *       {@link TokenCountingEvent}s a {@link TokenCountPublisher} dispatches there, so it records exactly the counts
 *       that meters and spans see;
 *   <li>as a {@link CallbackHandler} (added to a {@link dev.llamatrace.core.callback.CallbackManager} or through a
 *       {@link dev.llamatrace.core.callback.CallbackEventHandler}, as in LlamaIndex), it counts the LLM and embedding
 *       events it is given itself.
 * </ul>
 *
 * <p>An LLM call is counted once, at its end: provider usage first, each side falling back to the tokenizer (chosen by
 * the model named at the start) when the provider sent nothing for it; chat prompts are estimated from the messages. A
 * stream is counted from its last chunk when it ends; an abandoned stream is not counted. A failed call records a zero
 * entry. Embeddings are tokenized per chunk. Totals are exact under any concurrency; the per-event records are kept in
 * a bounded buffer (oldest dropped and counted) and distinct models are capped (the rest under
 * {@value #OTHER_MODELS}).
 *
 * <p>With a budget set, an LLM call that starts while the LLM tokens counted so far exceed it is refused with a
 * {@link TokenBudgetExceededException}, the one handler exception that reaches the application. LlamaIndex checks the
 * budget at the start of every event type and again after each count; here only LLM starts are refused, so a running
 * query can still retrieve and embed, and no call that already happened fails afterwards.
 *
 * <p>Costs are kept the same way: each count's {@linkplain TokenCountingEvent#cost() cost} (the provider's, or the
 * price table's) is added up exactly per model and currency, and models without a price are listed as unpriced. With
 * a cost budget set, an LLM call that starts while the cost counted so far (in the budget's currency) exceeds it is
 * refused with a {@link CostBudgetExceededException}, exactly as the token budget refuses it.
 */
public final class TokenCountingHandler implements CallbackHandler, EventHandler {

    /** The model key collecting the models beyond the per-model cap. */
    public static final String OTHER_MODELS = "other";

    private static final System.Logger LOGGER = System.getLogger(TokenCountingHandler.class.getName());

    private final TokenCountEngine engine;

    private final long tokenBudget;

    private final boolean verbose;

    private final Set<CBEventType> startsToIgnore;

    private final Set<CBEventType> endsToIgnore;

    private final BoundedBuffer<TokenCountingEvent> llmEvents;

    private final BoundedBuffer<TokenCountingEvent> embeddingEvents;

    private final ContentLimit content;

    private final TokenTotals totals;

    private final CostTotals costs;

    private final @Nullable BigDecimal costBudget;

    private final String costBudgetCurrency;

    TokenCountingHandler(TokenCountingHandlerBuilder builder) {
        this.engine = new TokenCountEngine(builder.tokenizers, builder.maxOpenOperations, builder.prices);
        this.costBudget = builder.costBudget;
        this.costBudgetCurrency = builder.costBudgetCurrency;
        this.costs =
                new CostTotals(builder.maxModels, (builder.costBudget != null) ? builder.costBudgetCurrency : null);
        this.tokenBudget = builder.tokenBudget;
        this.verbose = builder.verbose;
        this.startsToIgnore = Set.copyOf(builder.startsToIgnore);
        this.endsToIgnore = Set.copyOf(builder.endsToIgnore);
        this.llmEvents = new BoundedBuffer<>(builder.maxEvents);
        this.embeddingEvents = new BoundedBuffer<>(builder.maxEvents);
        this.content = builder.content;
        this.totals = new TokenTotals(builder.maxModels);
    }

    /**
     * Returns a builder with the defaults: jtokkit tokenizers chosen by model, no budget, 1,000 retained events per
     * kind, 256 models, 10,000 open operations.
     *
     * @return a builder
     */
    public static TokenCountingHandlerBuilder builder() {
        return new TokenCountingHandlerBuilder();
    }

    /**
     * Creates a handler with the defaults of {@link #builder()}.
     *
     * @return the handler
     */
    public static TokenCountingHandler create() {
        return builder().build();
    }

    /**
     * Checks the budget before an LLM call and remembers the model an LLM or embedding operation runs on.
     *
     * @throws TokenBudgetExceededException when an LLM call starts while the counted LLM tokens exceed the budget
     */
    @Override
    public void onEventStart(CBEventType type, Map<String, Object> payload, String eventId, @Nullable String parentId) {
        if (type == CBEventType.LLM) {
            checkBudget();
        }
        this.engine.start(type, payload, eventId);
    }

    @Override
    public void onEventEnd(CBEventType type, Map<String, Object> payload, String eventId) {
        if (type == CBEventType.LLM) {
            countLlmEnd(payload, eventId);
        } else if (type == CBEventType.EMBEDDING) {
            countEmbeddingEnd(payload, eventId);
        }
    }

    /**
     * Records a count from the bus, and checks the budget when an LLM call starts.
     *
     * @throws TokenBudgetExceededException when an LLM call starts while the counted LLM tokens exceed the budget
     */
    @Override
    public void handle(Event event) {
        if (event instanceof TokenCountingEvent count) {
            if (count.operation() == EventKind.EMBEDDING) {
                recordEmbedding(count);
            } else {
                recordLlm(count);
            }
        } else if ((this.tokenBudget > 0 || this.costBudget != null)
                && event.kind() == EventKind.LLM
                && event.phase() == EventPhase.START) {
            checkBudget();
        }
    }

    /**
     * Counts one LLM end payload and records the count (the path every LLM end takes; public for benchmarks and for
     * callers that hold a payload without a dispatcher).
     *
     * @param payload the end payload: {@code formatted_prompt} + {@code completion}, {@code messages} +
     *     {@code response}, or {@code exception}
     * @param eventId the event id; the model named by its start is used
     * @return the recorded count, or {@code null} when the payload is empty or has nothing to count
     */
    public @Nullable TokenCountingEvent countLlmEnd(Map<String, ?> payload, String eventId) {
        TokenCountingEvent event = this.engine.countLlmEnd(payload, eventId, null);
        if (event != null) {
            recordLlm(event);
        }
        return event;
    }

    /**
     * Counts one embedding end payload: every text of {@code chunks} is tokenized and recorded on its own.
     *
     * @param payload the end payload with {@code chunks}
     * @param eventId the event id; the model named by its start is used
     * @return the recorded counts, one per chunk
     */
    public List<TokenCountingEvent> countEmbeddingEnd(Map<String, ?> payload, String eventId) {
        List<TokenCountingEvent> events = this.engine.countEmbeddingEnd(payload, eventId, null);
        events.forEach(this::recordEmbedding);
        return events;
    }

    private void recordLlm(TokenCountingEvent event) {
        this.totals.addLlm(
                event.model(),
                event.provider(),
                event.promptTokenCount(),
                event.completionTokenCount(),
                event.details());
        this.costs.add(event);
        this.llmEvents.add(event.kept(this.content));
        if (logging()) {
            Cost cost = event.cost();
            log("LLM Prompt Token Usage: " + event.promptTokenCount() + "\nLLM Completion Token Usage: "
                    + event.completionTokenCount()
                    + ((cost != null) ? "\nLLM Cost: " + cost.plainAmount() + " " + cost.currency() : ""));
        }
    }

    private void recordEmbedding(TokenCountingEvent event) {
        this.totals.addEmbedding(event.model(), event.provider(), event.promptTokenCount());
        this.costs.add(event);
        this.embeddingEvents.add(event.kept(this.content));
        if (logging()) {
            log("Embedding Token Usage: " + event.promptTokenCount());
        }
    }

    /**
     * Returns the LLM prompt tokens counted since creation or {@link #reset()}.
     *
     * @return the exact total
     */
    public long promptLlmTokenCount() {
        return this.totals.prompt();
    }

    /**
     * Returns the LLM completion tokens counted.
     *
     * @return the exact total
     */
    public long completionLlmTokenCount() {
        return this.totals.completion();
    }

    /**
     * Returns the LLM tokens counted, prompt plus completion; the value the budget is checked against.
     *
     * @return the exact total
     */
    public long totalLlmTokenCount() {
        return this.totals.llm();
    }

    /**
     * Returns the LLM prompt tokens the providers read from their prompt caches (a part of
     * {@link #promptLlmTokenCount()}).
     *
     * @return the exact total
     */
    public long cachedInputTokenCount() {
        return this.totals.cachedInput();
    }

    /**
     * Returns the LLM prompt tokens the providers wrote to their prompt caches (a part of
     * {@link #promptLlmTokenCount()}).
     *
     * @return the exact total
     */
    public long cacheWriteInputTokenCount() {
        return this.totals.cacheWriteInput();
    }

    /**
     * Returns the LLM completion tokens spent reasoning (a part of {@link #completionLlmTokenCount()}).
     *
     * @return the exact total
     */
    public long reasoningTokenCount() {
        return this.totals.reasoning();
    }

    /**
     * Returns the embedding tokens counted.
     *
     * @return the exact total
     */
    public long totalEmbeddingTokenCount() {
        return this.totals.embedding();
    }

    /**
     * Returns the number of LLM calls counted (failed calls included).
     *
     * @return the exact count
     */
    public long llmCallCount() {
        return this.totals.calls();
    }

    /**
     * Returns the per-model totals.
     *
     * @return model name to its totals, a snapshot
     */
    public Map<String, ModelTokenUsage> modelUsage() {
        return this.totals.byModel();
    }

    /**
     * Returns the retained LLM counts, oldest first.
     *
     * @return at most {@code maxEvents} records
     */
    public List<TokenCountingEvent> llmTokenCounts() {
        return this.llmEvents.snapshot();
    }

    /**
     * Returns the retained embedding counts (one per chunk), oldest first.
     *
     * @return at most {@code maxEvents} records
     */
    public List<TokenCountingEvent> embeddingTokenCounts() {
        return this.embeddingEvents.snapshot();
    }

    /**
     * Returns how many records were dropped from the retained buffers; totals still include them.
     *
     * @return the eviction count
     */
    public long evictedEvents() {
        return this.llmEvents.evicted() + this.embeddingEvents.evicted();
    }

    /**
     * Returns the budget.
     *
     * @return the LLM token limit, empty when there is none
     */
    public OptionalLong tokenBudget() {
        return (this.tokenBudget > 0) ? OptionalLong.of(this.tokenBudget) : OptionalLong.empty();
    }

    /**
     * Returns the total cost per currency of the counts that had a cost.
     *
     * @return currency code to the exact sum, in code order; empty when nothing priced was counted
     */
    public Map<String, BigDecimal> totalCost() {
        return this.costs.totals();
    }

    /**
     * Returns the cost per model of the counts that had a cost; a model priced in two currencies (a provider reporting
     * in another) has a second entry keyed {@code model (currency)}.
     *
     * @return model to its cost, a snapshot
     */
    public Map<String, ModelCost> modelCost() {
        return this.costs.byModel();
    }

    /**
     * Returns the models counted without a cost: no price matched them and the provider reported none. They cost
     * nothing in the totals rather than a guess.
     *
     * @return model name to the number of counts (LLM calls, embedded texts) without a cost
     */
    public Map<String, Long> unpricedModels() {
        return this.costs.unpriced();
    }

    /**
     * Returns the cost budget.
     *
     * @return the limit in {@link #costBudgetCurrency()}, or {@code null} when there is none
     */
    public @Nullable BigDecimal costBudget() {
        return this.costBudget;
    }

    /**
     * Returns the currency of the cost budget.
     *
     * @return the ISO 4217 code (only costs in it count towards the budget)
     */
    public String costBudgetCurrency() {
        return this.costBudgetCurrency;
    }

    /**
     * Clears totals, costs, retained records, eviction counts and remembered models; both budgets start from zero
     * again.
     */
    public void reset() {
        this.totals.reset();
        this.costs.reset();
        this.llmEvents.clear();
        this.embeddingEvents.clear();
        this.engine.clear();
    }

    @Override
    public Set<CBEventType> eventStartsToIgnore() {
        return this.startsToIgnore;
    }

    @Override
    public Set<CBEventType> eventEndsToIgnore() {
        return this.endsToIgnore;
    }

    private void checkBudget() {
        if (this.tokenBudget > 0) {
            long current = totalLlmTokenCount();
            if (current > this.tokenBudget) {
                throw new TokenBudgetExceededException(this.tokenBudget, current);
            }
        }
        BigDecimal costBudget = this.costBudget;
        if (costBudget != null) {
            BigDecimal current = this.costs.budgetSpend();
            if (current.compareTo(costBudget) > 0) {
                throw new CostBudgetExceededException(costBudget, current, this.costBudgetCurrency);
            }
        }
    }

    // Checked before the message is built: concatenating it on every count cost more than the rest of a count with
    // provider usage (TokenCountingBenchmarks).
    private boolean logging() {
        return LOGGER.isLoggable(logLevel());
    }

    private void log(String message) {
        LOGGER.log(logLevel(), message);
    }

    private Level logLevel() {
        return this.verbose ? Level.INFO : Level.DEBUG;
    }
}
