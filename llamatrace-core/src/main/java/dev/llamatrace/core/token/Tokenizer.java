package dev.llamatrace.core.token;

/**
 * Counts the tokens of a text as a model's tokenizer would. Implementations must be thread-safe: one instance is shared
 * by every thread that counts.
 */
@FunctionalInterface
public interface Tokenizer {

    /**
     * Counts the tokens of {@code text}.
     *
     * @param text the text; may be empty
     * @return the number of tokens, {@code 0} for an empty text
     */
    int countTokens(String text);
}
