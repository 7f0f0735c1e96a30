package dev.llamatrace.core.event;

import dev.llamatrace.core.internal.FrozenMap;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A chat call to an LLM started. */
public final class LLMChatStartEvent extends Event implements ContentEvent, ModelEvent, DescribedEvent {

    private final List<ChatMessage> messages;

    private final Map<String, Object> additionalKwargs;

    private final ModelInfo model;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param messages the messages sent
     * @param additionalKwargs extra request arguments, e.g. tool definitions
     * @param model the model
     */
    public LLMChatStartEvent(List<ChatMessage> messages, Map<String, Object> additionalKwargs, ModelInfo model) {
        super();
        this.messages = List.copyOf(messages);
        this.additionalKwargs = FrozenMap.copyOf(additionalKwargs);
        this.model = model;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param messages the messages sent
     * @param additionalKwargs extra request arguments, e.g. tool definitions
     * @param model the model
     */
    public LLMChatStartEvent(
            @Nullable String spanId,
            List<ChatMessage> messages,
            Map<String, Object> additionalKwargs,
            ModelInfo model) {
        super(spanId);
        this.messages = List.copyOf(messages);
        this.additionalKwargs = FrozenMap.copyOf(additionalKwargs);
        this.model = model;
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
     * Returns extra request arguments, e.g. tool definitions.
     *
     * @return extra request arguments, e.g. tool definitions
     */
    public Map<String, Object> additionalKwargs() {
        return this.additionalKwargs;
    }

    /**
     * Returns the model.
     *
     * @return the model
     */
    public ModelInfo model() {
        return this.model;
    }

    @Override
    public @Nullable String inputText() {
        return ContentEvent.messagesText(this.messages);
    }

    @Override
    public List<ChatMessage> inputMessages() {
        return this.messages;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.messages(this.messages);
        fields.additionalKwargs(this.additionalKwargs);
        fields.model(this.model);
    }

    @Override
    public EventKind kind() {
        return EventKind.LLM;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
