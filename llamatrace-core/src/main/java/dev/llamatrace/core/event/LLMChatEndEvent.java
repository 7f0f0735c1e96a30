package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A chat call finished; for a stream, when the stream ended. */
public final class LLMChatEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final List<ChatMessage> messages;

    private final @Nullable ChatResponse response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param messages the messages sent
     * @param response the response, or for a stream its last chunk; {@code null} when a stream yielded nothing
     */
    public LLMChatEndEvent(List<ChatMessage> messages, @Nullable ChatResponse response) {
        super();
        this.messages = List.copyOf(messages);
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param messages the messages sent
     * @param response the response, or for a stream its last chunk; {@code null} when a stream yielded nothing
     */
    public LLMChatEndEvent(@Nullable String spanId, List<ChatMessage> messages, @Nullable ChatResponse response) {
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
     * Returns the response, or for a stream its last chunk; {@code null} when a stream yielded nothing.
     *
     * @return the response, or for a stream its last chunk; {@code null} when a stream yielded nothing
     */
    public @Nullable ChatResponse response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return (this.response != null) ? this.response.message().content() : null;
    }

    @Override
    public List<ChatMessage> outputMessages() {
        return (this.response != null) ? List.of(this.response.message()) : List.of();
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.messages(this.messages);
        fields.response(this.response);
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
