package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.llm.UsageKeys;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The framework-neutral part of translating a model call into llamatrace's payload model: the keys of the raw
 * response map and of the model parameters, and the rules both framework adapters apply to them. It names no Spring
 * AI or LangChain4j type, so either adapter can use it with only its own framework on the classpath.
 */
public final class ModelPayloads {

    /** Raw-response key of the response id. */
    public static final String ID = "id";

    /** Raw-response key of the model that answered. */
    public static final String MODEL = "model";

    /** Raw-response key of the finish reason. */
    public static final String FINISH_REASON = "finish_reason";

    /** Model-parameter key of the sampling temperature. */
    public static final String TEMPERATURE = "temperature";

    /** Model-parameter key of the output token limit. */
    public static final String MAX_TOKENS = "max_tokens";

    /** Model-parameter key of nucleus sampling. */
    public static final String TOP_P = "top_p";

    /** Model-parameter key of top-k sampling. */
    public static final String TOP_K = "top_k";

    /** Model-parameter key of the frequency penalty. */
    public static final String FREQUENCY_PENALTY = "frequency_penalty";

    /** Model-parameter key of the presence penalty. */
    public static final String PRESENCE_PENALTY = "presence_penalty";

    /** Model-parameter key of the stop sequences. */
    public static final String STOP = "stop";

    /** Model-parameter key of the streaming flag. */
    public static final String STREAM = "stream";

    private ModelPayloads() {}

    /**
     * Returns the raw-response usage entries of a call, or an empty map when the provider reported no tokens, so that
     * token counting falls back to its tokenizer instead of recording zeros.
     *
     * @param prompt the prompt tokens reported, {@code null} when not reported
     * @param completion the completion tokens reported, {@code null} when not reported
     * @return the usage entries, possibly empty
     */
    public static Map<String, Object> usage(@Nullable Integer prompt, @Nullable Integer completion) {
        return usage(prompt, completion, 0, 0, 0);
    }

    /**
     * Returns the raw-response usage entries of a call with the details its provider reported (each a part of the
     * input or output count), or an empty map when the provider reported no tokens.
     *
     * @param prompt the prompt tokens reported, cached ones and cache writes included; {@code null} when not reported
     * @param completion the completion tokens reported, reasoning ones included; {@code null} when not reported
     * @param cachedInput the input tokens read from the provider's cache
     * @param cacheWriteInput the input tokens written to the provider's cache
     * @param reasoning the output tokens spent reasoning
     * @return the usage entries, possibly empty
     */
    public static Map<String, Object> usage(
            @Nullable Integer prompt,
            @Nullable Integer completion,
            long cachedInput,
            long cacheWriteInput,
            long reasoning) {
        long promptTokens = (prompt != null) ? prompt : 0L;
        long completionTokens = (completion != null) ? completion : 0L;
        if (promptTokens <= 0 && completionTokens <= 0) {
            return Map.of();
        }
        return UsageKeys.rawUsage(promptTokens, completionTokens, cachedInput, cacheWriteInput, reasoning);
    }

    /**
     * Adds the cost a provider reported to a call's usage entries, where token counting reads it.
     *
     * @param usage the entries of {@link #usage(Integer, Integer, long, long, long)}, possibly empty
     * @param cost the {@code cost} (and {@code cost_currency}) entries the provider reported, possibly empty
     * @return the usage entries with the cost, or {@code usage} itself when either is empty
     */
    public static Map<String, Object> withReportedCost(Map<String, Object> usage, Map<String, Object> cost) {
        if (usage.isEmpty() || cost.isEmpty() || !(usage.get(UsageKeys.USAGE) instanceof Map<?, ?> entries)) {
            return usage;
        }
        Map<String, Object> merged = new LinkedHashMap<>();
        entries.forEach((key, value) -> merged.put(String.valueOf(key), value));
        merged.putAll(cost);
        return Map.of(UsageKeys.USAGE, merged);
    }

    /**
     * Returns the usage map of an embedding call ({@code EmbeddingEndEvent}'s usage), or an empty map when the
     * provider reported no tokens, so that token counting falls back to tokenizing each text.
     *
     * @param inputTokens the input tokens reported, {@code null} when not reported
     * @return {@code {"prompt_tokens": n, "total_tokens": n}}, or empty
     */
    public static Map<String, Object> embeddingUsage(@Nullable Integer inputTokens) {
        if (inputTokens == null || inputTokens <= 0) {
            return Map.of();
        }
        long tokens = inputTokens;
        return Map.of(UsageKeys.PROMPT_TOKEN_KEYS.get(0), tokens, UsageKeys.TOTAL_TOKENS, tokens);
    }

    /**
     * Returns the sampling parameters both frameworks expose, under their keys, leaving out those not set. The caller
     * adds what only its framework has (stop sequences, streaming).
     *
     * @param temperature the sampling temperature
     * @param maxTokens the output token limit
     * @param topP nucleus sampling
     * @param topK top-k sampling
     * @param frequencyPenalty the frequency penalty
     * @param presencePenalty the presence penalty
     * @return a mutable map in that order
     */
    public static Map<String, Object> parameters(
            @Nullable Double temperature,
            @Nullable Integer maxTokens,
            @Nullable Double topP,
            @Nullable Integer topK,
            @Nullable Double frequencyPenalty,
            @Nullable Double presencePenalty) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        putIfPresent(parameters, TEMPERATURE, temperature);
        putIfPresent(parameters, MAX_TOKENS, maxTokens);
        putIfPresent(parameters, TOP_P, topP);
        putIfPresent(parameters, TOP_K, topK);
        putIfPresent(parameters, FREQUENCY_PENALTY, frequencyPenalty);
        putIfPresent(parameters, PRESENCE_PENALTY, presencePenalty);
        return parameters;
    }

    /**
     * Returns a model name, or GenAI's unknown name when the framework reported none.
     *
     * @param name the model name, possibly {@code null} or blank
     * @return the name to record
     */
    public static String nameOrUnknown(@Nullable String name) {
        return (name == null || name.isBlank()) ? GenAiNames.UNKNOWN : name;
    }

    /**
     * Puts a value unless it is {@code null} or empty.
     *
     * @param map the map to fill
     * @param key the key
     * @param value the value, possibly {@code null}
     */
    public static void putIfText(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    /**
     * Puts a value unless it is {@code null}.
     *
     * @param map the map to fill
     * @param key the key
     * @param value the value, possibly {@code null}
     */
    public static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
