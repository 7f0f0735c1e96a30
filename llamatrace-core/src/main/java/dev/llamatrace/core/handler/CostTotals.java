package dev.llamatrace.core.handler;

import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.CostSource;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;

/**
 * Exact running cost totals per model and currency, the counts of unpriced models, and the spend in the budget's
 * currency; safe under any concurrency. The model count is capped like the token totals' (the rest under
 * {@value TokenCountingHandler#OTHER_MODELS}).
 */
final class CostTotals {

    private final Map<String, Costs> byModel = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> unpriced = new ConcurrentHashMap<>();

    private final int maxModels;

    private final @Nullable String budgetCurrency;

    private final ExactSum budgetSpend = new ExactSum();

    CostTotals(int maxModels, @Nullable String budgetCurrency) {
        this.maxModels = BoundedBuffer.requirePositive(maxModels, "maxModels");
        this.budgetCurrency = budgetCurrency;
    }

    void add(TokenCountingEvent count) {
        Cost cost = count.cost();
        if (cost == null) {
            LongAdder calls = this.unpriced.get(count.model());
            if (calls == null) {
                String key =
                        (this.unpriced.size() < this.maxModels) ? count.model() : TokenCountingHandler.OTHER_MODELS;
                calls = this.unpriced.computeIfAbsent(key, (name) -> new LongAdder());
            }
            calls.increment();
            return;
        }
        costs(count.model(), count.provider(), cost.currency()).add(cost);
        if (cost.currency().equals(this.budgetCurrency)) {
            this.budgetSpend.add(cost.picos());
        }
    }

    /** Returns the spend in the budget's currency, exact. */
    BigDecimal budgetSpend() {
        return this.budgetSpend.sum();
    }

    Map<String, BigDecimal> totals() {
        Map<String, BigDecimal> totals = new TreeMap<>();
        for (Costs costs : this.byModel.values()) {
            totals.merge(costs.currency, costs.amount.sum(), BigDecimal::add);
        }
        return totals;
    }

    Map<String, ModelCost> byModel() {
        Map<String, ModelCost> models = new LinkedHashMap<>();
        this.byModel.forEach((key, costs) -> models.put(key, costs.snapshot()));
        return models;
    }

    Map<String, Long> unpriced() {
        Map<String, Long> models = new LinkedHashMap<>();
        this.unpriced.forEach((model, calls) -> models.put(model, calls.sum()));
        return models;
    }

    void reset() {
        this.byModel.clear();
        this.unpriced.clear();
        this.budgetSpend.reset();
    }

    private Costs costs(String model, String provider, String currency) {
        Costs costs = this.byModel.get(model);
        if (costs != null && costs.currency.equals(currency)) {
            return costs;
        }
        // A model priced in a second currency (a provider-reported cost) gets an entry of its own.
        String key = (costs == null) ? model : model + " (" + currency + ")";
        if (!this.byModel.containsKey(key) && this.byModel.size() >= this.maxModels) {
            key = TokenCountingHandler.OTHER_MODELS + " (" + currency + ")";
        }
        String name = key.startsWith(TokenCountingHandler.OTHER_MODELS) ? TokenCountingHandler.OTHER_MODELS : model;
        return this.byModel.computeIfAbsent(
                key, (ignored) -> new Costs(name, name.equals(model) ? provider : "mixed", currency));
    }

    private static final class Costs {

        final String model;

        final String provider;

        final String currency;

        final ExactSum amount = new ExactSum();

        final LongAdder counts = new LongAdder();

        final LongAdder providerReported = new LongAdder();

        Costs(String model, String provider, String currency) {
            this.model = model;
            this.provider = provider;
            this.currency = currency;
        }

        void add(Cost cost) {
            this.amount.add(cost.picos());
            this.counts.increment();
            if (cost.source() == CostSource.PROVIDER) {
                this.providerReported.increment();
            }
        }

        ModelCost snapshot() {
            return new ModelCost(
                    this.model,
                    this.provider,
                    this.currency,
                    this.amount.sum(),
                    this.counts.sum(),
                    this.providerReported.sum());
        }
    }

    /**
     * A sum of picos that does not overflow: the running {@code long} is moved into a {@link BigDecimal} once it passes
     * 2<sup>62</sup> (about 4.6 million currency units), so the sum stays exact however large it grows. Adding is one
     * atomic add; a single cost of 2<sup>62</sup> picos or more goes straight to the decimal part.
     */
    static final class ExactSum {

        private static final long DRAIN_AT = 1L << 62;

        private final AtomicLong picos = new AtomicLong();

        // Guarded by this.
        private BigDecimal drained = BigDecimal.ZERO;

        void add(long picos) {
            if (picos >= DRAIN_AT) {
                synchronized (this) {
                    this.drained = this.drained.add(BigDecimal.valueOf(picos));
                }
                return;
            }
            if (this.picos.addAndGet(picos) >= DRAIN_AT) {
                synchronized (this) {
                    this.drained = this.drained.add(BigDecimal.valueOf(this.picos.getAndSet(0)));
                }
            }
        }

        BigDecimal sum() {
            BigDecimal sum;
            synchronized (this) {
                sum = this.drained.add(BigDecimal.valueOf(this.picos.get()));
            }
            return (sum.signum() == 0)
                    ? BigDecimal.ZERO
                    : sum.movePointLeft(Cost.SCALE).stripTrailingZeros();
        }

        synchronized void reset() {
            this.picos.set(0);
            this.drained = BigDecimal.ZERO;
        }
    }
}
