package dev.llamatrace.core.llm;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A completion model's answer, or one streamed chunk of it.
 *
 * @param text the text; for a chunk, the text accumulated so far
 * @param delta for a chunk, the text new in this chunk; otherwise {@code null}
 * @param raw the provider's raw response as a map; token usage, when sent, is under {@link UsageKeys#USAGE}
 * @param additionalKwargs provider extras
 */
public record CompletionResponse(
        String text, @Nullable String delta, Map<String, Object> raw, Map<String, Object> additionalKwargs) {

    /**
     * Creates a response, copying the maps (null values allowed).
     *
     * @param text the text
     * @param delta the new text of a chunk
     * @param raw the provider's raw response
     * @param additionalKwargs provider extras
     */
    public CompletionResponse {
        raw = FrozenMap.copyOf(raw);
        additionalKwargs = FrozenMap.copyOf(additionalKwargs);
    }

    /**
     * Creates a complete (non-streamed) response.
     *
     * @param text the text
     * @param raw the provider's raw response
     * @return the response
     */
    public static CompletionResponse of(String text, Map<String, Object> raw) {
        return new CompletionResponse(text, null, raw, Map.of());
    }

    /** Renders the response as its text. */
    @Override
    public String toString() {
        return this.text;
    }
}
