package dev.llamatrace.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Checks that the token counting benchmarks compare like with like: the handler's fallback counts exactly what the
 * jtokkit baselines count, and with provider usage the tokenizer is not used. No timing is asserted.
 */
class TokenCountingBenchmarksTests {

    private final TokenCountingBenchmarks benchmarks = new TokenCountingBenchmarks();

    @BeforeEach
    void setUp() {
        this.benchmarks.setUp();
    }

    @Test
    void textsHaveTheAdvertisedSizes() {
        assertThat(TokenCountingBenchmarks.SHORT_TEXT).hasSize(60);
        assertThat(TokenCountingBenchmarks.LONG_TEXT).hasSize(4096);
        assertThat(TokenCountingBenchmarks.LONG_TEXT.chars().allMatch((c) -> c < 128))
                .isTrue();
    }

    @Test
    void handlerFallbackCountsTheSameTokensAsTheJtokkitBaselines() {
        int shortBaseline = this.benchmarks.jtokkit_countOrdinary_60chars();
        int longBaseline = this.benchmarks.jtokkit_countOrdinary_4kb();
        assertThat(this.benchmarks.jtokkit_countTokens_60chars()).isEqualTo(shortBaseline);
        assertThat(this.benchmarks.jtokkit_countTokens_4kb()).isEqualTo(longBaseline);
        assertThat(this.benchmarks.llamatrace_tokenizer_60chars()).isEqualTo(shortBaseline);
        assertThat(longBaseline).isGreaterThan(10 * shortBaseline);

        TokenCountingEvent shortCount = this.benchmarks.llamatrace_countLlmEnd_60chars();
        TokenCountingEvent longCount = this.benchmarks.llamatrace_countLlmEnd_4kb();
        assertThat(shortCount).isNotNull();
        assertThat(longCount).isNotNull();
        assertThat(shortCount.totalTokenCount()).isEqualTo(shortBaseline);
        assertThat(longCount.totalTokenCount()).isEqualTo(longBaseline);
        assertThat(shortCount.promptSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(shortCount.completionSource()).isEqualTo(TokenSource.TOKENIZER);
        assertThat(this.benchmarks.handler.totalLlmTokenCount()).isEqualTo((long) shortBaseline + longBaseline);
    }

    @Test
    void providerUsageIsRecordedWithoutTokenizing() {
        TokenCountingEvent shortCount = this.benchmarks.llamatrace_countLlmEnd_usage_60chars();
        TokenCountingEvent longCount = this.benchmarks.llamatrace_countLlmEnd_usage_4kb();
        for (TokenCountingEvent count : new TokenCountingEvent[] {shortCount, longCount}) {
            assertThat(count).isNotNull();
            assertThat(count.promptSource()).isEqualTo(TokenSource.PROVIDER);
            assertThat(count.completionSource()).isEqualTo(TokenSource.PROVIDER);
            assertThat(count.promptTokenCount()).isEqualTo(TokenCountingBenchmarks.USAGE_PROMPT_TOKENS);
            assertThat(count.completionTokenCount()).isEqualTo(TokenCountingBenchmarks.USAGE_COMPLETION_TOKENS);
        }
        assertThat(this.benchmarks.handler.llmCallCount()).isEqualTo(2);
    }

    @Test
    void pricedCountsCarryTheirCostToTheHandlerAndTheCostMeter() {
        TokenCountingEvent count = this.benchmarks.llamatrace_countLlmEnd_usage_60chars_metrics_cost();
        // 1,000 input at 0.15 and 12 output at 0.60 per million tokens
        assertThat(count.cost().plainAmount()).isEqualTo("0.0001572");
        assertThat(this.benchmarks.handlerWithCost.totalCost().get("USD")).isEqualByComparingTo("0.0001572");
        assertThat(this.benchmarks
                        .costMeterRegistry
                        .get("llamatrace.cost")
                        .tag("gen_ai.request.model", TokenCountingBenchmarks.PRICED_MODEL)
                        .counter()
                        .count())
                .isCloseTo(1.572e-4, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(this.benchmarks
                        .costMeterRegistry
                        .get("gen_ai.client.token.usage")
                        .tag("gen_ai.token.type", "input")
                        .summary()
                        .totalAmount())
                .isEqualTo(TokenCountingBenchmarks.USAGE_PROMPT_TOKENS);
    }

    @Test
    void tokenUsageMetricsRecordBothSides() {
        this.benchmarks.llamatrace_countLlmEnd_usage_60chars_metrics();
        assertThat(this.benchmarks
                        .meterRegistry
                        .get("gen_ai.client.token.usage")
                        .tag("gen_ai.token.type", "input")
                        .summary()
                        .totalAmount())
                .isEqualTo(TokenCountingBenchmarks.USAGE_PROMPT_TOKENS);
        assertThat(this.benchmarks
                        .meterRegistry
                        .get("gen_ai.client.token.usage")
                        .tag("gen_ai.token.type", "output")
                        .summary()
                        .totalAmount())
                .isEqualTo(TokenCountingBenchmarks.USAGE_COMPLETION_TOKENS);
        assertThat(this.benchmarks.handlerWithMetrics.llmCallCount()).isEqualTo(1);
        assertThat(this.benchmarks.handler.llmCallCount()).isZero();
    }
}
