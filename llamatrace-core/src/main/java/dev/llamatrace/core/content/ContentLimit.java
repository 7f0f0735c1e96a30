package dev.llamatrace.core.content;

import org.jspecify.annotations.Nullable;

/**
 * How much content (prompts, completions, documents, arguments, exception messages) a handler keeps, applied when it
 * records, not when it shows: {@link #ALL} keeps everything as it is (LlamaIndex's behaviour, the default of the core
 * handlers), {@link #NONE} keeps no content at all, and {@link #truncatedTo(int)} keeps each value as text of at most
 * that many characters plus {@value #TRUNCATED_MARKER}.
 *
 * <p>Exception messages are content too (provider and application exceptions often echo the prompt): handlers keep
 * them as {@link #text} allows and keep the exception class either way.
 *
 * @param retained whether content is kept
 * @param maxLength the most characters kept per value ({@link Integer#MAX_VALUE} for no limit)
 */
public record ContentLimit(boolean retained, int maxLength) {

    /** Keeps content as it is. */
    public static final ContentLimit ALL = new ContentLimit(true, Integer.MAX_VALUE);

    /** Keeps no content. */
    public static final ContentLimit NONE = new ContentLimit(false, 0);

    /** The marker appended to a cut value. */
    public static final String TRUNCATED_MARKER = "...";

    /**
     * Checks the values.
     *
     * @param retained whether content is kept
     * @param maxLength at least 1 when content is kept
     */
    public ContentLimit {
        if (retained && maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }

    /**
     * Keeps each value as text of at most {@code maxLength} characters.
     *
     * @param maxLength at least 1
     * @return the limit
     */
    public static ContentLimit truncatedTo(int maxLength) {
        return new ContentLimit(true, maxLength);
    }

    /**
     * Returns whether values are kept unchanged, as objects.
     *
     * @return {@code true} for {@link #ALL}
     */
    public boolean keepsObjects() {
        return this.retained && this.maxLength == Integer.MAX_VALUE;
    }

    /**
     * Returns what is kept of a value.
     *
     * @param value the content
     * @return the value itself under {@link #ALL}; {@code null} under {@link #NONE}; else its text, cut
     */
    public @Nullable Object keep(@Nullable Object value) {
        if (value == null || keepsObjects()) {
            return value;
        }
        return text(value);
    }

    /**
     * Returns what is kept of a value, as text.
     *
     * @param value the content
     * @return its text, cut to {@link #maxLength()} characters plus {@value #TRUNCATED_MARKER}; {@code null} when no
     *     content is kept or the value is {@code null}
     */
    public @Nullable String text(@Nullable Object value) {
        if (!this.retained || value == null) {
            return null;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException ex) {
            // An application object whose toString() fails must not break instrumentation.
            text = value.getClass().getName();
        }
        return cut(text);
    }

    private String cut(String text) {
        return (text.length() <= this.maxLength) ? text : text.substring(0, this.maxLength) + TRUNCATED_MARKER;
    }
}
