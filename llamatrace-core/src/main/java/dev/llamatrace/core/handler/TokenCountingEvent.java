package dev.llamatrace.core.handler;

import dev.llamatrace.core.callback.CBEventType;

/**
 * The token count of one LLM call, or of one embedded chunk.
 *
 * @param prompt the prompt text (chat messages rendered one per line), or the embedded chunk
 * @param completion the completion text ({@code role: text} for chat responses, as LlamaIndex counts it); empty when
 *     none
 * @param promptTokenCount prompt (or embedding) tokens
 * @param completionTokenCount completion tokens; {@code 0} for embeddings
 * @param totalTokenCount always {@code promptTokenCount + completionTokenCount}, whatever is passed
 * @param eventId the id of the event counted
 * @param model the model name, {@code unknown} when the start of the operation did not say
 * @param provider the provider, {@code unknown} when the start of the operation did not say
 * @param operation {@link CBEventType#LLM} or {@link CBEventType#EMBEDDING}
 * @param promptSource where the prompt count came from
 * @param completionSource where the completion count came from
 */
public record TokenCountingEvent(
        String prompt,
        String completion,
        int promptTokenCount,
        int completionTokenCount,
        int totalTokenCount,
        String eventId,
        String model,
        String provider,
        CBEventType operation,
        TokenSource promptSource,
        TokenSource completionSource) {

    /**
     * Creates a count, recomputing the total.
     *
     * @param prompt the prompt text
     * @param completion the completion text
     * @param promptTokenCount prompt tokens
     * @param completionTokenCount completion tokens
     * @param totalTokenCount ignored; recomputed
     * @param eventId the event id
     * @param model the model name
     * @param provider the provider
     * @param operation the operation
     * @param promptSource where the prompt count came from
     * @param completionSource where the completion count came from
     */
    public TokenCountingEvent {
        totalTokenCount = promptTokenCount + completionTokenCount;
    }
}
