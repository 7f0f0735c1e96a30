package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.CompletionResponse;
import org.jspecify.annotations.Nullable;

/** A streamed completion chunk arrived. */
public final class LLMCompletionInProgressEvent extends Event implements ContentEvent {

    private final String prompt;

    private final CompletionResponse response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param prompt the prompt
     * @param response the chunk, with the text accumulated so far
     */
    public LLMCompletionInProgressEvent(String prompt, CompletionResponse response) {
        super();
        this.prompt = prompt;
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param prompt the prompt
     * @param response the chunk, with the text accumulated so far
     */
    public LLMCompletionInProgressEvent(@Nullable String spanId, String prompt, CompletionResponse response) {
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
     * Returns the chunk, with the text accumulated so far.
     *
     * @return the chunk, with the text accumulated so far
     */
    public CompletionResponse response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return this.response.text();
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.IN_PROGRESS;
    }
}
