package dev.llamatrace.core.llm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where provider token usage sits in a raw response map, and the key names providers use for it. Token counting reads
 * the first key present of each list, in order.
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

    private UsageKeys() {}

    /**
     * Builds a raw-response map carrying provider usage, for adapters that translate a framework's usage object.
     *
     * @param promptTokens prompt tokens the provider reported
     * @param completionTokens completion tokens the provider reported
     * @return {@code {"usage": {"prompt_tokens": p, "completion_tokens": c, "total_tokens": p + c}}}
     */
    public static Map<String, Object> rawUsage(long promptTokens, long completionTokens) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put(PROMPT_TOKEN_KEYS.get(0), promptTokens);
        usage.put(COMPLETION_TOKEN_KEYS.get(0), completionTokens);
        usage.put(TOTAL_TOKENS, promptTokens + completionTokens);
        return Map.of(USAGE, usage);
    }
}
