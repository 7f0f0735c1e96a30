package dev.llamatrace.core.handler;

import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.UsageKeys;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Token usage a provider reported in a response, read as LlamaIndex reads it: the raw response's {@code usage}, else
 * its {@code usage_metadata}; an explicit {@code null} usage falls back to the response's additional kwargs. Each side
 * is the first key present of {@link UsageKeys#PROMPT_TOKEN_KEYS} / {@link UsageKeys#COMPLETION_TOKEN_KEYS}; absent
 * means {@code 0}, which makes that side fall back to the tokenizer.
 *
 * <p>The details (cached input, cache writes, reasoning) are read from the keys {@link UsageKeys} lists. Counts are
 * normalised to the GenAI conventions' meaning, every input token in the input count and every output token in the
 * output count: Anthropic reports cache reads and writes beside {@code input_tokens}, so they are added to it; Gemini
 * reports thoughts beside {@code candidates_token_count}, so they are added to it.
 *
 * @param promptTokens prompt tokens reported, {@code 0} when none
 * @param completionTokens completion tokens reported, {@code 0} when none
 * @param details the parts of those reported beyond input and output
 */
record ProviderUsage(long promptTokens, long completionTokens, TokenUsageDetails details) {

    static final ProviderUsage NONE = new ProviderUsage(0, 0, TokenUsageDetails.NONE);

    private static final String ANTHROPIC_INPUT_TOKENS = "input_tokens";

    private static final String GEMINI_OUTPUT_TOKENS = "candidates_token_count";

    static ProviderUsage of(@Nullable Object response) {
        if (response instanceof ChatResponse chat) {
            return of(chat.raw(), chat.additionalKwargs());
        }
        if (response instanceof CompletionResponse completion) {
            return of(completion.raw(), completion.additionalKwargs());
        }
        return NONE;
    }

    /**
     * Reads the usage of a raw response map.
     *
     * @param raw the raw response (or a map holding {@code usage})
     * @param additionalKwargs read when the usage entry is present and {@code null}
     * @return the usage, {@link #NONE} when there is none
     */
    static ProviderUsage of(Map<String, ?> raw, Map<String, ?> additionalKwargs) {
        Object usage = raw.containsKey(UsageKeys.USAGE) ? raw.get(UsageKeys.USAGE) : raw.get(UsageKeys.USAGE_METADATA);
        if (usage == null && (raw.containsKey(UsageKeys.USAGE) || raw.containsKey(UsageKeys.USAGE_METADATA))) {
            usage = additionalKwargs;
        }
        if (!(usage instanceof Map<?, ?> map) || map.isEmpty()) {
            return NONE;
        }
        int promptKey = firstKey(map, UsageKeys.PROMPT_TOKEN_KEYS);
        int completionKey = firstKey(map, UsageKeys.COMPLETION_TOKEN_KEYS);
        long prompt = (promptKey >= 0) ? asLong(map.get(UsageKeys.PROMPT_TOKEN_KEYS.get(promptKey))) : 0;
        long completion =
                (completionKey >= 0) ? asLong(map.get(UsageKeys.COMPLETION_TOKEN_KEYS.get(completionKey))) : 0;
        int basicKeys = ((promptKey >= 0) ? 1 : 0)
                + ((completionKey >= 0) ? 1 : 0)
                + (map.containsKey(UsageKeys.TOTAL_TOKENS) ? 1 : 0);
        if (map.size() == basicKeys) {
            // Nothing beyond input, output and total (the usual case): no detail key can be present.
            return new ProviderUsage(prompt, completion, TokenUsageDetails.NONE);
        }
        return withDetails(map, prompt, completion, promptKey, completionKey);
    }

    /** Reads the details beside input and output; kept out of {@link #of(Map, Map)} so that the common path inlines. */
    private static ProviderUsage withDetails(
            Map<?, ?> map, long prompt, long completion, int promptKey, int completionKey) {
        long cacheRead = nested(map, UsageKeys.INPUT_DETAILS_KEYS, UsageKeys.CACHED_TOKENS);
        long anthropicRead = asLong(map.get(UsageKeys.CACHE_READ_INPUT_TOKENS));
        long cacheWrite = asLong(map.get(UsageKeys.CACHE_CREATION_INPUT_TOKENS));
        if ((anthropicRead > 0 || cacheWrite > 0)
                && promptKey >= 0
                && UsageKeys.PROMPT_TOKEN_KEYS.get(promptKey).equals(ANTHROPIC_INPUT_TOKENS)) {
            prompt += anthropicRead + cacheWrite;
        }
        if (cacheRead == 0) {
            cacheRead = (anthropicRead > 0) ? anthropicRead : asLong(map.get(UsageKeys.CACHED_CONTENT_TOKEN_COUNT));
        }
        long reasoning = nested(map, UsageKeys.OUTPUT_DETAILS_KEYS, UsageKeys.REASONING_TOKENS);
        if (reasoning == 0) {
            long thoughts = asLong(map.get(UsageKeys.THOUGHTS_TOKEN_COUNT));
            if (thoughts > 0
                    && completionKey >= 0
                    && UsageKeys.COMPLETION_TOKEN_KEYS.get(completionKey).equals(GEMINI_OUTPUT_TOKENS)) {
                completion += thoughts;
            }
            reasoning = thoughts;
        }
        TokenUsageDetails details = TokenUsageDetails.of(toInt(cacheRead), toInt(cacheWrite), toInt(reasoning));
        return new ProviderUsage(prompt, completion, details);
    }

    // Indexed loops: an iterator per lookup was most of what a count with usage allocated (TokenCountingBenchmarks).
    /** Returns the index of the first of {@code keys} present in {@code usage}, or {@code -1}. */
    private static int firstKey(Map<?, ?> usage, List<String> keys) {
        for (int i = 0; i < keys.size(); i++) {
            if (usage.containsKey(keys.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static long nested(Map<?, ?> usage, List<String> detailKeys, String key) {
        for (int i = 0; i < detailKeys.size(); i++) {
            if (usage.get(detailKeys.get(i)) instanceof Map<?, ?> details) {
                return asLong(details.get(key));
            }
        }
        return 0;
    }

    private static int toInt(long value) {
        return (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static long asLong(@Nullable Object value) {
        if (value instanceof Number number) {
            return Math.max(0, number.longValue());
        }
        if (value instanceof String text) {
            try {
                return Math.max(0, Long.parseLong(text.trim()));
            } catch (NumberFormatException ex) {
                return 0;
            }
        }
        return 0;
    }
}
