package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;

/**
 * Turns Spring AI {@code ChatClient} observations into spans named {@code ChatClient.call} or
 * {@code ChatClient.stream}. The advisor, LLM, tool and retrieval spans of the call become its children. The span exits
 * with the answer's text.
 *
 * <p>A call that offers tools is an agent: the model may loop through them. Its span is an AGENT span (with
 * {@link AgentRunStepStartEvent} and {@link AgentRunStepEndEvent}, agent name {@value #AGENT_NAME}); a call without
 * tools is a CHAIN span with no events of its own.
 *
 * <p>A chat-memory conversation id given as advisor parameter ({@link ChatMemory#CONVERSATION_ID}) makes the call and
 * everything inside it part of that conversation, completing the one set around the call (its user, for instance).
 */
public final class ChatClientObservationHandler extends SpanObservationHandler<ChatClientObservationContext> {

    /** Span name of a blocking {@code ChatClient} call. */
    public static final String CALL = "ChatClient.call";

    /** Span name of a streaming {@code ChatClient} call. */
    public static final String STREAM = "ChatClient.stream";

    /** The agent name ({@code gen_ai.agent.name}) of a {@code ChatClient} call with tools. */
    public static final String AGENT_NAME = "ChatClient";

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
        ChatClientRequest request = context.getRequest();
        if (offersTools(request)) {
            UserMessage user = request.prompt().getUserMessage();
            String input = user.getText();
            dispatcher.event(() -> new AgentRunStepStartEvent(spanId, String.valueOf(spanId), AGENT_NAME, input));
        }
    }

    @Override
    void stopped(ChatClientObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        if (offersTools(context.getRequest())) {
            String answer = answer(context.getResponse());
            dispatcher.event(() -> new AgentRunStepEndEvent(spanId, answer));
        }
    }

    @Override
    @Nullable
    Object result(ChatClientObservationContext context) {
        return answer(context.getResponse());
    }

    /** Returns the text of the first generation of a chat client answer, or {@code null}. */
    static @Nullable String answer(@Nullable ChatClientResponse response) {
        ChatResponse chatResponse = (response != null) ? response.chatResponse() : null;
        Generation generation = (chatResponse != null) ? chatResponse.getResult() : null;
        return (generation != null) ? generation.getOutput().getText() : null;
    }

    private static boolean offersTools(ChatClientRequest request) {
        ChatOptions options = request.prompt().getOptions();
        if (!(options instanceof ToolCallingChatOptions tools)) {
            return false;
        }
        List<ToolCallback> callbacks = tools.getToolCallbacks();
        return callbacks != null && !callbacks.isEmpty();
    }
}
