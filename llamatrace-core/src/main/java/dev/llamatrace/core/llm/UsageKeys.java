package dev.llamatrace.core.llm;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where provider token usage sits in a raw response map, and the key names providers use for it. Token counting reads
 * the first key present of each list, in order.
 *
 * <p>Beyond input and output, providers report parts of them: cached input tokens (OpenAI
 * {@code prompt_tokens_details.cached_tokens}, Anthropic {@code cache_read_input_tokens}, Gemini
 * {@code cached_content_token_count}), input tokens written to a cache (Anthropic
 * {@code cache_creation_input_tokens}) and reasoning output tokens (OpenAI
 * {@code completion_tokens_details.reasoning_tokens}, Gemini {@code thoughts_token_count}).
 */
public final class UsageKeys {

    /** The raw-response key holding the usage map (OpenAI style). */
    public static final String USAGE = "usage";

    /** The alternative raw-response key holding the usage map (Gemini style). */
    public static final String USAGE_METADATA = "usage_metadata";

    /** Prompt-token keys, in lookup order. */
    public static final List<String> PROMPT_TOKEN_KEYS = List.of("prompt_tokens", "input_tokens", "prompt_token_count");

    /** Completion-token keys, in lookup order. */
    public static final List<String> COMPLETION_TOKEN_KEYS =
            List.of("completion_tokens", "output_tokens", "candidates_token_count", "response_token_count");

    /** The total-token key. */
    public static final String TOTAL_TOKENS = "total_tokens";

    /** Keys of the nested map detailing the input tokens (OpenAI chat, OpenAI responses), in lookup order. */
    public static final List<String> INPUT_DETAILS_KEYS = List.of("prompt_tokens_details", "input_tokens_details");

    /** Keys of the nested map detailing the output tokens (OpenAI chat, OpenAI responses), in lookup order. */
    public static final List<String> OUTPUT_DETAILS_KEYS =
            List.of("completion_tokens_details", "output_tokens_details");

    /** The key of the cached input tokens inside the input details. */
    public static final String CACHED_TOKENS = "cached_tokens";

    /** The key of the reasoning tokens inside the output details. */
    public static final String REASONING_TOKENS = "reasoning_tokens";

    /**
     * Anthropic: input tokens read from the prompt cache, reported beside (not inside) {@code input_tokens}.
     */
    public static final String CACHE_READ_INPUT_TOKENS = "cache_read_input_tokens";

    /**
     * Anthropic: input tokens written to the prompt cache, reported beside (not inside) {@code input_tokens}.
     */
    public static final String CACHE_CREATION_INPUT_TOKENS = "cache_creation_input_tokens";

    /** Gemini: input tokens served from cached content (inside {@code prompt_token_count}). */
    public static final String CACHED_CONTENT_TOKEN_COUNT = "cached_content_token_count";

    /** Gemini: reasoning ("thinking") tokens, reported beside (not inside) {@code candidates_token_count}. */
    public static final String THOUGHTS_TOKEN_COUNT = "thoughts_token_count";

    private UsageKeys() {}

    /**
     * Builds a raw-response map carrying provider usage, for adapters that translate a framework's usage object.
     *
     * @param promptTokens prompt tokens the provider reported
     * @param completionTokens completion tokens the provider reported
     * @return {@code {"usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}}}
     */
    public static Map<String, Object> rawUsage(long promptTokens, long completionTokens) {
        return rawUsage(promptTokens, completionTokens, 0, 0, 0);
    }

    /**
     * Builds a raw-response map carrying provider usage with its details, OpenAI style: the cached input tokens under
     * {@code prompt_tokens_details.cached_tokens}, the reasoning tokens under
     * {@code completion_tokens_details.reasoning_tokens}, the cache writes under {@value #CACHE_CREATION_INPUT_TOKENS};
     * a detail of {@code 0} is left out.
     *
     * @param promptTokens prompt tokens the provider reported, cached ones and cache writes included
     * @param completionTokens completion tokens the provider reported, reasoning ones included
     * @param cachedInputTokens the part of the prompt tokens read from a cache
     * @param cacheWriteInputTokens the part of the prompt tokens written to a cache
     * @param reasoningTokens the part of the completion tokens spent reasoning
     * @return the raw-response map with the {@value #USAGE} entry
     */
    public static Map<String, Object> rawUsage(
            long promptTokens,
            long completionTokens,
            long cachedInputTokens,
            long cacheWriteInputTokens,
            long reasoningTokens) {
        long totalTokens = promptTokens + completionTokens;
        if (cachedInputTokens <= 0 && reasoningTokens <= 0 && cacheWriteInputTokens <= 0) {
            // The usual case: built as two small arrays rather than a hash map.
            return FrozenMap.of(
                    USAGE,
                    FrozenMap.of(
                            PROMPT_TOKEN_KEYS.get(0),
                            promptTokens,
                            COMPLETION_TOKEN_KEYS.get(0),
                            completionTokens,
                            TOTAL_TOKENS,
                            totalTokens));
        }
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put(PROMPT_TOKEN_KEYS.get(0), promptTokens);
        usage.put(COMPLETION_TOKEN_KEYS.get(0), completionTokens);
        usage.put(TOTAL_TOKENS, totalTokens);
        if (cachedInputTokens > 0) {
            usage.put(INPUT_DETAILS_KEYS.get(0), Map.of(CACHED_TOKENS, cachedInputTokens));
        }
        if (reasoningTokens > 0) {
            usage.put(OUTPUT_DETAILS_KEYS.get(0), Map.of(REASONING_TOKENS, reasoningTokens));
        }
        if (cacheWriteInputTokens > 0) {
            usage.put(CACHE_CREATION_INPUT_TOKENS, cacheWriteInputTokens);
        }
        return FrozenMap.of(USAGE, FrozenMap.copyOf(usage));
    }
}
