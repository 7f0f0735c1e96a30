package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.content.ContentLimit;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether content (prompts, completions, documents, arguments, exception messages) is kept and leaves
 * llamatrace's handlers, in the endpoint and in exported spans, and truncates it. Built from
 * {@code llamatrace.capture-content} and {@code llamatrace.content-max-length}; {@link #limit()} is the same rule for
 * the handlers, applied when they record.
 *
 * @param enabled whether content is captured
 * @param maxLength the maximum length of a captured value, in characters
 */
public record ContentCapture(boolean enabled, int maxLength) {

    /** Content is never captured. */
    public static final ContentCapture OFF = new ContentCapture(false, 1);

    /** The marker appended to truncated values. */
    public static final String TRUNCATED_MARKER = ContentLimit.TRUNCATED_MARKER;

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
     * Returns the same rule as a limit for the handlers that retain content.
     *
     * @return {@link ContentLimit#NONE} when capture is off, else values cut to {@link #maxLength()}
     */
    public ContentLimit limit() {
        return this.enabled ? ContentLimit.truncatedTo(this.maxLength) : ContentLimit.NONE;
    }

    /**
     * Returns a value as captured content.
     *
     * @param value the content
     * @return its text, truncated to {@link #maxLength()} characters plus {@value #TRUNCATED_MARKER}; {@code null} when
     *     capture is off or the value is {@code null}
     */
    public @Nullable String capture(@Nullable Object value) {
        return limit().text(value);
    }

    /**
     * Returns the error to report for a failed operation: the error itself when capture is on; otherwise a stand-in of
     * the same stack trace whose message is only the error's class name, because provider and application exceptions
     * often echo the prompt.
     *
     * @param error the error
     * @return what may be exported
     */
    public Throwable error(Throwable error) {
        return this.enabled ? error : new ContentHiddenException(error);
    }

    /** Stands in for an exception whose message is content: carries its class name and stack trace only. */
    static final class ContentHiddenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ContentHiddenException(Throwable error) {
            super(error.getClass().getName(), null, false, true);
            setStackTrace(error.getStackTrace());
        }
    }
}
