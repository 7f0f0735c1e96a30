package dev.llamatrace.core.cost;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The cost of one call, exact: a whole number of 10<sup>-12</sup> currency units ("picos"). A price of at most six
 * decimals per million tokens makes every token count cost a whole number of picos, so a cost is a {@code long}
 * multiply away from the counts, allocation-free to add up, and exact up to about 9.2 million currency units per call
 * (beyond that it saturates).
 *
 * @param picos the amount in 10<sup>-12</sup> units of {@code currency}, at least 0
 * @param currency the ISO 4217 code as the price table or provider gave it, e.g. {@code USD}
 * @param source whether the provider reported it or it was computed here
 */
public record Cost(long picos, String currency, CostSource source) {

    /** The scale of {@link #picos()}: 10<sup>-12</sup>. */
    public static final int SCALE = 12;

    private static final long PICOS_PER_UNIT = 1_000_000_000_000L;

    /**
     * Checks the values.
     *
     * @param picos the amount in picos
     * @param currency the currency
     * @param source the source
     */
    public Cost {
        if (picos < 0) {
            throw new IllegalArgumentException("picos must not be negative, was " + picos);
        }
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(source, "source");
    }

    /**
     * Returns the amount.
     *
     * @return the exact amount in {@link #currency()}, without trailing zeros
     */
    public BigDecimal amount() {
        return amount(this.picos);
    }

    /**
     * Returns the amount as plain text, e.g. {@code 0.00000405}: the form exported and shown.
     *
     * @return the amount without exponent or trailing zeros
     */
    public String plainAmount() {
        return plainAmount(this.picos);
    }

    /**
     * Renders picos as plain text, as {@code amount(picos).toPlainString()} does, without a {@link BigDecimal}: the
     * amount is exported on every priced span.
     *
     * @param picos 10<sup>-12</sup> units, at least 0
     * @return the amount without exponent or trailing zeros, e.g. {@code 0.00000405} or {@code 12}
     */
    public static String plainAmount(long picos) {
        long units = picos / PICOS_PER_UNIT;
        long fraction = picos % PICOS_PER_UNIT;
        if (fraction == 0) {
            return Long.toString(units);
        }
        int digits = SCALE;
        while (fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        StringBuilder text = new StringBuilder(21 + digits).append(units).append('.');
        String significant = Long.toString(fraction);
        for (int i = significant.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(significant).toString();
    }

    /**
     * Adds another cost in the same currency, e.g. the tokenizer's counts of the texts of one embedding call.
     *
     * @param other a cost in {@link #currency()}
     * @return the sum (saturated at {@link Long#MAX_VALUE} picos), {@link CostSource#PROVIDER provider} only when both
     *     are
     * @throws IllegalArgumentException when the currencies differ
     */
    public Cost plus(Cost other) {
        if (!this.currency.equals(other.currency)) {
            throw new IllegalArgumentException(
                    "Cannot add a cost in " + other.currency + " to a cost in " + this.currency);
        }
        long sum = this.picos + other.picos;
        return new Cost(
                (sum < 0) ? Long.MAX_VALUE : sum,
                this.currency,
                (this.source == other.source) ? this.source : CostSource.LOCAL);
    }

    /**
     * Converts picos to an amount.
     *
     * @param picos 10<sup>-12</sup> units
     * @return the exact amount, without trailing zeros
     */
    public static BigDecimal amount(long picos) {
        return (picos == 0) ? BigDecimal.ZERO : BigDecimal.valueOf(picos, SCALE).stripTrailingZeros();
    }

    /**
     * Converts an amount to picos, rounding half-even beyond 12 decimals.
     *
     * @param amount the amount, at least 0
     * @return the amount in 10<sup>-12</sup> units, saturated at {@link Long#MAX_VALUE}
     */
    public static long picos(BigDecimal amount) {
        BigDecimal scaled = amount.movePointRight(SCALE).setScale(0, java.math.RoundingMode.HALF_EVEN);
        return (scaled.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) >= 0) ? Long.MAX_VALUE : scaled.longValue();
    }
}
