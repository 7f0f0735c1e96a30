package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.redaction.BuiltInRedactionRules;
import dev.llamatrace.autoconfigure.redaction.ContentRedactor;
import dev.llamatrace.autoconfigure.redaction.RedactionRule;
import dev.llamatrace.core.content.ContentLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether content (prompts, completions, documents, arguments) leaves llamatrace's handlers, in the endpoint and
 * in exported spans, redacts it and truncates it. Built from {@code llamatrace.capture-content},
 * {@code llamatrace.content-max-length}, {@code llamatrace.content-redaction.*} and the {@link ContentRedactor} beans.
 *
 * @param enabled whether content is captured
 * @param maxLength the maximum length of a captured value, in characters
 * @param redactor applied to every captured value before truncation, and to error messages shown
 */
public record ContentCapture(boolean enabled, int maxLength, ContentRedactor redactor) {

    /** Content is never captured. */
    public static final ContentCapture OFF = new ContentCapture(false, 1, ContentRedactor.NONE);

    /** The marker appended to truncated values. */
    public static final String TRUNCATED_MARKER = ContentLimit.TRUNCATED_MARKER;

    /**
     * Checks the values.
     *
     * @param enabled whether content is captured
     * @param maxLength the maximum length, at least 1
     * @param redactor the redaction of captured values
     */
    public ContentCapture {
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be at least 1, was " + maxLength);
        }
    }

    /**
     * Returns settings capturing content without redaction.
     *
     * @param enabled whether content is captured
     * @param maxLength the maximum length, at least 1
     */
    public ContentCapture(boolean enabled, int maxLength) {
        this(enabled, maxLength, ContentRedactor.NONE);
    }

    /**
     * Returns the capture settings configured in the properties, with the built-in and configured redaction rules.
     *
     * @param properties the properties
     * @return the settings
     */
    public static ContentCapture of(LlamaTraceProperties properties) {
        return of(properties, List.of());
    }

    /**
     * Returns the capture settings configured in the properties; captured values go through the built-in rules still
     * enabled, then the configured rules, then the given redactors.
     *
     * @param properties the properties, already checked
     * @param redactors further redactors, e.g. the application's beans
     * @return the settings
     */
    public static ContentCapture of(LlamaTraceProperties properties, List<? extends ContentRedactor> redactors) {
        LlamaTraceProperties.ContentRedaction redaction = properties.getContentRedaction();
        List<ContentRedactor> all = new ArrayList<>();
        for (String name : redaction.getBuiltInRules()) {
            all.add(BuiltInRedactionRules.rule(name));
        }
        for (Map.Entry<String, String> rule : redaction.getRules().entrySet()) {
            all.add(RedactionRule.of(rule.getKey(), Pattern.compile(rule.getValue())));
        }
        all.addAll(redactors);
        return new ContentCapture(
                properties.isCaptureContent(), properties.getContentMaxLength(), ContentRedactor.composite(all));
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
     * @return its text, redacted, then truncated to {@link #maxLength()} characters plus {@value #TRUNCATED_MARKER};
     *     {@code null} when capture is off or the value is {@code null}
     */
    public @Nullable String capture(@Nullable Object value) {
        // ALL renders the value as text (safely, whatever its toString() does) without cutting it: redaction sees the
        // whole value, then the limit cuts what is shown.
        String text = this.enabled ? ContentLimit.ALL.text(value) : null;
        return (text != null) ? limit().text(redact(text)) : null;
    }

    /**
     * Returns the error to report for a failed operation. With capture on, the error itself when the redaction rules
     * leave its message as it is, otherwise a stand-in of the same stack trace whose message is the error's class name
     * and its redacted message. With capture off, a stand-in whose message is only the class name, because provider and
     * application exceptions often echo the prompt.
     *
     * @param error the error
     * @return what may be exported
     */
    public Throwable error(Throwable error) {
        if (!this.enabled) {
            return new ContentHiddenException(error, null);
        }
        String message = error.getMessage();
        String redacted = (message != null) ? redact(message) : null;
        return (redacted == null || redacted.equals(message)) ? error : new ContentHiddenException(error, redacted);
    }

    /** Stands in for an exception whose message is content: carries its class name and stack trace only. */
    static final class ContentHiddenException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        ContentHiddenException(Throwable error, @Nullable String message) {
            super(error.getClass().getName() + ((message != null) ? ": " + message : ""), null, false, true);
            setStackTrace(error.getStackTrace());
        }
    }

    /**
     * Returns a text that is shown whether or not content is captured (an error message) through the redaction.
     *
     * @param text the text
     * @return the redacted text, {@code null} for {@code null}
     */
    public @Nullable String redactShown(@Nullable String text) {
        return (text == null) ? null : redact(text);
    }

    private String redact(String text) {
        try {
            return this.redactor.redact(text);
        } catch (RuntimeException ex) {
            // A failing redactor must not leak the content it was meant to rewrite, nor break the caller.
            return "[redaction failed: " + ex.getClass().getName() + "]";
        }
    }
}
