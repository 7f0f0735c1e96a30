package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.observability.api.event.AiServiceRequestIssuedEvent;
import dev.langchain4j.observability.api.listener.AiServiceRequestIssuedListener;
import dev.llamatrace.core.conversation.Conversation;
import org.jspecify.annotations.Nullable;

/**
 * Makes an AI service's chat memory id (its {@code @MemoryId} argument) the conversation of the chat calls it issues.
 * LangChain4j 1.19 gives the memory id to AI-service listeners only, never to a {@code ChatModelListener}
 * (langchain4j#2927), so this listener, registered on the AI service, hands it to the {@link LlamaTraceChatModelListener}
 * of the model the service calls next on the same thread:
 *
 * <pre>{@code
 * Assistant assistant = AiServices.builder(Assistant.class)
 *         .chatModel(model)
 *         .registerListener(aiServiceListener)
 *         .build();
 * }</pre>
 *
 * <p>The id is handed over once: the first chat call on the thread takes it, so a later call never inherits it. The
 * id LangChain4j uses for a service without {@code @MemoryId} ({@value #DEFAULT_MEMORY_ID}) names no conversation and
 * is ignored. The retrieval an AI service runs before its chat call is not part of the conversation unless one is set
 * around the service call ({@code Conversations.open}).
 */
public final class LlamaTraceAiServiceListener implements AiServiceRequestIssuedListener {

    /** The memory id of every AI service without a {@code @MemoryId} parameter. */
    public static final String DEFAULT_MEMORY_ID = "default";

    /** The conversation of the request an AI service issued on this thread, not yet taken by its chat call. */
    private final ThreadLocal<Conversation> pending = new ThreadLocal<>();

    @Override
    public void onEvent(AiServiceRequestIssuedEvent event) {
        Object memoryId = event.invocationContext().chatMemoryId();
        String id = (memoryId != null) ? memoryId.toString() : null;
        if (id == null || id.isBlank() || id.equals(DEFAULT_MEMORY_ID)) {
            this.pending.remove();
        } else {
            this.pending.set(Conversation.of(id));
        }
    }

    /** Returns, once, the conversation of the request issued on this thread. */
    @Nullable
    Conversation take() {
        Conversation conversation = this.pending.get();
        if (conversation != null) {
            this.pending.remove();
        }
        return conversation;
    }
}
