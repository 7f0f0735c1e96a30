package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.ModelPrice;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.token.JTokkitTokenizers;
import dev.llamatrace.core.token.TokenizerResolver;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Configures a {@link TokenCountingHandler}. */
public final class TokenCountingHandlerBuilder {

    /** Default number of retained records per kind (LLM, embedding). */
    public static final int DEFAULT_MAX_EVENTS = 1_000;

    /** Default cap on distinct models with their own totals. */
    public static final int DEFAULT_MAX_MODELS = 256;

    /** Default cap on operations between start and end whose model is remembered. */
    public static final int DEFAULT_MAX_OPEN_OPERATIONS = 10_000;

    TokenizerResolver tokenizers = JTokkitTokenizers.byModel();

    long tokenBudget;

    @Nullable
    PriceTable prices;

    @Nullable
    BigDecimal costBudget;

    String costBudgetCurrency = "USD";

    boolean verbose;

    int maxEvents = DEFAULT_MAX_EVENTS;

    int maxModels = DEFAULT_MAX_MODELS;

    int maxOpenOperations = DEFAULT_MAX_OPEN_OPERATIONS;

    ContentLimit content = ContentLimit.ALL;

    Set<CBEventType> startsToIgnore = Set.of();

    Set<CBEventType> endsToIgnore = Set.of();

    TokenCountingHandlerBuilder() {}

    /**
     * Sets how texts are tokenized when the provider sent no usage; default jtokkit, encoding chosen by model.
     *
     * @param tokenizers the resolver, e.g. {@code JTokkitTokenizers.fixed("o200k_base")}
     * @return this builder
     */
    public TokenCountingHandlerBuilder tokenizers(TokenizerResolver tokenizers) {
        this.tokenizers = Objects.requireNonNull(tokenizers, "tokenizers");
        return this;
    }

    /**
     * Sets the LLM token budget; {@code 0} (the default) means none.
     *
     * @param tokenBudget the limit; LLM calls starting while the count exceeds it are refused
     * @return this builder
     */
    public TokenCountingHandlerBuilder tokenBudget(long tokenBudget) {
        if (tokenBudget < 0) {
            throw new IllegalArgumentException("tokenBudget must not be negative, was " + tokenBudget);
        }
        this.tokenBudget = tokenBudget;
        return this;
    }

    /**
     * Sets the prices the handler's own counts are priced with, when it counts events itself (as a callback handler);
     * on a dispatcher it records the costs the {@link TokenCountPublisher}'s counts carry. Default: none, so counts
     * made here carry no cost.
     *
     * @param prices e.g. {@link PriceTable#defaults()}
     * @return this builder
     */
    public TokenCountingHandlerBuilder prices(PriceTable prices) {
        this.prices = Objects.requireNonNull(prices, "prices");
        return this;
    }

    /**
     * Sets the cost budget: LLM calls starting while the cost counted so far exceeds it are refused with a
     * {@link CostBudgetExceededException}. Only costs in its currency count towards it. Default: none.
     *
     * @param limit the budget, at least 0, with at most 12 decimals
     * @param currency the ISO 4217 code of the budget, e.g. {@code USD}
     * @return this builder
     */
    public TokenCountingHandlerBuilder costBudget(BigDecimal limit, String currency) {
        Objects.requireNonNull(limit, "limit");
        if (limit.signum() < 0 || limit.stripTrailingZeros().scale() > Cost.SCALE) {
            throw new IllegalArgumentException(
                    "costBudget must be at least 0 with at most " + Cost.SCALE + " decimals, was " + limit);
        }
        if (!ModelPrice.isCurrencyCode(currency)) {
            throw new IllegalArgumentException(
                    "costBudget currency must be a three-letter ISO 4217 code in capitals, was " + currency);
        }
        this.costBudget = limit;
        this.costBudgetCurrency = currency;
        return this;
    }

    /**
     * Sets whether each count is logged at INFO (otherwise DEBUG).
     *
     * @param verbose {@code true} to log at INFO
     * @return this builder
     */
    public TokenCountingHandlerBuilder verbose(boolean verbose) {
        this.verbose = verbose;
        return this;
    }

    /**
     * Sets how many records of each kind are retained.
     *
     * @param maxEvents at least 1
     * @return this builder
     */
    public TokenCountingHandlerBuilder maxEvents(int maxEvents) {
        this.maxEvents = BoundedBuffer.requirePositive(maxEvents, "maxEvents");
        return this;
    }

    /**
     * Sets how many distinct models get their own totals.
     *
     * @param maxModels at least 1
     * @return this builder
     */
    public TokenCountingHandlerBuilder maxModels(int maxModels) {
        this.maxModels = BoundedBuffer.requirePositive(maxModels, "maxModels");
        return this;
    }

    /**
     * Sets how much of the prompt and completion texts the retained counts keep (the newest of each kind); the
     * counts themselves are exact either way.
     *
     * @param content {@link ContentLimit#ALL} by default (the prompt and completion objects, rendered on first read)
     * @return this builder
     */
    public TokenCountingHandlerBuilder contentLimit(ContentLimit content) {
        this.content = Objects.requireNonNull(content, "content");
        return this;
    }

    /**
     * Sets how many operations may be open at once; past it the oldest are forgotten.
     *
     * @param maxOpenOperations at least 1
     * @return this builder
     */
    public TokenCountingHandlerBuilder maxOpenOperations(int maxOpenOperations) {
        this.maxOpenOperations = BoundedBuffer.requirePositive(maxOpenOperations, "maxOpenOperations");
        return this;
    }

    /**
     * Sets the event types whose starts are ignored (an ignored LLM start is not budget-checked).
     *
     * @param types the types
     * @return this builder
     */
    public TokenCountingHandlerBuilder eventStartsToIgnore(Set<CBEventType> types) {
        this.startsToIgnore = Set.copyOf(types);
        return this;
    }

    /**
     * Sets the event types whose ends are ignored (not counted).
     *
     * @param types the types
     * @return this builder
     */
    public TokenCountingHandlerBuilder eventEndsToIgnore(Set<CBEventType> types) {
        this.endsToIgnore = Set.copyOf(types);
        return this;
    }

    /**
     * Builds the handler.
     *
     * @return the handler
     */
    public TokenCountingHandler build() {
        return new TokenCountingHandler(this);
    }
}
