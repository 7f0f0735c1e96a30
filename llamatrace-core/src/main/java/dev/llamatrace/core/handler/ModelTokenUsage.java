package dev.llamatrace.core.handler;

/**
 * Token totals of one model.
 *
 * @param model the model name; {@value TokenCountingHandler#OTHER_MODELS} collects models beyond the cap
 * @param provider the provider first seen for the model
 * @param llmCalls LLM calls counted
 * @param promptTokens LLM prompt tokens
 * @param completionTokens LLM completion tokens
 * @param embeddingTokens embedding tokens
 */
public record ModelTokenUsage(
        String model, String provider, long llmCalls, long promptTokens, long completionTokens, long embeddingTokens) {

    /**
     * Returns the LLM tokens of the model.
     *
     * @return prompt plus completion tokens
     */
    public long totalLlmTokens() {
        return this.promptTokens + this.completionTokens;
    }
}
