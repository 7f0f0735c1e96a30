package dev.llamatrace.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Decides whether content (prompts, completions, documents, arguments) leaves llamatrace's handlers, in the endpoint and
 * in exported spans, and truncates it. Built from {@code llamatrace.capture-content} and
 * {@code llamatrace.content-max-length}.
 *
 * @param enabled whether content is captured
 * @param maxLength the maximum length of a captured value, in characters
 */
public record ContentCapture(boolean enabled, int maxLength) {

    /** Content is never captured. */
    public static final ContentCapture OFF = new ContentCapture(false, 1);

    /** The marker appended to truncated values. */
    public static final String TRUNCATED_MARKER = "...";

    /**
     * Checks the values.
     *
     * @param enabled whether content is captured
     * @param maxLength the maximum length, at least 1
     */
    public ContentCapture {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }

    /**
     * Returns the capture settings configured in the properties.
     *
     * @param properties the properties
     * @return the settings
     */
    public static ContentCapture of(LlamaTraceProperties properties) {
        return new ContentCapture(properties.isCaptureContent(), properties.getContentMaxLength());
    }

    /**
     * Returns a value as captured content.
     *
     * @param value the content
     * @return its text, truncated to {@link #maxLength()} characters plus {@value #TRUNCATED_MARKER}; {@code null} when
     *     capture is off or the value is {@code null}
     */
    public @Nullable String capture(@Nullable Object value) {
        if (!this.enabled || value == null) {
            return null;
        }
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException ex) {
            // An application object whose toString() fails must not break instrumentation.
            text = value.getClass().getName();
        }
        return (text.length() <= this.maxLength) ? text : text.substring(0, this.maxLength) + TRUNCATED_MARKER;
    }
}
