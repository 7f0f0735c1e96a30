package dev.llamatrace.core.token;

import dev.llamatrace.core.llm.ChatRole;

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

    /**
     * Counts the tokens of a chat role's name, which a chat prompt estimate adds for every message. The count of a
     * role never changes, so implementations may compute it once.
     *
     * @param role the role
     * @return the number of tokens of {@code role.value()}
     */
    default int countRoleTokens(ChatRole role) {
        return countTokens(role.value());
    }
}
