package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A streamed chat chunk arrived. */
public final class LLMChatInProgressEvent extends Event implements ContentEvent {

    private final List<ChatMessage> messages;

    private final ChatResponse response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param messages the messages sent
     * @param response the chunk, with the text accumulated so far
     */
    public LLMChatInProgressEvent(List<ChatMessage> messages, ChatResponse response) {
        super();
        this.messages = List.copyOf(messages);
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param messages the messages sent
     * @param response the chunk, with the text accumulated so far
     */
    public LLMChatInProgressEvent(@Nullable String spanId, List<ChatMessage> messages, ChatResponse response) {
        super(spanId);
        this.messages = List.copyOf(messages);
        this.response = response;
    }

    /**
     * Returns the messages sent.
     *
     * @return the messages sent
     */
    public List<ChatMessage> messages() {
        return this.messages;
    }

    /**
     * Returns the chunk, with the text accumulated so far.
     *
     * @return the chunk, with the text accumulated so far
     */
    public ChatResponse response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return this.response.message().content();
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
