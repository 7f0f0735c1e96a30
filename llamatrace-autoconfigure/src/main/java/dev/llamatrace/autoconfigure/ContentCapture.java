package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.redaction.BuiltInRedactionRules;
import dev.llamatrace.autoconfigure.redaction.ContentRedactor;
import dev.llamatrace.autoconfigure.redaction.RedactionRule;
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
    public static final String TRUNCATED_MARKER = "...";

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
     * Returns a value as captured content.
     *
     * @param value the content
     * @return its text, redacted, then truncated to {@link #maxLength()} characters plus {@value #TRUNCATED_MARKER};
     *     {@code null} when capture is off or the value is {@code null}
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
        text = redact(text);
        return (text.length() <= this.maxLength) ? text : text.substring(0, this.maxLength) + TRUNCATED_MARKER;
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
