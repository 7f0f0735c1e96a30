package dev.llamatrace.autoconfigure.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.HandlerVetoException;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenSource;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.UsageKeys;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Tests for {@link ChatModelObservationHandler} against the real Spring AI OpenAI client over HTTP. */
class ChatModelObservationHandlerTests {

    @RegisterExtension
    final SpringAiFixture fixture = new SpringAiFixture();

    @Test
    void callBecomesAnLlmSpanUnderTheActiveSpanWithStartAndEndEvents() {
        OpenAiChatModel model = this.fixture.chatModel();
        ChatResponse answer = this.fixture
                .registry
                .get("app")
                .span(
                        "Service.answer",
                        () -> model.call(new Prompt(List.of(new SystemMessage("Be brief"), new UserMessage("Hi")))));

        assertThat(answer.getResult().getOutput().getText()).isEqualTo(OpenAiStub.ANSWER);
        this.fixture.recorder.awaitEnded(2);
        Recorded service = this.fixture.recorder.span("Service.answer");
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.parentId()).isEqualTo(service.id());
        assertThat(llm.error()).isNull();
        assertThat(llm.result()).isEqualTo(OpenAiStub.ANSWER);

        LLMChatStartEvent start = single(LLMChatStartEvent.class);
        assertThat(start.spanId()).isEqualTo(llm.id());
        assertThat(start.messages()).containsExactly(ChatMessage.system("Be brief"), ChatMessage.user("Hi"));
        assertThat(start.model().provider()).isEqualTo("openai");
        assertThat(start.model().name()).isEqualTo("gpt-4o-mini");
        assertThat(start.model().parameters()).containsEntry("temperature", 0.2).doesNotContainKey("stream");

        LLMChatEndEvent end = single(LLMChatEndEvent.class);
        assertThat(end.spanId()).isEqualTo(llm.id());
        assertThat(end.messages()).isEqualTo(start.messages());
        assertThat(end.response()).isNotNull();
        assertThat(end.response().message().role()).isEqualTo(ChatRole.ASSISTANT);
        assertThat(end.response().message().content()).isEqualTo(OpenAiStub.ANSWER);
        assertThat(end.response().raw())
                .containsEntry("model", "gpt-4o-mini-2024-07-18")
                .containsEntry("id", "chatcmpl-123")
                .containsEntry(
                        UsageKeys.USAGE, UsageKeys.rawUsage(11, 4, 6, 0, 3).get(UsageKeys.USAGE));
    }

    @Test
    void streamEndsTheSpanWhenTheStreamCompletesOnTheProviderThread() {
        OpenAiChatModel model = this.fixture.chatModel();
        List<ChatResponse> chunks = this.fixture.registry.get("app").span("Service.stream", () -> model.stream(
                        new Prompt("Hi stream"))
                .collectList()
                .block());

        assertThat(chunks).isNotEmpty();
        this.fixture.recorder.awaitEnded(2);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.parentId())
                .isEqualTo(this.fixture.recorder.span("Service.stream").id());
        assertThat(llm.endThread()).startsWith("openai-stream-handler");
        assertThat(llm.result()).isEqualTo(String.join("", OpenAiStub.STREAM_CHUNKS));

        assertThat(single(LLMChatStartEvent.class).model().parameters()).containsEntry("stream", true);
        LLMChatEndEvent end = single(LLMChatEndEvent.class);
        assertThat(end.spanId()).isEqualTo(llm.id());
        assertThat(end.response().message().content()).isEqualTo("Hello stream");
        assertThat(end.response().raw())
                .containsEntry(
                        UsageKeys.USAGE, Map.of("prompt_tokens", 9L, "completion_tokens", 2L, "total_tokens", 11L));
    }

    @Test
    void streamWithoutProviderUsageCarriesNoUsageSoCountingFallsBackToTheTokenizer() {
        OpenAiChatModel model =
                this.fixture.chatModel(OpenAiChatOptions.builder().streamUsage(false));
        model.stream(new Prompt("Hi stream")).blockLast();

        this.fixture.recorder.awaitEnded(1);
        assertThat(this.fixture
                        .stub
                        .requests()
                        .get(0)
                        .path("stream_options")
                        .path("include_usage")
                        .asBoolean(true))
                .isFalse();
        LLMChatEndEvent end = single(LLMChatEndEvent.class);
        assertThat(end.response().message().content()).isEqualTo("Hello stream");
        assertThat(end.response().raw()).doesNotContainKey(UsageKeys.USAGE).containsKey("model");
    }

    @Test
    void tokenCountsComeFromTheProviderWhenTheStreamSentUsageAndFromTheTokenizerOtherwise() {
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));

        this.fixture.chatModel().stream(new Prompt("Hi stream")).blockLast();
        this.fixture.chatModel(OpenAiChatOptions.builder().streamUsage(false)).stream(new Prompt("Hi stream"))
                .blockLast();

        this.fixture.recorder.awaitEnded(2);
        List<TokenCountingEvent> counts = tokens.llmTokenCounts();
        assertThat(counts).hasSize(2);
        TokenCountingEvent withUsage = counts.stream()
                .filter((count) -> count.promptSource() == TokenSource.PROVIDER)
                .findFirst()
                .orElseThrow();
        assertThat(withUsage.promptTokenCount()).isEqualTo(OpenAiStub.STREAM_USAGE[0]);
        assertThat(withUsage.completionTokenCount()).isEqualTo(OpenAiStub.STREAM_USAGE[1]);
        TokenCountingEvent withoutUsage = counts.stream()
                .filter((count) -> count != withUsage)
                .findFirst()
                .orElseThrow();
        assertThat(withoutUsage.promptSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(withoutUsage.completionSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(withoutUsage.model()).isEqualTo("gpt-4o-mini");
        assertThat(withoutUsage.completion()).contains("Hello stream");
        assertThat(withoutUsage.promptTokenCount()).isPositive();
        assertThat(withoutUsage.completionTokenCount()).isPositive();
        assertThat(tokens.totalLlmTokenCount()).isEqualTo(withUsage.totalTokenCount() + withoutUsage.totalTokenCount());
    }

    @Test
    void failedCallDropsTheSpanAndTheCallerGetsTheSameException() {
        OpenAiChatModel model = this.fixture.chatModel();
        Throwable thrown = catchThrowable(() -> model.call(new Prompt("do " + OpenAiStub.FAIL)));

        assertThat(thrown).isNotNull();
        this.fixture.recorder.awaitEnded(1);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.error()).isSameAs(thrown);
        ExceptionEvent exception = single(ExceptionEvent.class);
        assertThat(exception.spanId()).isEqualTo(llm.id());
        assertThat(exception.exception()).isSameAs(thrown);
        assertThat(this.fixture.recorder.events(LLMChatEndEvent.class)).isEmpty();
    }

    @Test
    void failedCallReachesCallbackHandlersAsAnLlmEndWithTheException() {
        LlamaDebugHandler debug =
                LlamaDebugHandler.builder().printTraceOnEnd(false).build();
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(debug));
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));

        Throwable thrown = catchThrowable(() -> this.fixture.chatModel().call(new Prompt("do " + OpenAiStub.FAIL)));

        this.fixture.recorder.awaitEnded(1);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(debug.getLlmInputsOutputs()).singleElement().satisfies((pair) -> {
            assertThat(pair).hasSize(2).allSatisfy((event) -> assertThat(event.id())
                    .isEqualTo(llm.id()));
            assertThat(pair.get(1).payload()).containsEntry("exception", thrown);
        });
        assertThat(debug.getEvents(CBEventType.EXCEPTION)).isEmpty();
        assertThat(tokens.llmTokenCounts()).singleElement().satisfies((count) -> {
            assertThat(count.eventId()).isEqualTo(llm.id());
            assertThat(count.totalTokenCount()).isZero();
        });
    }

    @Test
    void cachedAndReasoningTokensTheProviderReportsAreCounted() {
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));

        this.fixture.chatModel().call(new Prompt("Hi"));

        this.fixture.recorder.awaitEnded(1);
        assertThat(tokens.llmTokenCounts()).singleElement().satisfies((count) -> {
            assertThat(count.promptTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE[0]);
            assertThat(count.completionTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE[1]);
            assertThat(count.cachedInputTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[0]);
            assertThat(count.reasoningTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[1]);
            assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
        });
    }

    @Test
    void cancelledStreamDropsTheSpan() {
        OpenAiChatModel model = this.fixture.chatModel();
        model.stream(new Prompt("Hi stream")).take(1).blockLast();

        this.fixture.recorder.awaitEnded(1);
        assertThat(this.fixture.recorder.span("chat gpt-4o-mini").error()).isInstanceOf(CancellationException.class);
        assertThat(this.fixture.recorder.events(LLMChatEndEvent.class)).isEmpty();
    }

    @Test
    void handlerStoresNothingWhenNobodyListens() throws Exception {
        DispatcherRegistry silent = new DispatcherRegistry();
        List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
        ObservationRegistry observations = ObservationRegistry.create();
        observations
                .observationConfig()
                .observationHandler(new ChatModelObservationHandler(silent.root()))
                .observationHandler(new ObservationHandler<>() {
                    @Override
                    public boolean supportsContext(Observation.Context context) {
                        return context instanceof ChatModelObservationContext;
                    }

                    @Override
                    public void onStop(Observation.Context context) {
                        stopped.add(context);
                    }
                });
        try (OpenAiStub stub = new OpenAiStub()) {
            OpenAiChatModel model = OpenAiChatModel.builder()
                    .options(OpenAiChatOptions.builder()
                            .baseUrl(stub.baseUrl())
                            .apiKey("k")
                            .model("gpt-4o-mini")
                            .maxRetries(0)
                            .build())
                    .observationRegistry(observations)
                    .build();
            assertThat(model.call(new Prompt("Hi")).getResult().getOutput().getText())
                    .isEqualTo(OpenAiStub.ANSWER);
        }
        assertThat(stopped).hasSize(1);
        assertThat((Object) stopped.get(0).get(ObservationSpans.KEY)).isNull();
    }

    @Test
    void vetoAtStartRefusesTheCallAndDropsTheSpan() {
        this.fixture.registry.root().addEventHandler((event) -> {
            if (event instanceof LLMChatStartEvent) {
                throw new HandlerVetoException("budget exhausted");
            }
        });
        OpenAiChatModel model = this.fixture.chatModel();

        assertThatThrownBy(() -> model.call(new Prompt("Hi"))).isInstanceOf(HandlerVetoException.class);
        assertThat(this.fixture.stub.requests()).isEmpty();
        assertThat(this.fixture.recorder.span("chat gpt-4o-mini").error()).isInstanceOf(HandlerVetoException.class);
    }

    private <E> E single(Class<E> type) {
        List<E> events = this.fixture.recorder.events().stream()
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
        assertThat(events).hasSize(1);
        return events.get(0);
    }
}
