package dev.llamatrace.core.cost;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Prices per model, and the cost of a call from its token counts. Immutable and safe to share.
 *
 * <p>A model name is looked up ignoring case: an exact entry first, else the entry with the longest matching prefix;
 * a table {@linkplain #overriding(PriceTable) laid over another} is searched completely before it. A model no entry
 * matches is unpriced: {@link #cost} answers {@code null} rather than a guess.
 *
 * <p>The lookup is made once per model name and remembered (for up to {@value #MAX_REMEMBERED} names; later names are
 * looked up on every call), so pricing a call is one hash lookup and four multiplications.
 */
public final class PriceTable {

    /** A table without prices: every model is unpriced. */
    public static final PriceTable NONE = new PriceTable(List.of(), null, null, false);

    /** Stands for the shipped table, which is read on the first question asked of it, not when it is referenced. */
    private static final PriceTable SHIPPED = new PriceTable(List.of(), null, null, true);

    /** How many distinct model names the table remembers the lookup of. */
    public static final int MAX_REMEMBERED = 1024;

    private static final Object UNPRICED = new Object();

    private final List<ModelPrice> prices;

    private final Map<String, Rates> exact = new HashMap<>();

    private final List<Rates> prefixes = new ArrayList<>();

    private final @Nullable PriceTable under;

    private final @Nullable String asOf;

    private final Map<String, Object> remembered = new ConcurrentHashMap<>();

    /** Whether this is {@link #SHIPPED}: every question goes to the shipped table, read then. */
    private final boolean shipped;

    private PriceTable(List<ModelPrice> prices, @Nullable PriceTable under, @Nullable String asOf, boolean shipped) {
        this.shipped = shipped;
        this.prices = List.copyOf(prices);
        this.under = under;
        this.asOf = asOf;
        for (ModelPrice price : this.prices) {
            Rates rates = new Rates(price);
            if (price.isPrefix()) {
                this.prefixes.add(rates);
            } else {
                this.exact.putIfAbsent(price.key(), rates);
            }
        }
        this.prefixes.sort(
                Comparator.comparingInt((Rates rates) -> rates.key.length()).reversed());
    }

    /**
     * Creates a table of the given prices; for the same name or prefix, the first entry wins.
     *
     * @param prices the entries
     * @return the table
     */
    public static PriceTable of(List<ModelPrice> prices) {
        return new PriceTable(prices, null, null, false);
    }

    /**
     * Creates a table of the given prices taken on a given date.
     *
     * @param prices the entries
     * @param asOf when the prices were taken, e.g. {@code 2025-08}
     * @return the table
     */
    public static PriceTable of(List<ModelPrice> prices, String asOf) {
        return new PriceTable(prices, null, Objects.requireNonNull(asOf, "asOf"), false);
    }

    /**
     * Returns the table shipped with llamatrace: list prices of widely used OpenAI, Anthropic, Google and Mistral
     * models, read once from {@code dev/llamatrace/core/cost/default-prices.json} when the first question is asked of it
     * (so an application that prices no call never reads it); its {@link #asOf()} says when they were taken.
     *
     * @return the default table
     */
    public static PriceTable defaults() {
        return SHIPPED;
    }

    /**
     * Returns this table laid over another: a model is looked up here first, and in {@code under} only when no entry of
     * this table matches.
     *
     * @param under the table consulted second, e.g. {@link #defaults()}
     * @return a new table
     */
    public PriceTable overriding(PriceTable under) {
        Objects.requireNonNull(under, "under");
        return this.shipped
                ? DefaultPrices.TABLE.overriding(under)
                : new PriceTable(this.prices, under, this.asOf, false);
    }

    /**
     * Returns the entry that prices a model.
     *
     * @param model the model name
     * @return the matching entry, or {@code null} when the model is unpriced
     */
    public @Nullable ModelPrice find(String model) {
        Rates rates = rates(model);
        return (rates != null) ? rates.price : null;
    }

    /**
     * Computes the cost of a call.
     *
     * @param model the model name
     * @param inputTokens the input tokens, cached and cache-written ones included
     * @param cachedInputTokens the input tokens read from a cache
     * @param cacheWriteInputTokens the input tokens written to a cache
     * @param outputTokens the output tokens, reasoning ones included
     * @param reasoningTokens the reasoning output tokens
     * @return the cost ({@link CostSource#LOCAL}), or {@code null} when the model is unpriced
     */
    public @Nullable Cost cost(
            String model,
            long inputTokens,
            long cachedInputTokens,
            long cacheWriteInputTokens,
            long outputTokens,
            long reasoningTokens) {
        Rates rates = rates(model);
        return (rates != null)
                ? rates.cost(inputTokens, cachedInputTokens, cacheWriteInputTokens, outputTokens, reasoningTokens)
                : null;
    }

    /**
     * Returns this table's own entries, in the order given (not those of the table it overrides).
     *
     * @return the entries
     */
    public List<ModelPrice> prices() {
        return this.shipped ? DefaultPrices.TABLE.prices() : this.prices;
    }

    /**
     * Returns when the prices of this table, or else of the table it overrides, were taken.
     *
     * @return the date as the table states it, or {@code null} when it does not say
     */
    public @Nullable String asOf() {
        if (this.shipped) {
            return DefaultPrices.TABLE.asOf();
        }
        if (this.asOf != null) {
            return this.asOf;
        }
        return (this.under != null) ? this.under.asOf() : null;
    }

    /**
     * Returns whether no entry prices anything.
     *
     * @return {@code true} for a table without entries, here or under it
     */
    public boolean isEmpty() {
        if (this.shipped) {
            return DefaultPrices.TABLE.isEmpty();
        }
        return this.prices.isEmpty() && (this.under == null || this.under.isEmpty());
    }

    private @Nullable Rates rates(String model) {
        Object known = this.remembered.get(model);
        if (known == null) {
            Rates found = lookup(model.toLowerCase(Locale.ROOT));
            known = (found != null) ? found : UNPRICED;
            if (this.remembered.size() < MAX_REMEMBERED) {
                this.remembered.put(model, known);
            }
        }
        return (known instanceof Rates rates) ? rates : null;
    }

    private @Nullable Rates lookup(String model) {
        if (this.shipped) {
            return DefaultPrices.TABLE.lookup(model);
        }
        Rates rates = this.exact.get(model);
        if (rates != null) {
            return rates;
        }
        for (Rates prefix : this.prefixes) {
            if (model.startsWith(prefix.key)) {
                return prefix;
            }
        }
        return (this.under != null) ? this.under.lookup(model) : null;
    }

    @Override
    public String toString() {
        if (this.shipped) {
            return DefaultPrices.TABLE.toString();
        }
        return "PriceTable[" + this.prices.size() + " prices" + ((this.asOf != null) ? " as of " + this.asOf : "")
                + ((this.under != null) ? " over " + this.under : "") + "]";
    }

    /** One entry's prices in millionths per million tokens: tokens times a rate is picos. */
    private static final class Rates {

        final ModelPrice price;

        final String key;

        final long input;

        final long cachedInput;

        final long cacheWriteInput;

        final long output;

        final long reasoning;

        Rates(ModelPrice price) {
            this.price = price;
            this.key = price.key();
            this.input = ModelPrice.micros(price.input());
            this.cachedInput = ModelPrice.micros(price.cachedInput());
            this.cacheWriteInput = ModelPrice.micros(price.cacheWriteInput());
            this.output = ModelPrice.micros(price.output());
            this.reasoning = ModelPrice.micros(price.reasoning());
        }

        Cost cost(
                long inputTokens,
                long cachedInputTokens,
                long cacheWriteInputTokens,
                long outputTokens,
                long reasoningTokens) {
            long cached = clamp(cachedInputTokens, inputTokens);
            long written = clamp(cacheWriteInputTokens, Math.max(0, inputTokens) - cached);
            long reasoningOut = clamp(reasoningTokens, outputTokens);
            long picos = add(
                    add(
                            add(
                                    times(Math.max(0, inputTokens) - cached - written, this.input),
                                    times(cached, this.cachedInput)),
                            times(written, this.cacheWriteInput)),
                    add(
                            times(Math.max(0, outputTokens) - reasoningOut, this.output),
                            times(reasoningOut, this.reasoning)));
            return new Cost(picos, this.price.currency(), CostSource.LOCAL);
        }

        /** A part (cached, reasoning) is at most its whole, and never negative. */
        private static long clamp(long part, long whole) {
            return Math.max(0, Math.min(part, Math.max(0, whole)));
        }

        private static long times(long tokens, long rate) {
            return (Math.multiplyHigh(tokens, rate) != 0 || tokens * rate < 0) ? Long.MAX_VALUE : tokens * rate;
        }

        private static long add(long a, long b) {
            long sum = a + b;
            return (sum < 0) ? Long.MAX_VALUE : sum;
        }
    }
}
