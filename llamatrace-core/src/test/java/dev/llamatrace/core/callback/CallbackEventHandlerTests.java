package dev.llamatrace.core.callback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.DescribedEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventFields;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
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
import java.util.concurrent.atomic.AtomicInteger;
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
    void anEventIsRenderedIntoAPayloadOnlyWhenAHandlerReadsIt() {
        AtomicInteger described = new AtomicInteger();
        LlamaDebugHandler withoutContent = LlamaDebugHandler.builder()
                .printTraceOnEnd(false)
                .contentLimit(ContentLimit.NONE)
                .build();
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SimpleSpanHandler());
        registry.root().addEventHandler(new CallbackEventHandler(withoutContent));
        Dispatcher dispatcher = registry.get("app.llm");
        dispatcher.span("chat", () -> {
            dispatcher.event(new CountedChatStart(described));
            return null;
        });
        assertThat(withoutContent.getEvents(CBEventType.LLM))
                .singleElement()
                .satisfies((event) -> assertThat(event.payload()).isEmpty());
        assertThat(described).hasValue(0);

        registry.root().addEventHandler(new CallbackEventHandler(this.debug));
        dispatcher.span("chat", () -> {
            dispatcher.event(new CountedChatStart(described));
            return null;
        });
        // Rendered once, for the handler that keeps the payload.
        assertThat(described).hasValue(1);
        assertThat(this.debug.getEvents(CBEventType.LLM).get(0).payload())
                .containsEntry("messages", MESSAGES)
                .containsEntry("model_name", "gpt-4o-mini")
                .containsKey("serialized");
    }

    @Test
    void aStreamingChunkHasNoLegacyCallback() {
        ChatResponse chunk = ChatResponse.of(ChatMessage.assistant("Par"), Map.of());
        assertThat(LegacyEventTranslator.translate(new LLMChatInProgressEvent(MESSAGES, chunk)))
                .isNull();
        assertThat(LegacyEventTranslator.translate(new LLMChatEndEvent(MESSAGES, chunk)))
                .isNotNull()
                .satisfies((callback) -> assertThat(callback.phase()).isEqualTo(EventPhase.END));
    }

    /** A chat start that counts how often it is rendered. */
    private static final class CountedChatStart extends Event implements DescribedEvent {

        private final AtomicInteger described;

        CountedChatStart(AtomicInteger described) {
            this.described = described;
        }

        @Override
        public EventKind kind() {
            return EventKind.LLM;
        }

        @Override
        public EventPhase phase() {
            return EventPhase.START;
        }

        @Override
        public void describeTo(EventFields fields) {
            this.described.incrementAndGet();
            fields.messages(MESSAGES);
            fields.model(ModelInfo.of("openai", "gpt-4o-mini"));
        }
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
