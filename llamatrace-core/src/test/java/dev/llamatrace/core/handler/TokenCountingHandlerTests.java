package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.content.ContentLimit;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.ToolCall;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.token.JTokkitTokenizers;
import dev.llamatrace.core.token.Tokenizer;
import dev.llamatrace.core.token.TokenizerResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class TokenCountingHandlerTests {

    /** Counts whitespace-separated words and how often it was asked. */
    private final AtomicInteger tokenizerCalls = new AtomicInteger();

    private final Tokenizer words = (text) -> {
        this.tokenizerCalls.incrementAndGet();
        String trimmed = text.trim();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    };

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("app.llm");

    private TokenCountingHandler subscribe(TokenCountingHandler handler) {
        this.registry.root().addEventHandler(new CallbackEventHandler(handler));
        this.registry.root().addSpanHandler(new NoopSpans());
        return handler;
    }

    private TokenCountingHandler wordCounting() {
        return subscribe(TokenCountingHandler.builder()
                .tokenizers(TokenizerResolver.fixed(this.words))
                .build());
    }

    private static ChatResponse answer(String text, Map<String, Object> raw) {
        return ChatResponse.of(ChatMessage.assistant(text), raw);
    }

    private void chat(List<ChatMessage> messages, @Nullable ChatResponse response) {
        this.dispatcher.span("Model.chat", () -> {
            this.dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
            this.dispatcher.event(new LLMChatEndEvent(messages, response));
            return null;
        });
    }

    @Test
    void providerUsageIsUsedForBothSidesWithoutTokenizing() {
        TokenCountingHandler handler = wordCounting();
        chat(List.of(ChatMessage.user("one two three")), answer("four five", UsageKeys.rawUsage(11, 7)));
        assertThat(handler.promptLlmTokenCount()).isEqualTo(11);
        assertThat(handler.completionLlmTokenCount()).isEqualTo(7);
        assertThat(handler.totalLlmTokenCount()).isEqualTo(18);
        TokenCountingEvent event = handler.llmTokenCounts().get(0);
        assertThat(event.promptSource()).isEqualTo(TokenSource.PROVIDER);
        assertThat(event.completionSource()).isEqualTo(TokenSource.PROVIDER);
        assertThat(event.model()).isEqualTo("gpt-4o-mini");
        assertThat(event.provider()).isEqualTo("openai");
        assertThat(this.tokenizerCalls).hasValue(0);
        // Counting did not need the texts; the record renders them when read, as they were counted.
        assertThat(event.prompt()).isEqualTo("user: one two three");
        assertThat(event.completion()).isEqualTo("assistant: four five");
        assertThat(event.totalTokenCount()).isEqualTo(18);
        assertThat(event)
                .isEqualTo(new TokenCountingEvent(
                        "user: one two three",
                        "assistant: four five",
                        11,
                        7,
                        0,
                        event.eventId(),
                        "gpt-4o-mini",
                        "openai",
                        EventKind.LLM,
                        TokenSource.PROVIDER,
                        TokenSource.PROVIDER))
                .hasSameHashCodeAs(event);
    }

    @Test
    void aCountKeptWithoutItsContentIsTheSameEventWithItsTextsCut() {
        Dispatcher root = this.registry.root();
        root.addEventHandler(new TokenCountPublisher(root, TokenizerResolver.fixed(this.words), 100));
        root.addSpanHandler(new NoopSpans());
        TokenCountingHandler handler = TokenCountingHandler.builder()
                .contentLimit(ContentLimit.truncatedTo(8))
                .build();
        root.addEventHandler(handler);
        List<TokenCountingEvent> published = new CopyOnWriteArrayList<>();
        root.addEventHandler((event) -> {
            if (event instanceof TokenCountingEvent count) {
                published.add(count);
            }
        });
        chat(List.of(ChatMessage.user("one two three")), answer("four five", UsageKeys.rawUsage(11, 7)));
        TokenCountingEvent kept = handler.llmTokenCounts().get(0);
        TokenCountingEvent original = published.get(0);
        assertThat(kept).isNotSameAs(original);
        assertThat(kept.id()).isEqualTo(original.id());
        assertThat(kept.nanoTime()).isEqualTo(original.nanoTime());
        assertThat(kept.spanId()).isNotNull().isEqualTo(original.spanId());
        assertThat(kept.prompt()).isEqualTo("user: on...");
        assertThat(kept.promptTokenCount()).isEqualTo(11);
        assertThat(kept.completionTokenCount()).isEqualTo(7);
    }

    @Test
    void openAiUsageDetailsAreCountedAsPartsOfInputAndOutput() {
        TokenCountingHandler handler = wordCounting();
        chat(List.of(ChatMessage.user("a")), answer("b", UsageKeys.rawUsage(100, 50, 40, 0, 30)));
        TokenCountingEvent count = handler.llmTokenCounts().get(0);
        assertThat(count.promptTokenCount()).isEqualTo(100);
        assertThat(count.completionTokenCount()).isEqualTo(50);
        assertThat(count.details()).isEqualTo(new TokenUsageDetails(40, 0, 30));
        assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
        chat(List.of(ChatMessage.user("a")), answer("b", UsageKeys.rawUsage(10, 5, 0, 6, 0)));
        assertThat(handler.cachedInputTokenCount()).isEqualTo(40);
        assertThat(handler.cacheWriteInputTokenCount()).isEqualTo(6);
        assertThat(handler.reasoningTokenCount()).isEqualTo(30);
        assertThat(handler.totalLlmTokenCount()).isEqualTo(165);
        assertThat(handler.modelUsage().get("gpt-4o-mini"))
                .extracting(
                        ModelTokenUsage::cachedInputTokens,
                        ModelTokenUsage::cacheWriteInputTokens,
                        ModelTokenUsage::reasoningTokens)
                .containsExactly(40L, 6L, 30L);
        assertThat(this.tokenizerCalls).hasValue(0);
    }

    @Test
    void anthropicCacheTokensReportedBesideTheInputAreAddedToIt() {
        TokenCountingHandler handler = wordCounting();
        Map<String, Object> usage = Map.of(
                "input_tokens",
                10,
                "output_tokens",
                5,
                "cache_read_input_tokens",
                100,
                "cache_creation_input_tokens",
                20);
        chat(List.of(ChatMessage.user("a")), answer("b", Map.of("usage", usage)));
        TokenCountingEvent count = handler.llmTokenCounts().get(0);
        assertThat(count.promptTokenCount()).isEqualTo(130);
        assertThat(count.completionTokenCount()).isEqualTo(5);
        assertThat(count.details()).isEqualTo(new TokenUsageDetails(100, 20, 0));
    }

    @Test
    void geminiThoughtsReportedBesideTheOutputAreAddedToIt() {
        TokenCountingHandler handler = wordCounting();
        Map<String, Object> usage = Map.of(
                "prompt_token_count", 50,
                "candidates_token_count", 10,
                "thoughts_token_count", 7,
                "cached_content_token_count", 30);
        chat(List.of(ChatMessage.user("a")), answer("b", Map.of("usage_metadata", usage)));
        TokenCountingEvent count = handler.llmTokenCounts().get(0);
        assertThat(count.promptTokenCount()).isEqualTo(50);
        assertThat(count.completionTokenCount()).isEqualTo(17);
        assertThat(count.details()).isEqualTo(new TokenUsageDetails(30, 0, 7));
    }

    @Test
    void aCountEstimatedOnEitherSideHasTheTokenizerAsSource() {
        TokenCountingHandler handler = wordCounting();
        chat(List.of(ChatMessage.user("a b")), answer("x", Map.of("usage", Map.of("input_tokens", 5))));
        chat(List.of(ChatMessage.user("a b")), answer("x", Map.of()));
        assertThat(handler.llmTokenCounts())
                .extracting(TokenCountingEvent::source)
                .containsExactly(TokenSource.TOKENIZER, TokenSource.TOKENIZER);
        assertThat(handler.llmTokenCounts().get(1).details()).isSameAs(TokenUsageDetails.NONE);
        assertThat(TokenSource.of(TokenSource.NONE, TokenSource.NONE).value()).isEqualTo("none");
        assertThat(TokenSource.of(TokenSource.PROVIDER, TokenSource.NONE).value())
                .isEqualTo("provider");
    }

    @Test
    void eachSideFallsBackToTheTokenizerOnItsOwn() {
        TokenCountingHandler handler = wordCounting();
        chat(List.of(ChatMessage.user("a b")), answer("x y z", Map.of("usage", Map.of("input_tokens", 5))));
        TokenCountingEvent promptOnly = handler.llmTokenCounts().get(0);
        assertThat(promptOnly.promptTokenCount()).isEqualTo(5);
        assertThat(promptOnly.promptSource()).isEqualTo(TokenSource.PROVIDER);
        // The completion is counted as LlamaIndex renders it: "assistant: x y z".
        assertThat(promptOnly.completionTokenCount()).isEqualTo(4);
        assertThat(promptOnly.completionSource()).isEqualTo(TokenSource.TOKENIZER);

        chat(List.of(ChatMessage.user("a b")), answer("x", Map.of("usage", Map.of("output_tokens", 9))));
        TokenCountingEvent completionOnly = handler.llmTokenCounts().get(1);
        assertThat(completionOnly.promptTokenCount()).isEqualTo(1 + 2 + 3);
        assertThat(completionOnly.promptSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(completionOnly.completionTokenCount()).isEqualTo(9);
        assertThat(handler.totalLlmTokenCount()).isEqualTo(5 + 4 + 6 + 9);
    }

    @Test
    void usageKeysAreReadInTheSpecifiedOrderAndFromUsageMetadata() {
        TokenCountingHandler handler = wordCounting();
        Map<String, Object> usage = new HashMap<>();
        usage.put("input_tokens", 100);
        usage.put("prompt_tokens", 3);
        usage.put("candidates_token_count", 4);
        chat(List.of(ChatMessage.user("a")), answer("b", Map.of("usage", usage)));
        chat(
                List.of(ChatMessage.user("a")),
                answer("b", Map.of("usage_metadata", Map.of("prompt_token_count", 8, "response_token_count", 2))));
        assertThat(handler.llmTokenCounts())
                .extracting(TokenCountingEvent::promptTokenCount, TokenCountingEvent::completionTokenCount)
                .containsExactly(tuple(3, 4), tuple(8, 2));
    }

    @Test
    void explicitNullUsageFallsBackToAdditionalKwargs() {
        TokenCountingHandler handler = wordCounting();
        Map<String, Object> raw = new HashMap<>();
        raw.put("usage", null);
        chat(
                List.of(ChatMessage.user("a")),
                new ChatResponse(
                        ChatMessage.assistant("b"), null, raw, Map.of("prompt_tokens", 12, "completion_tokens", 13)));
        assertThat(handler.totalLlmTokenCount()).isEqualTo(25);
    }

    @Test
    void chatPromptIsEstimatedFromRolesContentsAndToolCalls() {
        TokenCountingHandler handler = wordCounting();
        List<ChatMessage> messages = List.of(
                ChatMessage.system("be brief"),
                ChatMessage.user("hello there"),
                new ChatMessage(ChatRole.ASSISTANT, null, List.of(new ToolCall("c1", "lookup", "{}")), null, null),
                ChatMessage.tool("c1", "42"));
        chat(messages, answer("fine", Map.of()));
        // system 1+2+3, user 1+2+3, assistant 1+(1+1+3)+3, tool 1+1+3-2
        assertThat(handler.promptLlmTokenCount()).isEqualTo(6 + 6 + 9 + 3);
        assertThat(handler.completionLlmTokenCount()).isEqualTo(2);
        assertThat(handler.llmTokenCounts().get(0).prompt())
                .isEqualTo("system: be brief\nuser: hello there\nassistant: \ntool: 42");
    }

    @Test
    void completionCallsTokenizePromptAndCompletionAndAMissingCompletionCountsZero() {
        TokenCountingHandler handler = subscribe(TokenCountingHandler.create());
        CallbackManager manager = new CallbackManager(this.registry.get("app"));
        Tokenizer cl100k = JTokkitTokenizers.encoding("cl100k_base");
        String id = manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "Tell me a joke"));
        manager.onEventEnd(
                CBEventType.LLM,
                Map.of(
                        "formatted_prompt",
                        "Tell me a joke",
                        "completion",
                        CompletionResponse.of("Why did the chicken cross the road?", Map.of())),
                id);
        String two = manager.onEventStart(CBEventType.LLM, Map.of());
        manager.onEventEnd(CBEventType.LLM, Map.of("formatted_prompt", "two"), two);
        assertThat(handler.llmTokenCounts())
                .extracting(TokenCountingEvent::promptTokenCount, TokenCountingEvent::completionTokenCount)
                .containsExactly(
                        tuple(
                                cl100k.countTokens("Tell me a joke"),
                                cl100k.countTokens("Why did the chicken cross the road?")),
                        tuple(1, 0));
        assertThat(handler.llmTokenCounts().get(1).completionSource()).isEqualTo(TokenSource.NONE);
        assertThat(handler.llmTokenCounts().get(1).totalTokenCount()).isEqualTo(1);
    }

    @Test
    void embeddingsAreTokenizedPerChunk() {
        TokenCountingHandler handler = wordCounting();
        this.dispatcher.span("Embedder.embed", () -> {
            this.dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("openai", "text-embedding-3-small")));
            this.dispatcher.event(new EmbeddingEndEvent(List.of("a b c", "d e"), List.of(new float[2], new float[2])));
            return null;
        });
        assertThat(handler.totalEmbeddingTokenCount()).isEqualTo(5);
        assertThat(handler.embeddingTokenCounts())
                .extracting(TokenCountingEvent::prompt, TokenCountingEvent::promptTokenCount)
                .containsExactly(tuple("a b c", 3), tuple("d e", 2));
        assertThat(handler.totalLlmTokenCount()).isZero();
        assertThat(handler.modelUsage().get("text-embedding-3-small").embeddingTokens())
                .isEqualTo(5);
    }

    @Test
    void aStreamIsCountedOnceWhenItEndsFromTheLastChunk() {
        TokenCountingHandler handler = wordCounting();
        List<ChatMessage> messages = List.of(ChatMessage.user("hi"));
        this.dispatcher.span("Model.stream", () -> {
            this.dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            this.dispatcher.event(new LLMChatInProgressEvent(messages, answer("a", Map.of())));
            this.dispatcher.event(new LLMChatInProgressEvent(messages, answer("a b", Map.of())));
            assertThat(handler.llmTokenCounts()).isEmpty();
            this.dispatcher.event(new LLMChatEndEvent(messages, answer("a b c", UsageKeys.rawUsage(4, 3))));
            return null;
        });
        assertThat(handler.llmTokenCounts()).hasSize(1);
        assertThat(handler.totalLlmTokenCount()).isEqualTo(7);
    }

    @Test
    void anAbandonedStreamIsNotCounted() {
        TokenCountingHandler handler = wordCounting();
        List<ChatMessage> messages = List.of(ChatMessage.user("hi"));
        this.dispatcher.span("Model.stream", () -> {
            this.dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            this.dispatcher.event(new LLMChatInProgressEvent(messages, answer("a", UsageKeys.rawUsage(4, 1))));
            return null;
        });
        assertThat(handler.llmTokenCounts()).isEmpty();
        assertThat(handler.totalLlmTokenCount()).isZero();
    }

    @Test
    void aFailedCallRecordsAZeroEntry() {
        TokenCountingHandler handler = wordCounting();
        CallbackManager manager = new CallbackManager(this.registry.get("app"));
        IllegalStateException failure = new IllegalStateException("timeout");
        assertThatThrownBy(() -> manager.inEvent(CBEventType.LLM, Map.of("messages", List.of()), (event) -> {
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(handler.llmTokenCounts()).singleElement().satisfies((event) -> {
            assertThat(event.totalTokenCount()).isZero();
            assertThat(event.promptSource()).isEqualTo(TokenSource.NONE);
        });
        assertThat(handler.llmCallCount()).isEqualTo(1);
    }

    @Test
    void countsSayWhetherTheCallWasATextCompletionAndAFailedCallKnowsFromItsStart() {
        TokenCountingHandler handler = wordCounting();
        CallbackManager manager = new CallbackManager(this.registry.get("app"));
        chat(List.of(ChatMessage.user("hi")), answer("hello", Map.of()));
        String completion = manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "say hi"));
        manager.onEventEnd(
                CBEventType.LLM,
                Map.of("formatted_prompt", "say hi", "completion", CompletionResponse.of("hi", Map.of())),
                completion);
        IllegalStateException failure = new IllegalStateException("timeout");
        assertThatThrownBy(() -> manager.inEvent(CBEventType.LLM, Map.of("formatted_prompt", "say hi"), (event) -> {
                    throw failure;
                }))
                .isSameAs(failure);
        // A new instance: the manager reports an exception once and marks it.
        IllegalStateException chatFailure = new IllegalStateException("timeout");
        assertThatThrownBy(() -> manager.inEvent(CBEventType.LLM, Map.of("messages", List.of()), (event) -> {
                    throw chatFailure;
                }))
                .isSameAs(chatFailure);
        // Words: "user" + "hi" + 3 framing, and "assistant: hello"; "say hi" and "hi".
        assertThat(handler.llmTokenCounts())
                .extracting(TokenCountingEvent::isTextCompletion, TokenCountingEvent::totalTokenCount)
                .containsExactly(tuple(false, 7), tuple(true, 3), tuple(true, 0), tuple(false, 0));
    }

    @Test
    void exceedingTheBudgetRefusesTheNextLlmCallUntilReset() {
        TokenCountingHandler handler = subscribe(TokenCountingHandler.builder()
                .tokenizers(TokenizerResolver.fixed(this.words))
                .tokenBudget(10)
                .build());
        chat(List.of(ChatMessage.user("a")), answer("b", UsageKeys.rawUsage(6, 4)));
        // Exactly at the budget is not over it: the next call may start.
        chat(List.of(ChatMessage.user("a")), answer("b", UsageKeys.rawUsage(1, 1)));
        assertThat(handler.totalLlmTokenCount()).isEqualTo(12);
        List<ChatMessage> messages = List.of(ChatMessage.user("again"));
        assertThatThrownBy(() -> this.dispatcher.event(
                        new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o"))))
                .isInstanceOf(TokenBudgetExceededException.class)
                .hasMessage("Token budget exceeded: limit 10 tokens, current 12 tokens")
                .satisfies((ex) -> {
                    assertThat(((TokenBudgetExceededException) ex).limit()).isEqualTo(10);
                    assertThat(((TokenBudgetExceededException) ex).current()).isEqualTo(12);
                });
        CallbackManager manager = new CallbackManager(this.registry.get("app"));
        assertThatThrownBy(() -> manager.onEventStart(CBEventType.LLM, Map.of()))
                .isInstanceOf(TokenBudgetExceededException.class);
        String retrieve = manager.onEventStart(CBEventType.RETRIEVE, Map.of());
        manager.onEventEnd(CBEventType.RETRIEVE, Map.of(), retrieve);
        handler.reset();
        assertThat(handler.totalLlmTokenCount()).isZero();
        String llm = manager.onEventStart(CBEventType.LLM, Map.of());
        manager.onEventEnd(CBEventType.LLM, Map.of(), llm);
        assertThat(this.registry.failures().count()).isZero();
    }

    @Test
    void totalsStayExactUnderConcurrencyWhileRecordsAreBounded() throws Exception {
        TokenCountingHandler handler = subscribe(TokenCountingHandler.builder()
                .tokenizers(TokenizerResolver.fixed(this.words))
                .maxEvents(100)
                .build());
        int threads = 4;
        int calls = 500;
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < threads; t++) {
            String model = "model-" + t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < calls; i++) {
                        this.dispatcher.span("Model.chat", () -> {
                            this.dispatcher.event(new LLMChatStartEvent(List.of(), Map.of(), ModelInfo.of("p", model)));
                            this.dispatcher.event(new LLMChatEndEvent(
                                    List.of(ChatMessage.user("x y")), answer("z", UsageKeys.rawUsage(3, 2))));
                            return null;
                        });
                        handler.countEmbeddingEnd(Map.of("chunks", List.of("e f g")), "emb");
                    }
                } catch (Throwable ex) {
                    failures.add(ex);
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertThat(failures).isEmpty();
        long total = (long) threads * calls;
        assertThat(handler.llmCallCount()).isEqualTo(total);
        assertThat(handler.promptLlmTokenCount()).isEqualTo(3 * total);
        assertThat(handler.completionLlmTokenCount()).isEqualTo(2 * total);
        assertThat(handler.totalEmbeddingTokenCount()).isEqualTo(3 * total);
        assertThat(handler.llmTokenCounts()).hasSize(100);
        assertThat(handler.embeddingTokenCounts()).hasSize(100);
        assertThat(handler.evictedEvents()).isEqualTo(2 * (total - 100));
        assertThat(handler.modelUsage().get("model-2").promptTokens()).isEqualTo(3L * calls);
        assertThat(handler.modelUsage().get("model-2").llmCalls()).isEqualTo(calls);
    }

    @Test
    void theTokenizerFollowsTheModelNamedAtTheStart() {
        List<@Nullable String> asked = new CopyOnWriteArrayList<>();
        TokenCountingHandler handler = subscribe(TokenCountingHandler.builder()
                .tokenizers((model) -> {
                    asked.add(model);
                    return this.words;
                })
                .build());
        chat(List.of(ChatMessage.user("a b")), answer("c", Map.of()));
        assertThat(asked).containsOnly("gpt-4o-mini");
        assertThat(handler.modelUsage()).containsOnlyKeys("gpt-4o-mini");
    }

    @Test
    void modelsBeyondTheCapShareTheOtherBucket() {
        TokenCountingHandler handler = TokenCountingHandler.builder()
                .tokenizers(TokenizerResolver.fixed(this.words))
                .maxModels(1)
                .build();
        handler.onEventStart(CBEventType.LLM, Map.of("model_name", "first"), "1", null);
        handler.onEventEnd(CBEventType.LLM, Map.of("formatted_prompt", "a b"), "1");
        handler.onEventStart(CBEventType.LLM, Map.of("model_name", "second"), "2", null);
        handler.onEventEnd(CBEventType.LLM, Map.of("formatted_prompt", "a b c"), "2");
        assertThat(handler.modelUsage()).containsOnlyKeys("first", TokenCountingHandler.OTHER_MODELS);
        assertThat(handler.modelUsage().get(TokenCountingHandler.OTHER_MODELS).promptTokens())
                .isEqualTo(3);
    }

    @Test
    void countsTravelOnTheBusToEveryConsumerAndAFailingConsumerIsIsolated() {
        Dispatcher root = this.registry.root();
        root.addEventHandler(new TokenCountPublisher(root, TokenizerResolver.fixed(this.words), 100));
        root.addSpanHandler(new NoopSpans());
        TokenCountingHandler handler = TokenCountingHandler.create();
        root.addEventHandler(handler);
        List<TokenCountingEvent> seen = new CopyOnWriteArrayList<>();
        root.addEventHandler((event) -> {
            throw new IllegalStateException("consumer bug");
        });
        root.addEventHandler((event) -> {
            if (event instanceof TokenCountingEvent count) {
                seen.add(count);
            }
        });
        chat(List.of(ChatMessage.user("a b")), answer("c", Map.of()));
        this.dispatcher.span("Model.embed", () -> {
            this.dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("openai", "text-embedding-3-small")));
            this.dispatcher.event(new EmbeddingEndEvent(List.of("x", "y z"), List.of()));
            return null;
        });
        assertThat(seen).hasSize(3);
        assertThat(seen.get(0).operation()).isEqualTo(EventKind.LLM);
        assertThat(seen.get(0).completionSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(handler.totalLlmTokenCount()).isEqualTo(seen.get(0).totalTokenCount());
        assertThat(handler.totalEmbeddingTokenCount()).isEqualTo(3);
        assertThat(handler.llmTokenCounts()).containsExactly(seen.get(0));
        assertThat(this.registry.failures().count()).isPositive();
    }

    @Test
    void aCountCarriesTheSpanOfTheOperationCountedNotTheEventId() {
        Dispatcher root = this.registry.root();
        root.addEventHandler(new TokenCountPublisher(root, TokenizerResolver.fixed(this.words), 100));
        List<String> spans = new CopyOnWriteArrayList<>();
        root.addSpanHandler(new NoopSpans() {
            @Override
            public void spanEnter(SpanInvocation span) {
                if (span.name().startsWith("llm")) {
                    spans.add(span.id());
                }
            }
        });
        List<TokenCountingEvent> seen = new CopyOnWriteArrayList<>();
        root.addEventHandler((event) -> {
            if (event instanceof TokenCountingEvent count) {
                seen.add(count);
            }
        });
        CallbackManager callbacks = new CallbackManager(this.dispatcher);
        String id = callbacks.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "a b c"));
        callbacks.onEventEnd(
                CBEventType.LLM,
                Map.of("formatted_prompt", "a b c", "completion", CompletionResponse.of("d", Map.of())),
                id);
        assertThat(seen).singleElement().satisfies((count) -> {
            assertThat(count.eventId()).isEqualTo(id);
            assertThat(count.spanId()).isNotEqualTo(id).isEqualTo(spans.get(0));
            assertThat(count.promptTokenCount()).isEqualTo(3);
        });
    }

    @Test
    void aHandlerUsedAsCallbackHandlerBesideThePublisherCountsEachCallOnce() {
        Dispatcher root = this.registry.root();
        root.addEventHandler(new TokenCountPublisher(root, TokenizerResolver.fixed(this.words), 100));
        TokenCountingHandler handler = wordCounting();
        chat(List.of(ChatMessage.user("a b")), answer("c", Map.of()));
        assertThat(handler.llmCallCount()).isEqualTo(1);
        assertThat(handler.llmTokenCounts()).hasSize(1);
    }

    @Test
    void aFailedCallReportedByAnExceptionEventIsCountedAsAZeroEntryOnTheBus() {
        Dispatcher root = this.registry.root();
        root.addEventHandler(new TokenCountPublisher(root, TokenizerResolver.fixed(this.words), 100));
        root.addSpanHandler(new NoopSpans());
        TokenCountingHandler handler = TokenCountingHandler.create();
        root.addEventHandler(handler);
        List<ChatMessage> messages = List.of(ChatMessage.user("a b"));
        this.dispatcher.span("Model.chat", () -> {
            this.dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o-mini")));
            this.dispatcher.event(new ExceptionEvent(new IllegalStateException("boom")));
            return null;
        });
        assertThat(handler.llmTokenCounts()).singleElement().satisfies((count) -> assertThat(count.totalTokenCount())
                .isZero());
        assertThat(handler.llmCallCount()).isEqualTo(1);
    }

    @Test
    void endsWithoutPromptMessagesOrExceptionAreNotCounted() {
        TokenCountingHandler handler = wordCounting();
        assertThat(handler.countLlmEnd(Map.of("response", "predicted"), "p")).isNull();
        assertThat(handler.countLlmEnd(Map.of(), "p")).isNull();
        assertThat(handler.llmTokenCounts()).isEmpty();
    }

    private static class NoopSpans implements SpanHandler<Span> {

        @Override
        public void spanEnter(SpanInvocation span) {}

        @Override
        public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

        @Override
        public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}
    }
}
