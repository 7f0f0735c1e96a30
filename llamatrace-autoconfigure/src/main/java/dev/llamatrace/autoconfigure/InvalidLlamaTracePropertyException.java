package dev.llamatrace.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a {@code llamatrace.*} property has a value outside its allowed range or set; turned into a
 * readable startup failure by {@link LlamaTracePropertyFailureAnalyzer}.
 */
public final class InvalidLlamaTracePropertyException extends IllegalStateException {

    /** The full name of the rejected property. */
    private final String property;

    /** The rejected value. */
    private final @Nullable Object value;

    /** The allowed values, in words. */
    private final String allowed;

    /**
     * Creates the exception.
     *
     * @param property the full property name, e.g. {@code llamatrace.handlers.spans.capacity}
     * @param value the rejected value
     * @param allowed the allowed values in words, e.g. {@code an integer of at least 1}
     */
    public InvalidLlamaTracePropertyException(String property, @Nullable Object value, String allowed) {
        super("Invalid value '" + value + "' for property '" + property + "'; allowed: " + allowed);
        this.property = property;
        this.value = value;
        this.allowed = allowed;
    }

    /**
     * Returns the full name of the rejected property.
     *
     * @return the property name
     */
    public String property() {
        return this.property;
    }

    /**
     * Returns the rejected value.
     *
     * @return the value
     */
    public @Nullable Object value() {
        return this.value;
    }

    /**
     * Returns the allowed values in words.
     *
     * @return the allowed values
     */
    public String allowed() {
        return this.allowed;
    }
}
