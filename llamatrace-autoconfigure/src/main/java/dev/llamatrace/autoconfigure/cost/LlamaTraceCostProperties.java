package dev.llamatrace.autoconfigure.cost;

import dev.llamatrace.autoconfigure.InvalidLlamaTracePropertyException;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.ModelPrice;
import dev.llamatrace.core.cost.PriceTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Cost ({@code llamatrace.cost.*}): what model calls cost and how much may be spent. Every counted call is priced from
 * its token counts with the configured {@linkplain #getModels() models} first, then the table shipped with llamatrace;
 * a model neither names is unpriced (it costs nothing and is listed as such). A bad entry fails startup with
 * {@link InvalidLlamaTracePropertyException} naming it, e.g. {@code llamatrace.cost.models[0].input}.
 */
@ConfigurationProperties(LlamaTraceCostProperties.PREFIX)
public class LlamaTraceCostProperties implements InitializingBean {

    /** The property prefix. */
    public static final String PREFIX = "llamatrace.cost";

    /** The switch of pricing. */
    public static final String ENABLED = PREFIX + ".enabled";

    /** Whether calls are priced: costs on token counts, span attributes, the cost meter and the endpoint. */
    private boolean enabled = true;

    /**
     * Whether the price table shipped with llamatrace (list prices of widely used OpenAI, Anthropic, Google and
     * Mistral models, dated in the table) is used for the models the configured ones do not match.
     */
    private boolean defaultPrices = true;

    /**
     * Prices of models, consulted before the shipped table: each names a model (exact name, or a prefix ending with
     * '*') and its prices per million tokens.
     */
    private final List<Price> models = new ArrayList<>();

    /**
     * Maximum cost allowed; once exceeded, further LLM calls are refused with a CostBudgetExceededException (as the
     * token budget refuses them). Only costs in budget-currency count. Unset means no budget.
     */
    private @Nullable BigDecimal budget;

    /** Currency of the cost budget, an ISO 4217 code. */
    private String budgetCurrency = "USD";

    /**
     * Checks the bound values.
     *
     * @throws InvalidLlamaTracePropertyException naming the first invalid property
     */
    @Override
    public void afterPropertiesSet() {
        for (int i = 0; i < this.models.size(); i++) {
            Price price = this.models.get(i);
            String problem = ModelPrice.problem(
                    price.model,
                    price.currency,
                    price.input,
                    price.cachedInput(),
                    price.cacheWriteInput(),
                    price.output,
                    price.reasoning());
            if (problem != null) {
                String field = problem.substring(0, problem.indexOf(':'));
                throw new InvalidLlamaTracePropertyException(
                        PREFIX + ".models[" + i + "]." + field,
                        price.value(field),
                        problem.substring(field.length() + 2));
            }
        }
        BigDecimal budget = this.budget;
        if (budget != null
                && (budget.signum() < 0 || budget.stripTrailingZeros().scale() > Cost.SCALE)) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".budget",
                    budget,
                    "an amount of at least 0 with at most " + Cost.SCALE + " decimals, or unset");
        }
        if (!ModelPrice.isCurrencyCode(this.budgetCurrency)) {
            throw new InvalidLlamaTracePropertyException(
                    PREFIX + ".budget-currency",
                    this.budgetCurrency,
                    "a three-letter ISO 4217 code in capitals, e.g. USD");
        }
    }

    /**
     * Builds the price table these properties describe.
     *
     * @return the configured models over the shipped table (or alone, without default prices)
     */
    public PriceTable priceTable() {
        List<ModelPrice> prices = new ArrayList<>();
        for (Price price : this.models) {
            prices.add(price.toModelPrice());
        }
        PriceTable configured = PriceTable.of(prices);
        return this.defaultPrices ? configured.overriding(PriceTable.defaults()) : configured;
    }

    /**
     * Returns {@code enabled}: Whether calls are priced.
     *
     * @return the value
     */
    public boolean isEnabled() {
        return this.enabled;
    }

    /**
     * Sets {@code enabled}: Whether calls are priced.
     *
     * @param enabled the new value
     */
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * Returns {@code default-prices}: Whether the price table shipped with llamatrace is used.
     *
     * @return the value
     */
    public boolean isDefaultPrices() {
        return this.defaultPrices;
    }

    /**
     * Sets {@code default-prices}: Whether the price table shipped with llamatrace is used.
     *
     * @param defaultPrices the new value
     */
    public void setDefaultPrices(boolean defaultPrices) {
        this.defaultPrices = defaultPrices;
    }

    /**
     * Returns {@code models}: Prices of models, consulted before the shipped table.
     *
     * @return the value
     */
    public List<Price> getModels() {
        return this.models;
    }

    /**
     * Returns {@code budget}: Maximum cost allowed; further LLM calls are refused once exceeded.
     *
     * @return the value, {@code null} for no budget
     */
    public @Nullable BigDecimal getBudget() {
        return this.budget;
    }

    /**
     * Sets {@code budget}: Maximum cost allowed; further LLM calls are refused once exceeded.
     *
     * @param budget the new value
     */
    public void setBudget(@Nullable BigDecimal budget) {
        this.budget = budget;
    }

    /**
     * Returns {@code budget-currency}: Currency of the cost budget.
     *
     * @return the value
     */
    public String getBudgetCurrency() {
        return this.budgetCurrency;
    }

    /**
     * Sets {@code budget-currency}: Currency of the cost budget.
     *
     * @param budgetCurrency the new value
     */
    public void setBudgetCurrency(String budgetCurrency) {
        this.budgetCurrency = budgetCurrency;
    }

    /** The prices of one model, or of every model whose name starts with a prefix, per million tokens. */
    public static class Price {

        /** The exact model name, or a prefix ending with '*' (e.g. 'gpt-4o-mini-20*'); matched ignoring case. */
        private @Nullable String model;

        /** Currency of the prices, an ISO 4217 code. */
        private String currency = "USD";

        /** Price of a million input tokens. */
        private @Nullable BigDecimal input;

        /** Price of a million input tokens read from the provider's prompt cache; the input price when unset. */
        private @Nullable BigDecimal cachedInput;

        /** Price of a million input tokens written to the provider's prompt cache; the input price when unset. */
        private @Nullable BigDecimal cacheWriteInput;

        /** Price of a million output tokens. */
        private @Nullable BigDecimal output;

        /** Price of a million reasoning output tokens; the output price when unset. */
        private @Nullable BigDecimal reasoning;

        ModelPrice toModelPrice() {
            return new ModelPrice(
                    String.valueOf(this.model),
                    this.currency,
                    require(this.input),
                    require(cachedInput()),
                    require(cacheWriteInput()),
                    require(this.output),
                    require(reasoning()));
        }

        private static BigDecimal require(@Nullable BigDecimal price) {
            if (price == null) {
                throw new IllegalStateException("Price entries are checked when bound");
            }
            return price;
        }

        private @Nullable BigDecimal cachedInput() {
            return (this.cachedInput != null) ? this.cachedInput : this.input;
        }

        private @Nullable BigDecimal cacheWriteInput() {
            return (this.cacheWriteInput != null) ? this.cacheWriteInput : this.input;
        }

        private @Nullable BigDecimal reasoning() {
            return (this.reasoning != null) ? this.reasoning : this.output;
        }

        private @Nullable Object value(String field) {
            return switch (field) {
                case "model" -> this.model;
                case "currency" -> this.currency;
                case "input" -> this.input;
                case "cached-input" -> this.cachedInput;
                case "cache-write-input" -> this.cacheWriteInput;
                case "output" -> this.output;
                default -> this.reasoning;
            };
        }

        /**
         * Returns {@code model}: The exact model name, or a prefix ending with '*'.
         *
         * @return the value
         */
        public @Nullable String getModel() {
            return this.model;
        }

        /**
         * Sets {@code model}: The exact model name, or a prefix ending with '*'.
         *
         * @param model the new value
         */
        public void setModel(@Nullable String model) {
            this.model = model;
        }

        /**
         * Returns {@code currency}: Currency of the prices.
         *
         * @return the value
         */
        public String getCurrency() {
            return this.currency;
        }

        /**
         * Sets {@code currency}: Currency of the prices.
         *
         * @param currency the new value
         */
        public void setCurrency(String currency) {
            this.currency = currency;
        }

        /**
         * Returns {@code input}: Price of a million input tokens.
         *
         * @return the value
         */
        public @Nullable BigDecimal getInput() {
            return this.input;
        }

        /**
         * Sets {@code input}: Price of a million input tokens.
         *
         * @param input the new value
         */
        public void setInput(@Nullable BigDecimal input) {
            this.input = input;
        }

        /**
         * Returns {@code cached-input}: Price of a million input tokens read from the provider's prompt cache.
         *
         * @return the value, {@code null} for the input price
         */
        public @Nullable BigDecimal getCachedInput() {
            return this.cachedInput;
        }

        /**
         * Sets {@code cached-input}: Price of a million input tokens read from the provider's prompt cache.
         *
         * @param cachedInput the new value
         */
        public void setCachedInput(@Nullable BigDecimal cachedInput) {
            this.cachedInput = cachedInput;
        }

        /**
         * Returns {@code cache-write-input}: Price of a million input tokens written to the provider's prompt cache.
         *
         * @return the value, {@code null} for the input price
         */
        public @Nullable BigDecimal getCacheWriteInput() {
            return this.cacheWriteInput;
        }

        /**
         * Sets {@code cache-write-input}: Price of a million input tokens written to the provider's prompt cache.
         *
         * @param cacheWriteInput the new value
         */
        public void setCacheWriteInput(@Nullable BigDecimal cacheWriteInput) {
            this.cacheWriteInput = cacheWriteInput;
        }

        /**
         * Returns {@code output}: Price of a million output tokens.
         *
         * @return the value
         */
        public @Nullable BigDecimal getOutput() {
            return this.output;
        }

        /**
         * Sets {@code output}: Price of a million output tokens.
         *
         * @param output the new value
         */
        public void setOutput(@Nullable BigDecimal output) {
            this.output = output;
        }

        /**
         * Returns {@code reasoning}: Price of a million reasoning output tokens.
         *
         * @return the value, {@code null} for the output price
         */
        public @Nullable BigDecimal getReasoning() {
            return this.reasoning;
        }

        /**
         * Sets {@code reasoning}: Price of a million reasoning output tokens.
         *
         * @param reasoning the new value
         */
        public void setReasoning(@Nullable BigDecimal reasoning) {
            this.reasoning = reasoning;
        }
    }
}
