package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.cost.ProviderCost;
import dev.llamatrace.core.llm.UsageKeys;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the usage details (cached input, cache writes, reasoning tokens) off a provider's own usage object, which the
 * frameworks expose only as provider-specific subclasses or native objects: LangChain4j's {@code OpenAiTokenUsage}
 * ({@code inputTokensDetails().cachedTokens()}, {@code outputTokensDetails().reasoningTokens()}) and
 * {@code AnthropicTokenUsage} ({@code cacheReadInputTokens()}, {@code cacheCreationInputTokens()}), or the OpenAI
 * SDK's {@code CompletionUsage} under Spring AI's {@code Usage.getNativeUsage()}
 * ({@code completionTokensDetails().reasoningTokens()}, values wrapped in {@code Optional}), and the cost a gateway
 * reported beside them ({@link #reportedCost}, or in a raw response body: {@link #reportedCostInRawBody}).
 *
 * <p>Those types live in provider modules llamatrace does not depend on, so they are read by the accessor names above,
 * looked up once per class. Anything else (another provider, an accessor that fails) reads as {@code 0}: a detail is
 * never guessed and reading never throws.
 */
public final class UsageDetailsReader {

    private static final List<List<String>> CACHED_INPUT = List.of(
            List.of("inputTokensDetails", "cachedTokens"),
            List.of("promptTokensDetails", "cachedTokens"),
            List.of("cacheReadInputTokens"));

    private static final List<List<String>> CACHE_WRITE_INPUT =
            List.of(List.of("cacheCreationInputTokens"), List.of("cacheWriteInputTokens"));

    private static final List<List<String>> REASONING = List.of(
            List.of("outputTokensDetails", "reasoningTokens"),
            List.of("completionTokensDetails", "reasoningTokens"),
            List.of("thoughtsTokenCount"));

    private static final String ADDITIONAL_PROPERTIES = "_additionalProperties";

    private static final String COST_KEY = "\"" + ProviderCost.COST + "\"";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int LAST_EVENTS = 3;

    private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
            Map<String, Method> accessors = new HashMap<>();
            for (Method method : type.getMethods()) {
                if (method.getParameterCount() == 0
                        && !Modifier.isStatic(method.getModifiers())
                        && Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                    accessors.putIfAbsent(method.getName(), method);
                }
            }
            return accessors;
        }
    };

    private UsageDetailsReader() {}

    /**
     * Returns the cached input tokens a usage object reports.
     *
     * @param usage the provider's usage object, or {@code null}
     * @return the tokens, {@code 0} when not reported
     */
    public static long cachedInputTokens(@Nullable Object usage) {
        return first(usage, CACHED_INPUT);
    }

    /**
     * Returns the input tokens written to a cache that a usage object reports.
     *
     * @param usage the provider's usage object, or {@code null}
     * @return the tokens, {@code 0} when not reported
     */
    public static long cacheWriteInputTokens(@Nullable Object usage) {
        return first(usage, CACHE_WRITE_INPUT);
    }

    /**
     * Returns the reasoning tokens a usage object reports.
     *
     * @param usage the provider's usage object, or {@code null}
     * @return the tokens, {@code 0} when not reported
     */
    public static long reasoningTokens(@Nullable Object usage) {
        return first(usage, REASONING);
    }

    /**
     * Returns the cost a provider reported beside a usage object's own fields, as OpenRouter and LiteLLM-style
     * gateways send {@code usage.cost}: the OpenAI SDK keeps such fields in {@code _additionalProperties()} (values
     * that answer {@code asNumber()} or {@code asString()}).
     *
     * @param usage the provider's usage object, or {@code null}
     * @return the {@value ProviderCost#COST} and {@value ProviderCost#CURRENCY} entries found, possibly none
     */
    public static Map<String, Object> reportedCost(@Nullable Object usage) {
        if (usage == null || !(invoke(usage, ADDITIONAL_PROPERTIES) instanceof Map<?, ?> additional)) {
            return Map.of();
        }
        Map<String, Object> cost = new HashMap<>();
        for (String key : List.of(ProviderCost.COST, ProviderCost.CURRENCY)) {
            Object value = additional.get(key);
            Object plain = (value != null) ? invoke(value, "asNumber") : null;
            plain = (plain == null && value != null) ? invoke(value, "asString") : plain;
            if (plain != null) {
                cost.put(key, plain);
            }
        }
        return cost;
    }

    /**
     * Returns the cost a provider reported under {@code usage} in the raw HTTP body a response's metadata keeps, as
     * LangChain4j's {@code OpenAiChatResponseMetadata.rawHttpResponse().body()} does (its {@code TokenUsage} drops
     * fields it does not know), or for a stream in the last of its {@code rawServerSentEvents()}. A body or event is
     * parsed only when it contains a {@code "cost"} key.
     *
     * @param metadata the framework's response metadata, or {@code null}
     * @return the {@value ProviderCost#COST} and {@value ProviderCost#CURRENCY} entries found, possibly none
     */
    public static Map<String, Object> reportedCostInRawBody(@Nullable Object metadata) {
        if (metadata == null) {
            return Map.of();
        }
        Object raw = invoke(metadata, "rawHttpResponse");
        Object body = (raw != null) ? invoke(raw, "body") : null;
        if (body instanceof String text && text.contains(COST_KEY)) {
            return costInUsage(text);
        }
        // A stream's usage comes in its last data events (OpenAI's include_usage chunk).
        if (invoke(metadata, "rawServerSentEvents") instanceof List<?> events) {
            for (int i = events.size() - 1; i >= Math.max(0, events.size() - LAST_EVENTS); i--) {
                Object event = events.get(i);
                Object data = (event != null) ? invoke(event, "data") : null;
                if (data instanceof String text && text.contains(COST_KEY)) {
                    return costInUsage(text);
                }
            }
        }
        return Map.of();
    }

    private static Map<String, Object> costInUsage(String text) {
        try {
            JsonNode usage = JSON.readTree(text).path(UsageKeys.USAGE);
            Map<String, Object> cost = new HashMap<>();
            JsonNode amount = usage.path(ProviderCost.COST);
            if (amount.isNumber()) {
                cost.put(ProviderCost.COST, amount.decimalValue());
            } else if (amount.isString()) {
                cost.put(ProviderCost.COST, amount.asString());
            }
            JsonNode currency = usage.path(ProviderCost.CURRENCY);
            if (!cost.isEmpty() && currency.isString()) {
                cost.put(ProviderCost.CURRENCY, currency.asString());
            }
            return cost;
        } catch (JacksonException ex) {
            return Map.of();
        }
    }

    private static long first(@Nullable Object usage, List<List<String>> paths) {
        if (usage == null) {
            return 0;
        }
        for (List<String> path : paths) {
            if (ACCESSORS.get(usage.getClass()).containsKey(path.get(0))) {
                return read(usage, path);
            }
        }
        return 0;
    }

    private static long read(Object usage, List<String> path) {
        Object value = usage;
        for (String name : path) {
            value = (value != null) ? invoke(value, name) : null;
        }
        return (value instanceof Number number) ? Math.max(0, number.longValue()) : 0;
    }

    private static @Nullable Object invoke(Object target, String name) {
        Method method = ACCESSORS.get(target.getClass()).get(name);
        if (method == null) {
            return null;
        }
        try {
            Object value = method.invoke(target);
            return (value instanceof Optional<?> optional) ? optional.orElse(null) : value;
        } catch (IllegalAccessException | InvocationTargetException | RuntimeException ex) {
            return null;
        }
    }
}
