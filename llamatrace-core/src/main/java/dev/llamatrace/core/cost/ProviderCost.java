package dev.llamatrace.core.cost;

import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.UsageKeys;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The cost a provider reported with a response, which wins over the price table: a number (or numeric text) under
 * {@value #COST} in the raw response's usage map (as OpenRouter and LiteLLM-style gateways send it), in the currency
 * under {@value #CURRENCY}, else {@value #DEFAULT_CURRENCY}.
 */
public final class ProviderCost {

    /** The usage key of the reported cost. */
    public static final String COST = "cost";

    /** The usage key of the reported cost's currency code. */
    public static final String CURRENCY = "cost_currency";

    /** The currency of a reported cost that names none. */
    public static final String DEFAULT_CURRENCY = "USD";

    private ProviderCost() {}

    /**
     * Reads the cost reported in a response.
     *
     * @param response a {@link ChatResponse} or {@link CompletionResponse}; anything else reports nothing
     * @return the cost ({@link CostSource#PROVIDER}), or {@code null} when the response reports none
     */
    public static @Nullable Cost of(@Nullable Object response) {
        Map<String, Object> raw;
        if (response instanceof ChatResponse chat) {
            raw = chat.raw();
        } else if (response instanceof CompletionResponse completion) {
            raw = completion.raw();
        } else {
            return null;
        }
        if (!(raw.get(UsageKeys.USAGE) instanceof Map<?, ?> usage)) {
            return null;
        }
        Object reported = usage.get(COST);
        BigDecimal amount = decimal(reported);
        if (amount == null || amount.signum() < 0) {
            return null;
        }
        Object currency = usage.get(CURRENCY);
        String code = (currency != null) ? String.valueOf(currency).trim().toUpperCase(Locale.ROOT) : DEFAULT_CURRENCY;
        return new Cost(Cost.picos(amount), code, CostSource.PROVIDER);
    }

    private static @Nullable BigDecimal decimal(@Nullable Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return Double.isFinite(number) ? BigDecimal.valueOf(number) : null;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException ex) {
                return null;
            }
        }
        return null;
    }
}
