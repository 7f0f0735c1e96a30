package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.conversation.Conversation;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * Turns Spring AI {@code ChatClient} observations into CHAIN spans named {@code ChatClient.call} or
 * {@code ChatClient.stream}. The LLM, tool and retrieval spans of the call (through its advisors) become its children.
 * The span exits with the answer's text.
 *
 * <p>A chat-memory conversation id given as advisor parameter ({@link ChatMemory#CONVERSATION_ID}) makes the call and
 * everything inside it part of that conversation, completing the one set around the call (its user, for instance).
 */
public final class ChatClientObservationHandler extends SpanObservationHandler<ChatClientObservationContext> {

    /** Span name of a blocking {@code ChatClient} call. */
    public static final String CALL = "ChatClient.call";

    /** Span name of a streaming {@code ChatClient} call. */
    public static final String STREAM = "ChatClient.stream";

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public ChatClientObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, ChatClientObservationContext.class);
    }

    @Override
    String spanName(ChatClientObservationContext context) {
        return context.isStream() ? STREAM : CALL;
    }

    @Override
    @Nullable
    Conversation conversation(ChatClientObservationContext context) {
        ChatClientRequest request = context.getRequest();
        Object id = (request != null) ? request.context().get(ChatMemory.CONVERSATION_ID) : null;
        String text = (id != null) ? id.toString() : null;
        return (text != null && !text.isBlank()) ? Conversation.of(text) : null;
    }

    @Override
    void started(ChatClientObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        // A chain span has no built-in start event; its LLM and tool children carry the payloads.
    }

    @Override
    void stopped(ChatClientObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {}

    @Override
    @Nullable
    Object result(ChatClientObservationContext context) {
        ChatClientResponse response = context.getResponse();
        ChatResponse chatResponse = (response != null) ? response.chatResponse() : null;
        Generation generation = (chatResponse != null) ? chatResponse.getResult() : null;
        return (generation != null) ? generation.getOutput().getText() : null;
    }
}
