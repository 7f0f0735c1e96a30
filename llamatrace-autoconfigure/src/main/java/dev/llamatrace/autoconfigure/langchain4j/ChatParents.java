package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.data.message.ChatMessage;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Tells the chat-model listener which agent span a model round belongs to. LangChain4j fires an AI service's
 * request-issued event and then calls the model on the same thread, but that thread is the HTTP reader thread for
 * every round after the first of a streamed invocation, where no span is active. The agent leaves a one-shot note in
 * the trace context naming the request's messages; the chat listener claims it when the request it sees carries those
 * messages, and otherwise falls back to the active span, so a stale note can never adopt an unrelated call.
 */
final class ChatParents {

    private static final TraceContext.Key<Expected> EXPECTED = new TraceContext.Key<>("langchain4j chat parent");

    private ChatParents() {}

    /** Notes that the next model call on this thread with these messages is a round of {@code agent}. */
    static void expect(List<ChatMessage> messages, @Nullable SpanInvocation agent) {
        TraceContext.put(EXPECTED, (agent != null) ? new Expected(messages, agent) : null);
    }

    /** Returns the parent of a model call with these messages: the noted agent, else the span active on this thread. */
    static @Nullable SpanInvocation parentOf(List<ChatMessage> messages) {
        Expected expected = TraceContext.get(EXPECTED);
        if (expected != null) {
            TraceContext.put(EXPECTED, null);
            if (expected.messages().equals(messages) && !expected.agent().isEnded()) {
                return expected.agent();
            }
        }
        return TraceContext.currentSpan();
    }

    private record Expected(List<ChatMessage> messages, SpanInvocation agent) {}
}
