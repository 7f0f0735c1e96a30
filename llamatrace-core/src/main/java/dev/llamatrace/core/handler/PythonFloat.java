package dev.llamatrace.core.handler;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Renders a {@code double} exactly as Python's {@code repr(float)} does, for output that must match LlamaIndex's
 * character for character.
 *
 * <p>Python prints the shortest decimal that reads back as the same double (the nearest one when two qualify), in
 * positional notation when the decimal point falls within 16 digits of the first digit and at most four places after
 * {@code 0.}, and in scientific notation otherwise ({@code 3.4e-05}, {@code 1e+16}). Java 17's
 * {@link Double#toString(double)} differs on both counts (it may print more digits, and switches to scientific below
 * 10<sup>-3</sup> and from 10<sup>7</sup>).
 */
final class PythonFloat {

    private static final int MAX_DIGITS = 17;

    private PythonFloat() {}

    static String repr(double value) {
        if (Double.isNaN(value)) {
            return "nan";
        }
        if (Double.isInfinite(value)) {
            return (value > 0) ? "inf" : "-inf";
        }
        if (value == 0) {
            return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(value)).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        // The value is 0.<digits> x 10^point, Python's "decpt".
        int point = digits.length() - shortest.scale();
        String sign = (value < 0) ? "-" : "";
        return sign + ((point > -4 && point <= 16) ? positional(digits, point) : scientific(digits, point - 1));
    }

    private static String positional(String digits, int point) {
        if (point <= 0) {
            return "0." + "0".repeat(-point) + digits;
        }
        if (point >= digits.length()) {
            return digits + "0".repeat(point - digits.length()) + ".0";
        }
        return digits.substring(0, point) + "." + digits.substring(point);
    }

    private static String scientific(String digits, int exponent) {
        String mantissa = (digits.length() == 1) ? digits : digits.charAt(0) + "." + digits.substring(1);
        String magnitude = Integer.toString(Math.abs(exponent));
        return mantissa + ((exponent < 0) ? "e-" : "e+") + ((magnitude.length() < 2) ? "0" : "") + magnitude;
    }

    /**
     * The shortest decimal that reads back as {@code value}. Every decimal of a given length that does lies between
     * the two neighbours of the exact value at that length, so only those two need trying; the interval that reads
     * back is lopsided at powers of two, hence both.
     */
    private static BigDecimal shortest(double value) {
        BigDecimal exact = new BigDecimal(value);
        for (int precision = 1; precision < MAX_DIGITS; precision++) {
            BigDecimal below = exact.round(new MathContext(precision, RoundingMode.DOWN));
            BigDecimal above = exact.round(new MathContext(precision, RoundingMode.UP));
            boolean belowReadsBack = below.doubleValue() == value;
            boolean aboveReadsBack = above.doubleValue() == value;
            if (belowReadsBack && aboveReadsBack) {
                return exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
            }
            if (belowReadsBack) {
                return below;
            }
            if (aboveReadsBack) {
                return above;
            }
        }
        return exact.round(new MathContext(MAX_DIGITS, RoundingMode.HALF_EVEN));
    }
}
