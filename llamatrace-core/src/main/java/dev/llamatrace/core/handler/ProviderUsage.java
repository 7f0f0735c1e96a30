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
 * @param promptTokens prompt tokens reported, {@code 0} when none
 * @param completionTokens completion tokens reported, {@code 0} when none
 */
record ProviderUsage(long promptTokens, long completionTokens) {

    static final ProviderUsage NONE = new ProviderUsage(0, 0);

    static ProviderUsage of(@Nullable Object response) {
        if (response instanceof ChatResponse chat) {
            return of(chat.raw(), chat.additionalKwargs());
        }
        if (response instanceof CompletionResponse completion) {
            return of(completion.raw(), completion.additionalKwargs());
        }
        return NONE;
    }

    private static ProviderUsage of(Map<String, Object> raw, Map<String, Object> additionalKwargs) {
        Object usage = raw.containsKey(UsageKeys.USAGE) ? raw.get(UsageKeys.USAGE) : raw.get(UsageKeys.USAGE_METADATA);
        if (usage == null && (raw.containsKey(UsageKeys.USAGE) || raw.containsKey(UsageKeys.USAGE_METADATA))) {
            usage = additionalKwargs;
        }
        if (!(usage instanceof Map<?, ?> map) || map.isEmpty()) {
            return NONE;
        }
        return new ProviderUsage(first(map, UsageKeys.PROMPT_TOKEN_KEYS), first(map, UsageKeys.COMPLETION_TOKEN_KEYS));
    }

    private static long first(Map<?, ?> usage, List<String> keys) {
        for (String key : keys) {
            if (usage.containsKey(key)) {
                return asLong(usage.get(key));
            }
        }
        return 0;
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
