package dev.llamatrace.autoconfigure.redaction;

import java.util.List;

/**
 * Rewrites captured content before it leaves llamatrace (endpoint, exported spans), e.g. to replace personal data or
 * secrets by a marker. Applied once per captured value, and only when content is captured. Define beans of this type to
 * add redaction to the built-in and configured rules; they run after those, in bean order.
 *
 * <p>An implementation must be thread-safe and should be fast: it runs on the application's threads.
 */
@FunctionalInterface
public interface ContentRedactor {

    /** Leaves content unchanged. */
    ContentRedactor NONE = (text) -> text;

    /**
     * Returns the text with what must not leave the application replaced.
     *
     * @param text captured content
     * @return the redacted text, {@code text} itself when nothing is replaced
     */
    String redact(String text);

    /**
     * Returns a redactor applying the given ones in order.
     *
     * @param redactors the redactors
     * @return their composition, {@link #NONE} when there is none
     */
    static ContentRedactor composite(List<? extends ContentRedactor> redactors) {
        List<ContentRedactor> all = List.copyOf(redactors);
        if (all.isEmpty()) {
            return NONE;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return (text) -> {
            String result = text;
            for (ContentRedactor redactor : all) {
                result = redactor.redact(result);
            }
            return result;
        };
    }
}
