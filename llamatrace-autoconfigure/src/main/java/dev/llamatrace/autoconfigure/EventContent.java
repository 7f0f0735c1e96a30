package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.callback.CallbackEvent;
import dev.llamatrace.core.event.AgentChatWithStepEndEvent;
import dev.llamatrace.core.event.AgentChatWithStepStartEvent;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.GetResponseStartEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.LLMCompletionEndEvent;
import dev.llamatrace.core.event.LLMCompletionInProgressEvent;
import dev.llamatrace.core.event.LLMCompletionStartEvent;
import dev.llamatrace.core.event.LLMPredictEndEvent;
import dev.llamatrace.core.event.LLMPredictStartEvent;
import dev.llamatrace.core.event.LLMStructuredPredictEndEvent;
import dev.llamatrace.core.event.QueryEndEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.event.ReRankEndEvent;
import dev.llamatrace.core.event.ReRankStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.event.StreamChatDeltaReceivedEvent;
import dev.llamatrace.core.event.SynthesizeStartEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The content an event carries (prompt, messages, answer, query, documents, arguments) as text, in one place for the
 * endpoint and the exported spans. Callers pass the result through {@link ContentCapture}, which decides whether it is
 * shown at all; call these methods only when capture is on, since rendering costs.
 */
public final class EventContent {

    /** Entries kept per list of messages or documents; a long conversation or document list keeps its first ones. */
    public static final int MAX_ENTRIES = 32;

    private EventContent() {}

    /**
     * Returns the chat messages an LLM call was given, from its start event.
     *
     * @param event an event
     * @return the messages, empty when the event carries none
     */
    public static List<ChatMessage> inputMessages(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.inputMessages();
        }
        return (event instanceof LLMChatStartEvent chat) ? chat.messages() : List.of();
    }

    /**
     * Returns the message an LLM chat answered with, from its end event.
     *
     * @param event an event
     * @return the message, empty when the event carries none
     */
    public static List<ChatMessage> outputMessages(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.outputMessages();
        }
        if (event instanceof LLMChatEndEvent chat && chat.response() != null) {
            return List.of(chat.response().message());
        }
        return List.of();
    }

    /**
     * Returns the documents a retrieval or reranking produced, with their scores, from its end event.
     *
     * @param event an event
     * @return the documents, empty when the event carries none
     */
    public static List<NodeWithScore> documents(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.documents();
        }
        if (event instanceof RetrievalEndEvent retrieval) {
            return retrieval.nodes();
        }
        if (event instanceof ReRankEndEvent rerank) {
            return rerank.nodes();
        }
        return List.of();
    }

    /**
     * Returns what an operation was given, from its start event (or, for embeddings, its end event).
     *
     * @param event an event
     * @return the input as text, or {@code null} when the event carries none
     */
    public static @Nullable String input(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.input();
        }
        if (event instanceof LLMChatStartEvent chat) {
            return messages(chat.messages());
        }
        if (event instanceof LLMCompletionStartEvent completion) {
            return completion.prompt();
        }
        if (event instanceof LLMPredictStartEvent predict) {
            return predict.template();
        }
        if (event instanceof EmbeddingEndEvent embedding) {
            // The texts embedded are the input of an embedding call; they arrive with its end.
            return String.join("\n", embedding.chunks());
        }
        if (event instanceof RetrievalStartEvent retrieval) {
            return retrieval.query();
        }
        if (event instanceof ReRankStartEvent rerank) {
            return rerank.query();
        }
        if (event instanceof QueryStartEvent query) {
            return query.query();
        }
        if (event instanceof SynthesizeStartEvent synthesize) {
            return synthesize.query();
        }
        if (event instanceof GetResponseStartEvent response) {
            return response.queryText();
        }
        if (event instanceof AgentToolCallEvent tool) {
            return tool.arguments();
        }
        if (event instanceof AgentRunStepStartEvent step) {
            return step.input();
        }
        if (event instanceof AgentChatWithStepStartEvent step) {
            return step.userMessage();
        }
        if (event instanceof CallbackEvent callback && !callback.payload().isEmpty()) {
            return String.valueOf(callback.payload());
        }
        return null;
    }

    /**
     * Returns what an operation produced, from its end or progress event.
     *
     * @param event an event
     * @return the output as text, or {@code null} when the event carries none
     */
    public static @Nullable String output(Event event) {
        if (event instanceof CapturedEvent captured) {
            return captured.output();
        }
        if (event instanceof LLMChatEndEvent chat) {
            return answer(chat.response());
        }
        if (event instanceof LLMChatInProgressEvent chat) {
            return answer(chat.response());
        }
        if (event instanceof LLMCompletionEndEvent completion) {
            return completion.response().text();
        }
        if (event instanceof LLMCompletionInProgressEvent completion) {
            return completion.response().text();
        }
        if (event instanceof LLMPredictEndEvent predict) {
            return predict.output();
        }
        if (event instanceof LLMStructuredPredictEndEvent predict) {
            return String.valueOf(predict.output());
        }
        if (event instanceof RetrievalEndEvent retrieval) {
            return nodes(retrieval.nodes());
        }
        if (event instanceof ReRankEndEvent rerank) {
            return nodes(rerank.nodes());
        }
        if (event instanceof QueryEndEvent query) {
            return query.response();
        }
        if (event instanceof ToolCallResultEvent tool) {
            return tool.result();
        }
        if (event instanceof StreamChatDeltaReceivedEvent delta) {
            return delta.delta();
        }
        if (event instanceof AgentRunStepEndEvent step) {
            return (step.stepOutput() != null) ? String.valueOf(step.stepOutput()) : null;
        }
        if (event instanceof AgentChatWithStepEndEvent step) {
            return step.response();
        }
        if (event instanceof ExceptionEvent exception) {
            return String.valueOf(exception.exception());
        }
        return null;
    }

    private static @Nullable String answer(@Nullable ChatResponse response) {
        return (response != null) ? response.message().content() : null;
    }

    private static String messages(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::toString).collect(Collectors.joining("\n"));
    }

    private static String nodes(List<NodeWithScore> nodes) {
        return nodes.stream().map(NodeWithScore::text).collect(Collectors.joining("\n\n"));
    }
}
