package dev.llamatrace.core.handler;

import java.util.Locale;

/** Where a token count (or one side of it, prompt or completion) came from. */
public enum TokenSource {

    /** The provider reported it in the response's usage. */
    PROVIDER,

    /** The local tokenizer counted it, because the provider reported none for that side. */
    TOKENIZER,

    /** There was nothing to count (e.g. a failed call, or a stream that yielded no chunk): the count is 0. */
    NONE;

    private final String value = name().toLowerCase(Locale.ROOT);

    /**
     * Returns the source as exported (span attribute, endpoint): {@code provider}, {@code tokenizer} or {@code none}.
     *
     * @return the lower-case name
     */
    public String value() {
        return this.value;
    }

    /**
     * Returns the source of a whole count from the sources of its sides: {@link #TOKENIZER} when any side was
     * estimated, else {@link #PROVIDER} when any side was reported, else {@link #NONE}.
     *
     * @param prompt the source of the prompt side
     * @param completion the source of the completion side
     * @return the source of the count
     */
    public static TokenSource of(TokenSource prompt, TokenSource completion) {
        if (prompt == TOKENIZER || completion == TOKENIZER) {
            return TOKENIZER;
        }
        return (prompt == PROVIDER || completion == PROVIDER) ? PROVIDER : NONE;
    }
}
