package dev.llamatrace.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;

/**
 * A LangChain4j {@link ChatModel} that answers in-process with a fixed response and usage, with the listeners it was
 * built with: LangChain4j's own {@link ChatModel#chat(ChatRequest)} notifies them around {@link #doChat}, as it does
 * for its provider models.
 */
final class FixedAnswerLangChain4jModel implements ChatModel {

    private final List<ChatModelListener> listeners;

    private final ChatResponse response = ChatResponse.builder()
            .aiMessage(AiMessage.from(FixedAnswerChatModel.ANSWER))
            .id("fixed")
            .modelName(FixedAnswerChatModel.MODEL)
            .tokenUsage(new TokenUsage(FixedAnswerChatModel.PROMPT_TOKENS, FixedAnswerChatModel.COMPLETION_TOKENS))
            .finishReason(FinishReason.STOP)
            .build();

    FixedAnswerLangChain4jModel(List<ChatModelListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return this.response;
    }

    @Override
    public List<ChatModelListener> listeners() {
        return this.listeners;
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OPEN_AI;
    }
}
