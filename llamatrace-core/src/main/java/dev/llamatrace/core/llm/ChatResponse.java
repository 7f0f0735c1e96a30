package dev.llamatrace.core.llm;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A chat model's answer, or one streamed chunk of it.
 *
 * @param message the answer; for a chunk, the text accumulated so far
 * @param delta for a chunk, the text new in this chunk; otherwise {@code null}
 * @param raw the provider's raw response as a map; token usage, when sent, is under {@link UsageKeys#USAGE}
 * @param additionalKwargs provider extras
 */
public record ChatResponse(
        ChatMessage message, @Nullable String delta, Map<String, Object> raw, Map<String, Object> additionalKwargs) {

    /**
     * Creates a response, copying the maps (null values allowed).
     *
     * @param message the answer
     * @param delta the new text of a chunk
     * @param raw the provider's raw response
     * @param additionalKwargs provider extras
     */
    public ChatResponse {
        raw = FrozenMap.copyOf(raw);
        additionalKwargs = FrozenMap.copyOf(additionalKwargs);
    }

    /**
     * Creates a complete (non-streamed) response.
     *
     * @param message the answer
     * @param raw the provider's raw response
     * @return the response
     */
    public static ChatResponse of(ChatMessage message, Map<String, Object> raw) {
        return new ChatResponse(message, null, raw, Map.of());
    }

    /** Renders the response as its message, {@code assistant: text}, as upstream token counting does. */
    @Override
    public String toString() {
        return this.message.toString();
    }
}
