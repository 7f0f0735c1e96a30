package dev.llamatrace.core.cost;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The price of one model, or of every model whose name starts with a prefix, per million tokens of each kind.
 *
 * <p>Input tokens include the cached ones and those written to a cache, and output tokens include the reasoning ones
 * (as the GenAI conventions count them): a call costs {@code (input - cached - written) * input + cached * cachedInput
 * + written * cacheWriteInput + (output - reasoning) * output + reasoning * reasoning}, each price per million
 * tokens.
 *
 * @param model the exact model name, or a prefix ending with {@code *} (e.g. {@code gpt-4o-mini-20*} for the dated
 *     snapshots); matched ignoring case
 * @param currency the ISO 4217 currency code, e.g. {@code USD}
 * @param input the price of a million input tokens neither read from nor written to a cache
 * @param cachedInput the price of a million input tokens read from the provider's prompt cache
 * @param cacheWriteInput the price of a million input tokens written to the provider's prompt cache (Anthropic charges
 *     extra for them)
 * @param output the price of a million output tokens that were not reasoning
 * @param reasoning the price of a million reasoning (thinking) output tokens
 */
public record ModelPrice(
        String model,
        String currency,
        BigDecimal input,
        BigDecimal cachedInput,
        BigDecimal cacheWriteInput,
        BigDecimal output,
        BigDecimal reasoning) {

    /** The most decimals a price may have: a millionth of a currency unit per million tokens. */
    public static final int MAX_DECIMALS = 6;

    /** The highest price accepted, per million tokens of one kind, so that a call's cost stays exact. */
    public static final BigDecimal MAX_PRICE = BigDecimal.valueOf(100_000);

    /**
     * Checks the values.
     *
     * @param model the model name or prefix
     * @param currency the currency code
     * @param input the input price
     * @param cachedInput the cached input price
     * @param cacheWriteInput the cache write price
     * @param output the output price
     * @param reasoning the reasoning price
     * @throws IllegalArgumentException naming the first invalid value
     */
    public ModelPrice {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(currency, "currency");
        String problem = problem(model, currency, input, cachedInput, cacheWriteInput, output, reasoning);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Creates a price where cached and cache-written input cost as much as input, and reasoning as much as output.
     *
     * @param model the exact model name or a prefix ending with {@code *}
     * @param currency the currency code
     * @param input the input price per million tokens
     * @param output the output price per million tokens
     * @return the price
     */
    public static ModelPrice of(String model, String currency, String input, String output) {
        BigDecimal in = new BigDecimal(input);
        BigDecimal out = new BigDecimal(output);
        return new ModelPrice(model, currency, in, in, in, out, out);
    }

    /**
     * Describes what is wrong with a price entry, for configuration that reports the property at fault.
     *
     * @param model the model name or prefix
     * @param currency the currency code
     * @param input the input price
     * @param cachedInput the cached input price
     * @param cacheWriteInput the cache write price
     * @param output the output price
     * @param reasoning the reasoning price
     * @return {@code null} when valid, else what is wrong, naming the field ({@code model}, {@code currency},
     *     {@code input}, {@code cached-input}, {@code cache-write-input}, {@code output} or {@code reasoning}) first
     */
    public static @Nullable String problem(
            @Nullable String model,
            @Nullable String currency,
            @Nullable BigDecimal input,
            @Nullable BigDecimal cachedInput,
            @Nullable BigDecimal cacheWriteInput,
            @Nullable BigDecimal output,
            @Nullable BigDecimal reasoning) {
        if (model == null
                || model.isBlank()
                || model.equals("*")
                || (model.indexOf('*') >= 0 && model.indexOf('*') != model.length() - 1)) {
            return "model: a model name, or a prefix ending with '*' (one '*', at the end)";
        }
        if (!isCurrencyCode(currency)) {
            return "currency: a three-letter ISO 4217 code in capitals, e.g. USD";
        }
        String[] names = {"input", "cached-input", "cache-write-input", "output", "reasoning"};
        BigDecimal[] prices = {input, cachedInput, cacheWriteInput, output, reasoning};
        for (int i = 0; i < prices.length; i++) {
            BigDecimal price = prices[i];
            if (price == null
                    || price.signum() < 0
                    || price.compareTo(MAX_PRICE) > 0
                    || price.stripTrailingZeros().scale() > MAX_DECIMALS) {
                return names[i] + ": a price per million tokens from 0 to " + MAX_PRICE + " with at most "
                        + MAX_DECIMALS + " decimals";
            }
        }
        return null;
    }

    /**
     * Returns whether a text is a currency code as price entries take it.
     *
     * @param currency the text
     * @return {@code true} for three capital letters, e.g. {@code USD}
     */
    public static boolean isCurrencyCode(@Nullable String currency) {
        return currency != null && currency.matches("[A-Z]{3}");
    }

    /**
     * Returns whether this entry is a prefix ({@code *} at the end) rather than an exact name.
     *
     * @return {@code true} for a prefix
     */
    public boolean isPrefix() {
        return this.model.endsWith("*");
    }

    /** The name or prefix, lower case, without the {@code *}. */
    String key() {
        String key = isPrefix() ? this.model.substring(0, this.model.length() - 1) : this.model;
        return key.toLowerCase(Locale.ROOT);
    }

    /** A price in millionths per million tokens, which makes tokens times it the cost in picos. */
    static long micros(BigDecimal price) {
        return price.movePointRight(MAX_DECIMALS).longValueExact();
    }
}
