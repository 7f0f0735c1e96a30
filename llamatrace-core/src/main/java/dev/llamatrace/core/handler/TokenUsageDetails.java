package dev.llamatrace.core.handler;

/**
 * The parts of one call's token count that providers report beyond input and output, each already included in the
 * input or output count it belongs to (as the OpenTelemetry GenAI conventions count {@code gen_ai.usage.input_tokens}):
 * cached input tokens, input tokens written to a cache, reasoning output tokens. Only providers report them; a
 * tokenizer count has none.
 *
 * @param cachedInputTokens input tokens read from the provider's prompt cache (OpenAI {@code cached_tokens}, Anthropic
 *     {@code cache_read_input_tokens})
 * @param cacheWriteInputTokens input tokens written to the provider's prompt cache (Anthropic
 *     {@code cache_creation_input_tokens})
 * @param reasoningTokens output tokens spent reasoning (OpenAI {@code reasoning_tokens}, Gemini
 *     {@code thoughts_token_count})
 */
public record TokenUsageDetails(int cachedInputTokens, int cacheWriteInputTokens, int reasoningTokens) {

    /** No details: what a tokenizer count, or a provider that reported none, carries. */
    public static final TokenUsageDetails NONE = new TokenUsageDetails(0, 0, 0);

    /**
     * Creates details; negative counts are a programming error.
     *
     * @param cachedInputTokens input tokens read from the provider's prompt cache
     * @param cacheWriteInputTokens input tokens written to the provider's prompt cache
     * @param reasoningTokens output tokens spent reasoning
     * @throws IllegalArgumentException when a count is negative
     */
    public TokenUsageDetails {
        if (cachedInputTokens < 0 || cacheWriteInputTokens < 0 || reasoningTokens < 0) {
            throw new IllegalArgumentException("Token counts must not be negative: " + cachedInputTokens + ", "
                    + cacheWriteInputTokens + ", " + reasoningTokens);
        }
    }

    /**
     * Returns the details, or the shared {@link #NONE} when all are {@code 0} (so counts without details allocate
     * nothing for them).
     *
     * @param cachedInputTokens input tokens read from a cache
     * @param cacheWriteInputTokens input tokens written to a cache
     * @param reasoningTokens output tokens spent reasoning
     * @return the details
     */
    public static TokenUsageDetails of(int cachedInputTokens, int cacheWriteInputTokens, int reasoningTokens) {
        if (cachedInputTokens == 0 && cacheWriteInputTokens == 0 && reasoningTokens == 0) {
            return NONE;
        }
        return new TokenUsageDetails(cachedInputTokens, cacheWriteInputTokens, reasoningTokens);
    }

    /**
     * Returns whether any detail was reported.
     *
     * @return {@code false} for {@link #NONE}
     */
    public boolean isEmpty() {
        return this.cachedInputTokens == 0 && this.cacheWriteInputTokens == 0 && this.reasoningTokens == 0;
    }
}
