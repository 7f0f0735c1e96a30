package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llamatrace.autoconfigure.support.CompletingHandler;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenSource;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.UsageKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link LlamaTraceChatModelListener} with the real LangChain4j OpenAI clients over HTTP. */
class LlamaTraceChatModelListenerTests {

    @RegisterExtension
    final LangChain4jFixture fixture = new LangChain4jFixture();

    private final LlamaTraceChatModelListener listener = new LlamaTraceChatModelListener(this.fixture.dispatcher);

    @Test
    void chatBecomesAnLlmSpanUnderTheActiveSpanWithStartAndEndEvents() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .temperature(0.3)
                .maxRetries(0)
                .listeners(List.of(this.listener))
                .build();

        ChatResponse response = this.fixture
                .registry
                .get("app")
                .span("Service.answer", () -> model.chat(SystemMessage.from("Be brief"), UserMessage.from("Hi")));

        assertThat(response.aiMessage().text()).isEqualTo(OpenAiStub.ANSWER);
        this.fixture.recorder.awaitEnded(2);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.parentId())
                .isEqualTo(this.fixture.recorder.span("Service.answer").id());
        assertThat(llm.result()).isEqualTo(OpenAiStub.ANSWER);

        LLMChatStartEvent start =
                this.fixture.recorder.events(LLMChatStartEvent.class).get(0);
        assertThat(start.spanId()).isEqualTo(llm.id());
        assertThat(start.messages()).containsExactly(ChatMessage.system("Be brief"), ChatMessage.user("Hi"));
        assertThat(start.model().provider()).isEqualTo("openai");
        assertThat(start.model().name()).isEqualTo("gpt-4o-mini");
        assertThat(start.model().parameters()).containsEntry("temperature", 0.3);

        LLMChatEndEvent end =
                this.fixture.recorder.events(LLMChatEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(llm.id());
        assertThat(end.messages()).isEqualTo(start.messages());
        assertThat(end.response().message().content()).isEqualTo(OpenAiStub.ANSWER);
        assertThat(end.response().raw())
                .containsEntry("finish_reason", "stop")
                .containsEntry(
                        UsageKeys.USAGE, UsageKeys.rawUsage(11, 4, 6, 0, 3).get(UsageKeys.USAGE));
    }

    @Test
    void streamingResponseOnAnotherThreadEndsTheSpanWithItsOriginalParent() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .listeners(List.of(this.listener))
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        CompletableFuture<String> handlerThread = new CompletableFuture<>();

        this.fixture.registry.get("app").span("Service.stream", () -> {
            model.chat("Hi stream", new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partialResponse) {}

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    handlerThread.complete(Thread.currentThread().getName());
                    done.complete(response);
                }

                @Override
                public void onError(Throwable error) {
                    done.completeExceptionally(error);
                }
            });
            return null;
        });
        // The caller moves on to other work before the stream completes.
        this.fixture.registry.get("app").span("Service.other", () -> null);

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello stream");
        this.fixture.recorder.awaitEnded(3);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.parentId())
                .isEqualTo(this.fixture.recorder.span("Service.stream").id());
        assertThat(llm.endThread()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(handlerThread.get()).isNotEqualTo(Thread.currentThread().getName());
        LLMChatEndEvent end =
                this.fixture.recorder.events(LLMChatEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(llm.id());
        assertThat(end.response().message().content()).isEqualTo("Hello stream");
        assertThat(end.response().raw())
                .containsEntry(
                        UsageKeys.USAGE, Map.of("prompt_tokens", 9L, "completion_tokens", 2L, "total_tokens", 11L));
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void concurrentStreamsEachEndUnderTheirOwnParent() throws Exception {
        OpenAiStreamingChatModel model = OpenAiStreamingChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .listeners(List.of(this.listener))
                .build();
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<ChatResponse>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < callers; i++) {
                String name = "Caller.ask" + i;
                CompletableFuture<ChatResponse> done = new CompletableFuture<>();
                responses.add(done);
                pool.execute(() -> {
                    try {
                        start.await();
                        this.fixture.registry.get("app").span(name, () -> {
                            model.chat("Hi stream", CompletingHandler.completing(done));
                            return null;
                        });
                    } catch (InterruptedException ex) {
                        Thread.currentThread().interrupt();
                        done.completeExceptionally(ex);
                    }
                });
            }
            start.countDown();
            for (CompletableFuture<ChatResponse> response : responses) {
                assertThat(response.get(10, TimeUnit.SECONDS).aiMessage().text())
                        .isEqualTo("Hello stream");
            }
        } finally {
            pool.shutdownNow();
        }

        this.fixture.recorder.awaitEnded(2 * callers);
        List<Recorded> llms = this.fixture.recorder.spans().stream()
                .filter((span) -> span.name().equals("chat gpt-4o-mini"))
                .toList();
        assertThat(llms).hasSize(callers);
        assertThat(llms)
                .extracting((llm) -> this.fixture.recorder.spans().stream()
                        .filter((span) -> span.id().equals(llm.parentId()))
                        .map(Recorded::name)
                        .findFirst()
                        .orElseThrow())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, callers)
                        .mapToObj((i) -> "Caller.ask" + i)
                        .toList());
        assertThat(this.fixture.recorder.events(LLMChatEndEvent.class))
                .extracting(LLMChatEndEvent::spanId)
                .containsExactlyInAnyOrderElementsOf(
                        llms.stream().map(Recorded::id).toList());
    }

    @Test
    void failedChatDropsTheSpanAndReportsTheException() {
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .listeners(List.of(this.listener))
                .build();

        Throwable thrown = catchThrowable(() -> model.chat("do " + OpenAiStub.FAIL));

        assertThat(thrown).isNotNull();
        this.fixture.recorder.awaitEnded(1);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(llm.error()).isNotNull();
        ExceptionEvent exception =
                this.fixture.recorder.events(ExceptionEvent.class).get(0);
        assertThat(exception.spanId()).isEqualTo(llm.id());
        assertThat(exception.exception()).isSameAs(llm.error());
        assertThat(this.fixture.recorder.events(LLMChatEndEvent.class)).isEmpty();
    }

    @Test
    void cachedAndReasoningTokensTheProviderReportsAreCounted() {
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .listeners(List.of(this.listener))
                .build();

        model.chat("Hi");

        this.fixture.recorder.awaitEnded(1);
        assertThat(tokens.llmTokenCounts()).singleElement().satisfies((count) -> {
            assertThat(count.promptTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE[0]);
            assertThat(count.cachedInputTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[0]);
            assertThat(count.reasoningTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[1]);
            assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
        });
    }

    @Test
    void failedChatReachesCallbackHandlersAsAnLlmEndWithTheException() {
        LlamaDebugHandler debug =
                LlamaDebugHandler.builder().printTraceOnEnd(false).build();
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(debug));
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));
        OpenAiChatModel model = OpenAiChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .listeners(List.of(this.listener))
                .build();

        catchThrowable(() -> model.chat("do " + OpenAiStub.FAIL));

        this.fixture.recorder.awaitEnded(1);
        Recorded llm = this.fixture.recorder.span("chat gpt-4o-mini");
        assertThat(debug.getLlmInputsOutputs()).singleElement().satisfies((pair) -> {
            assertThat(pair).hasSize(2).allSatisfy((event) -> assertThat(event.id())
                    .isEqualTo(llm.id()));
            assertThat(pair.get(1).payload()).containsEntry("exception", llm.error());
        });
        assertThat(debug.getEvents(CBEventType.EXCEPTION)).isEmpty();
        assertThat(tokens.llmTokenCounts()).singleElement().satisfies((count) -> {
            assertThat(count.eventId()).isEqualTo(llm.id());
            assertThat(count.totalTokenCount()).isZero();
        });
    }
}
