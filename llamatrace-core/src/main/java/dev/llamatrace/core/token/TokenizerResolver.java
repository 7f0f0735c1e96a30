package dev.llamatrace.core.token;

import org.jspecify.annotations.Nullable;

/**
 * Picks the tokenizer for a model. Used by token counting when the provider sent no usage for a side of a call.
 * Implementations must be thread-safe and should cache what they build.
 */
@FunctionalInterface
public interface TokenizerResolver {

    /**
     * Returns the tokenizer for a model.
     *
     * @param modelName the model name, e.g. {@code gpt-4o-mini}, or {@code null} when unknown
     * @return the tokenizer to count that model's texts with
     */
    Tokenizer forModel(@Nullable String modelName);

    /**
     * Returns a resolver that gives {@code tokenizer} for every model.
     *
     * @param tokenizer the tokenizer
     * @return the resolver
     */
    static TokenizerResolver fixed(Tokenizer tokenizer) {
        return (modelName) -> tokenizer;
    }
}
