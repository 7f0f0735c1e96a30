package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.CompletionResponse;
import org.jspecify.annotations.Nullable;

/** A completion call finished; for a stream, when the stream ended. */
public final class LLMCompletionEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final String prompt;

    private final CompletionResponse response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param prompt the prompt
     * @param response the response, or for a stream its last chunk
     */
    public LLMCompletionEndEvent(String prompt, CompletionResponse response) {
        super();
        this.prompt = prompt;
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param prompt the prompt
     * @param response the response, or for a stream its last chunk
     */
    public LLMCompletionEndEvent(@Nullable String spanId, String prompt, CompletionResponse response) {
        super(spanId);
        this.prompt = prompt;
        this.response = response;
    }

    /**
     * Returns the prompt.
     *
     * @return the prompt
     */
    public String prompt() {
        return this.prompt;
    }

    /**
     * Returns the response, or for a stream its last chunk.
     *
     * @return the response, or for a stream its last chunk
     */
    public CompletionResponse response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return this.response.text();
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.prompt(this.prompt);
        fields.completion(this.response);
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
