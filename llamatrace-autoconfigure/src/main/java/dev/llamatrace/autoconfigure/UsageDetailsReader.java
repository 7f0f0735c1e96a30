package dev.llamatrace.autoconfigure;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads the usage details (cached input, cache writes, reasoning tokens) off a provider's own usage object, which the
 * frameworks expose only as provider-specific subclasses or native objects: LangChain4j's {@code OpenAiTokenUsage}
 * ({@code inputTokensDetails().cachedTokens()}, {@code outputTokensDetails().reasoningTokens()}) and
 * {@code AnthropicTokenUsage} ({@code cacheReadInputTokens()}, {@code cacheCreationInputTokens()}), or the OpenAI
 * SDK's {@code CompletionUsage} under Spring AI's {@code Usage.getNativeUsage()}
 * ({@code completionTokensDetails().reasoningTokens()}, values wrapped in {@code Optional}).
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
