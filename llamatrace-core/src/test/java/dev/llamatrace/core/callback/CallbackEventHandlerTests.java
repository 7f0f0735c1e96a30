package dev.llamatrace.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallbackEventHandlerTests {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("hi"));

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("app.llm");

    private final LlamaDebugHandler debug =
            LlamaDebugHandler.builder().printTraceOnEnd(false).build();

    private final TokenCountingHandler tokens = TokenCountingHandler.builder().build();

    CallbackEventHandlerTests() {
        this.registry.root().addSpanHandler(new SimpleSpanHandler());
        this.registry.root().addEventHandler(new CallbackEventHandler(this.debug));
        this.registry.root().addEventHandler(new CallbackEventHandler(this.tokens));
    }

    /** What both framework adapters do: start event in the span, then an exception event, then a drop. */
    private SpanInvocation failedChat(IllegalStateException failure) {
        SpanInvocation span = this.dispatcher.spanEnter("chat gpt-4o-mini", null, Map.of());
        try (TraceContext.Scope scope = TraceContext.activate(span)) {
            this.dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
        }
        this.dispatcher.event(new ExceptionEvent(span.id(), failure));
        span.drop(failure);
        return span;
    }

    @Test
    void aFailedLlmCallReportedByTypedEventsEndsTheLlmEventWithTheException() {
        IllegalStateException failure = new IllegalStateException("model down");
        SpanInvocation span = failedChat(failure);
        assertThat(this.debug.getLlmInputsOutputs()).singleElement().satisfies((pair) -> {
            assertThat(pair).hasSize(2).allSatisfy((event) -> assertThat(event.id())
                    .isEqualTo(span.id()));
            assertThat(pair.get(0).payload()).containsKey("messages");
            assertThat(pair.get(1).payload()).containsExactly(Map.entry("exception", failure));
        });
        assertThat(this.debug.getEvents(CBEventType.EXCEPTION)).isEmpty();
    }

    @Test
    void aFailedLlmCallRecordsAZeroTokenCount() {
        SpanInvocation span = failedChat(new IllegalStateException("model down"));
        assertThat(this.tokens.llmTokenCounts()).singleElement().satisfies((count) -> {
            assertThat(count.eventId()).isEqualTo(span.id());
            assertThat(count.promptTokenCount()).isZero();
            assertThat(count.completionTokenCount()).isZero();
            assertThat(count.totalTokenCount()).isZero();
        });
        assertThat(this.tokens.totalLlmTokenCount()).isZero();
    }

    @Test
    void anExceptionOutsideAnOpenOperationIsAnExceptionStartUnderItsOwnId() {
        IllegalStateException failure = new IllegalStateException("outside");
        ExceptionEvent event = new ExceptionEvent(failure);
        this.dispatcher.event(event);
        assertThat(this.debug.getEvents(CBEventType.EXCEPTION)).singleElement().satisfies((start) -> {
            assertThat(start.id()).isEqualTo(event.id());
            assertThat(start.payload()).containsEntry("exception", failure);
        });
        assertThat(this.debug.getLlmInputsOutputs()).isEmpty();
        assertThat(this.tokens.llmTokenCounts()).isEmpty();
    }

    @Test
    void anExceptionAfterTheOperationEndedDoesNotEndItTwice() {
        this.dispatcher.span("Model.chat", () -> {
            this.dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
            this.dispatcher.event(
                    new LLMChatEndEvent(MESSAGES, ChatResponse.of(ChatMessage.assistant("hello"), Map.of())));
            this.dispatcher.event(new ExceptionEvent(new IllegalStateException("late")));
            return null;
        });
        assertThat(this.debug.getLlmInputsOutputs()).singleElement().asList().hasSize(2);
        assertThat(this.debug.getEvents(CBEventType.EXCEPTION)).hasSize(1);
        assertThat(this.tokens.llmTokenCounts())
                .singleElement()
                .extracting(TokenCountingEvent::completionTokenCount)
                .isNotEqualTo(0);
    }

    @Test
    void aDroppedSpanForgetsItsOpenOperation() {
        SpanInvocation span = this.dispatcher.spanEnter("Model.chat", null, Map.of());
        try (TraceContext.Scope scope = TraceContext.activate(span)) {
            this.dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
        }
        IllegalStateException failure = new IllegalStateException("no exception event");
        span.drop(failure);
        this.dispatcher.event(new ExceptionEvent(span.id(), failure));
        assertThat(this.debug.getLlmInputsOutputs()).singleElement().asList().hasSize(1);
        assertThat(this.debug.getEvents(CBEventType.EXCEPTION)).hasSize(1);
    }
}
