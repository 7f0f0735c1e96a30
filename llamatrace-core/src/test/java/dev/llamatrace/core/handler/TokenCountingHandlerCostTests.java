package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.cost.CostSource;
import dev.llamatrace.core.cost.ModelPrice;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.Span;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.token.JTokkitTokenizers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Costs travel on the token counts the publisher dispatches; the handler adds them up and enforces a cost budget. */
class TokenCountingHandlerCostTests {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("hello"));

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("app.llm");

    private final List<TokenCountingEvent> counts = new CopyOnWriteArrayList<>();

    private TokenCountingHandler wire(PriceTable prices, TokenCountingHandlerBuilder builder) {
        Dispatcher root = withSpans();
        root.addEventHandler(new TokenCountPublisher(
                root, JTokkitTokenizers.byModel(), TokenCountingHandlerBuilder.DEFAULT_MAX_OPEN_OPERATIONS, prices));
        TokenCountingHandler handler = builder.build();
        root.addEventHandler(handler);
        root.addEventHandler((event) -> {
            if (event instanceof TokenCountingEvent count) {
                this.counts.add(count);
            }
        });
        return handler;
    }

    /** Spans are only made when a span handler listens; the counts need their span. */
    private Dispatcher withSpans() {
        Dispatcher root = this.registry.root();
        root.addSpanHandler(new SpanHandler<Span>() {
            @Override
            public void spanEnter(SpanInvocation span) {}

            @Override
            public void spanExit(SpanInvocation span, @Nullable Object result, long endNanos) {}

            @Override
            public void spanDrop(SpanInvocation span, Throwable error, long endNanos) {}
        });
        return root;
    }

    private void chat(String model, Map<String, Object> raw) {
        this.dispatcher.span("Model.chat", () -> {
            this.dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", model)));
            this.dispatcher.event(new LLMChatEndEvent(MESSAGES, ChatResponse.of(ChatMessage.assistant("hi"), raw)));
            return null;
        });
    }

    @Test
    void everyCountCarriesItsCostAndTheHandlerSumsItPerModelAndCurrency() {
        TokenCountingHandler handler = wire(PriceTable.defaults(), TokenCountingHandler.builder());
        chat("gpt-4o-mini", UsageKeys.rawUsage(11, 4));
        chat("gpt-4o-mini", UsageKeys.rawUsage(1_000_000, 1_000_000));
        chat("my-local-llama", UsageKeys.rawUsage(5, 5));

        assertThat(this.counts).hasSize(3);
        assertThat(this.counts.get(0).cost().plainAmount()).isEqualTo("0.00000405");
        assertThat(this.counts.get(0).cost().source()).isEqualTo(CostSource.LOCAL);
        assertThat(this.counts.get(2).cost()).as("unpriced: no guess").isNull();
        assertThat(handler.totalCost()).containsOnlyKeys("USD");
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("0.75000405");
        assertThat(handler.modelCost().get("gpt-4o-mini")).satisfies((cost) -> {
            assertThat(cost.amount()).isEqualByComparingTo("0.75000405");
            assertThat(cost.counts()).isEqualTo(2);
            assertThat(cost.providerReported()).isZero();
            assertThat(cost.provider()).isEqualTo("openai");
        });
        assertThat(handler.unpricedModels()).containsExactly(Map.entry("my-local-llama", 1L));
        // The retained records keep their cost.
        assertThat(handler.llmTokenCounts().get(0).cost())
                .isEqualTo(this.counts.get(0).cost());
        handler.reset();
        assertThat(handler.totalCost()).isEmpty();
        assertThat(handler.unpricedModels()).isEmpty();
    }

    @Test
    void cachedCacheWrittenAndReasoningTokensTheProviderReportsArePricedOnTheirOwn() {
        TokenCountingHandler handler = wire(PriceTable.defaults(), TokenCountingHandler.builder());
        // claude-sonnet-4: 3 input, 0.30 cache read, 3.75 cache write, 15 output per million
        chat("claude-sonnet-4-20250514", UsageKeys.rawUsage(1_000, 100, 600, 200, 0));
        TokenCountingEvent count = this.counts.get(0);
        assertThat(count.details().cachedInputTokens()).isEqualTo(600);
        // 200 * 3 + 600 * 0.30 + 200 * 3.75 + 100 * 15 = 600 + 180 + 750 + 1500 = 3030 per million
        assertThat(count.cost().plainAmount()).isEqualTo("0.00303");
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("0.00303");
    }

    @Test
    void aCostTheProviderReportsWinsOverThePriceTable() {
        TokenCountingHandler handler = wire(PriceTable.defaults(), TokenCountingHandler.builder());
        Map<String, Object> usage = new LinkedHashMap<>(UsageKeys.rawUsage(11, 4));
        Map<String, Object> reported = new LinkedHashMap<>((Map<String, Object>) usage.get("usage"));
        reported.put("cost", new BigDecimal("0.5"));
        chat("gpt-4o-mini", Map.of("usage", reported));

        assertThat(this.counts.get(0).cost().source()).isEqualTo(CostSource.PROVIDER);
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("0.5");
        assertThat(handler.modelCost().get("gpt-4o-mini").providerReported()).isEqualTo(1);
    }

    @Test
    void embeddedTextsArePricedAsInput() {
        TokenCountingHandler handler = wire(
                PriceTable.of(List.of(ModelPrice.of("text-embedding-3-small", "USD", "1000", "0"))),
                TokenCountingHandler.builder());
        this.dispatcher.span("Embed", () -> {
            this.dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("openai", "text-embedding-3-small")));
            this.dispatcher.event(new EmbeddingEndEvent(List.of("hello world"), List.of(new float[] {1.0f})));
            return null;
        });
        TokenCountingEvent count = this.counts.get(0);
        assertThat(count.cost().picos()).isEqualTo(count.promptTokenCount() * 1_000_000_000L);
        assertThat(handler.modelCost().get("text-embedding-3-small").counts()).isEqualTo(1);
    }

    @Test
    void anEmbeddingCallWithTheProvidersUsageIsPricedFromThatUsage() {
        TokenCountingHandler handler = wire(
                PriceTable.of(List.of(ModelPrice.of("text-embedding-3-small", "USD", "1000", "0"))),
                TokenCountingHandler.builder());
        this.dispatcher.span("Embed", () -> {
            this.dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("openai", "text-embedding-3-small")));
            this.dispatcher.event(new EmbeddingEndEvent(
                    TraceContext.currentSpanId(),
                    List.of("hello world", "hello again"),
                    List.of(new float[] {1.0f}, new float[] {0.5f}),
                    Map.of("prompt_tokens", 7L)));
            return null;
        });
        assertThat(this.counts).singleElement().satisfies((count) -> {
            assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
            // 7 tokens at 1000 per million
            assertThat(count.cost().plainAmount()).isEqualTo("0.007");
        });
        assertThat(handler.unpricedModels()).isEmpty();
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("0.007");
    }

    @Test
    void withoutAPriceTableNothingIsPricedNotEvenAReportedCost() {
        Dispatcher root = withSpans();
        root.addEventHandler(new TokenCountPublisher(root));
        TokenCountingHandler handler = TokenCountingHandler.create();
        root.addEventHandler(handler);
        chat("gpt-4o-mini", Map.of("usage", Map.of("prompt_tokens", 1, "cost", 1)));
        assertThat(handler.llmTokenCounts().get(0).cost()).isNull();
        assertThat(handler.unpricedModels()).containsOnlyKeys("gpt-4o-mini");
    }

    @Test
    void exceedingTheCostBudgetRefusesTheNextLlmCallUntilReset() {
        // 0.1 per input token
        PriceTable prices = PriceTable.of(List.of(ModelPrice.of("m", "USD", "100000", "0")));
        TokenCountingHandler handler =
                wire(prices, TokenCountingHandler.builder().costBudget(new BigDecimal("2"), "USD"));
        chat("m", UsageKeys.rawUsage(20, 1));
        // Exactly at the budget is not over it: the next call may start.
        chat("m", UsageKeys.rawUsage(10, 1));
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("3");
        assertThatThrownBy(() ->
                        this.dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "m"))))
                .isInstanceOf(CostBudgetExceededException.class)
                .hasMessage("Cost budget exceeded: limit 2 USD, current 3 USD")
                .satisfies((ex) -> {
                    CostBudgetExceededException budget = (CostBudgetExceededException) ex;
                    assertThat(budget.limit()).isEqualByComparingTo("2");
                    assertThat(budget.current()).isEqualByComparingTo("3");
                    assertThat(budget.currency()).isEqualTo("USD");
                });
        handler.reset();
        chat("m", UsageKeys.rawUsage(10, 0));
        assertThat(handler.totalCost().get("USD")).isEqualByComparingTo("1");
    }

    @Test
    void costsInAnotherCurrencyDoNotCountTowardsTheBudget() {
        PriceTable prices = PriceTable.of(List.of(ModelPrice.of("m", "EUR", "100000", "0")));
        TokenCountingHandler handler =
                wire(prices, TokenCountingHandler.builder().costBudget(BigDecimal.ONE, "USD"));
        chat("m", UsageKeys.rawUsage(50, 0));
        chat("m", UsageKeys.rawUsage(50, 0));
        assertThat(handler.totalCost()).containsOnlyKeys("EUR");
        assertThat(handler.costBudget()).isEqualByComparingTo("1");
    }

    @Test
    void exactSumsDoNotOverflow() {
        CostTotals.ExactSum sum = new CostTotals.ExactSum();
        for (int i = 0; i < 4; i++) {
            sum.add(Long.MAX_VALUE / 2);
        }
        sum.add(Long.MAX_VALUE);
        assertThat(sum.sum().movePointRight(12))
                .isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)
                        .multiply(BigDecimal.valueOf(4))
                        .add(BigDecimal.valueOf(Long.MAX_VALUE)));
    }
}
