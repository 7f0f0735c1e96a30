package dev.llamatrace.core.handler;

/**
 * Token totals of one model.
 *
 * @param model the model name; {@value TokenCountingHandler#OTHER_MODELS} collects models beyond the cap
 * @param provider the provider first seen for the model
 * @param llmCalls LLM calls counted
 * @param promptTokens LLM prompt tokens, cached ones included
 * @param completionTokens LLM completion tokens, reasoning ones included
 * @param embeddingTokens embedding tokens
 * @param cachedInputTokens the part of the prompt tokens the provider read from its cache
 * @param cacheWriteInputTokens the part of the prompt tokens the provider wrote to its cache
 * @param reasoningTokens the part of the completion tokens spent reasoning
 */
public record ModelTokenUsage(
        String model,
        String provider,
        long llmCalls,
        long promptTokens,
        long completionTokens,
        long embeddingTokens,
        long cachedInputTokens,
        long cacheWriteInputTokens,
        long reasoningTokens) {

    /**
     * Returns the LLM tokens of the model.
     *
     * @return prompt plus completion tokens
     */
    public long totalLlmTokens() {
        return this.promptTokens + this.completionTokens;
    }
}
