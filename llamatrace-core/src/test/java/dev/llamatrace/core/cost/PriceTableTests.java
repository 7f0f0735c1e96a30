package dev.llamatrace.core.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PriceTableTests {

    private final PriceTable table = PriceTable.of(List.of(
            ModelPrice.of("gpt-4o", "USD", "2.50", "10.00"),
            ModelPrice.of("gpt-4o-*", "USD", "9", "9"),
            ModelPrice.of("gpt-4o-mini*", "USD", "0.15", "0.60"),
            new ModelPrice(
                    "o3",
                    "USD",
                    new BigDecimal("2"),
                    new BigDecimal("0.5"),
                    new BigDecimal("2.5"),
                    new BigDecimal("8"),
                    new BigDecimal("8.5"))));

    @Test
    void exactNameWinsThenTheLongestPrefixIgnoringCase() {
        assertThat(this.table.find("gpt-4o").model()).isEqualTo("gpt-4o");
        assertThat(this.table.find("GPT-4o-mini-2024-07-18").model()).isEqualTo("gpt-4o-mini*");
        assertThat(this.table.find("gpt-4o-2024-08-06").model()).isEqualTo("gpt-4o-*");
        assertThat(this.table.find("gpt-4")).isNull();
        assertThat(this.table.cost("llama3", 10, 0, 0, 10, 0))
                .as("unpriced, not guessed")
                .isNull();
    }

    @Test
    void theExportedAmountIsThePlainDecimalOfThePicos() {
        SplittableRandom random = new SplittableRandom(42);
        List<Long> picos = new ArrayList<>(List.of(
                0L, 1L, 10L, 4_050_000L, 1_000_000_000_000L, 12_500_000_000_000L, 999_999_999_999L, Long.MAX_VALUE));
        for (int i = 0; i < 10_000; i++) {
            picos.add(random.nextLong(Long.MAX_VALUE));
            picos.add(random.nextLong(10_000_000_000_000L) * (long) Math.pow(10, random.nextInt(6)));
        }
        for (long value : picos) {
            assertThat(Cost.plainAmount(value))
                    .as("%d picos", value)
                    .isEqualTo(Cost.amount(value).toPlainString());
        }
        assertThat(new Cost(4_050_000L, "USD", CostSource.LOCAL).plainAmount()).isEqualTo("0.00000405");
    }

    @Test
    void costIsExactInPicosPerMillionTokenPrices() {
        // 11 * 0.15 + 4 * 0.60 per million = 0.00000405
        Cost cost = this.table.cost("gpt-4o-mini", 11, 0, 0, 4, 0);
        assertThat(cost.picos()).isEqualTo(4_050_000L);
        assertThat(cost.plainAmount()).isEqualTo("0.00000405");
        assertThat(cost.currency()).isEqualTo("USD");
        assertThat(cost.source()).isEqualTo(CostSource.LOCAL);
        // A sum of many small costs stays exact where doubles drift.
        long sum = 0;
        for (int i = 0; i < 1_000_000; i++) {
            sum += this.table.cost("gpt-4o-mini", 1, 0, 0, 0, 0).picos();
        }
        assertThat(Cost.amount(sum)).isEqualByComparingTo("0.15");
    }

    @Test
    void cachedInputAndReasoningOutputArePricedOnTheirOwnWithinTheirTotals() {
        // 1000 input of which 400 cached and 100 written to the cache, 300 output of which 100 reasoning:
        // 500 * 2 + 400 * 0.5 + 100 * 2.5 + 200 * 8 + 100 * 8.5 = 1000 + 200 + 250 + 1600 + 850 = 3900 per million
        assertThat(this.table.cost("o3", 1000, 400, 100, 300, 100).amount()).isEqualByComparingTo("0.0039");
        // A part larger than its whole is clamped to it; negative counts cost nothing.
        assertThat(this.table.cost("o3", 10, 50, 0, 0, 0).amount()).isEqualByComparingTo("0.000005");
        assertThat(this.table.cost("o3", 10, 4, 50, 0, 0).amount()).isEqualByComparingTo("0.000017");
        assertThat(this.table.cost("o3", -5, 0, 0, -1, 0).picos()).isZero();
    }

    @Test
    void aTableOverAnotherIsSearchedFirstAndCompletely() {
        PriceTable mine = PriceTable.of(List.of(ModelPrice.of("gpt-4o*", "EUR", "1", "1")))
                .overriding(this.table);
        // My prefix beats the exact entry of the table underneath.
        assertThat(mine.find("gpt-4o").currency()).isEqualTo("EUR");
        assertThat(mine.find("o3").currency()).isEqualTo("USD");
        assertThat(mine.find("claude")).isNull();
    }

    @Test
    void defaultsNameTheirDateAndPriceWidelyUsedModelsOfEachProvider() {
        PriceTable defaults = PriceTable.defaults();
        assertThat(defaults.asOf()).isEqualTo("2025-08");
        assertThat(defaults.find("gpt-4o-mini-2024-07-18").input()).isEqualByComparingTo("0.15");
        assertThat(defaults.find("gpt-4o-mini").cachedInput()).isEqualByComparingTo("0.075");
        assertThat(defaults.find("gpt-4o-2024-05-13").input()).isEqualByComparingTo("5");
        assertThat(defaults.find("o3-mini").reasoning())
                .as("reasoning defaults to output")
                .isEqualByComparingTo("4.40");
        assertThat(defaults.find("claude-sonnet-4-20250514").output()).isEqualByComparingTo("15");
        assertThat(defaults.find("claude-sonnet-4-20250514").cacheWriteInput()).isEqualByComparingTo("3.75");
        assertThat(defaults.find("claude-3-5-haiku-latest").input()).isEqualByComparingTo("0.80");
        assertThat(defaults.find("gemini-2.5-flash").output()).isEqualByComparingTo("2.50");
        assertThat(defaults.find("gemini-1.5-flash-8b-001").input()).isEqualByComparingTo("0.0375");
        assertThat(defaults.find("mistral-small-latest").output()).isEqualByComparingTo("0.30");
        assertThat(defaults.find("text-embedding-3-small").input()).isEqualByComparingTo("0.02");
        assertThat(defaults.find("gpt-4.5-preview"))
                .as("not guessed from gpt-4")
                .isNull();
        assertThat(defaults.find("llama3.1:8b")).isNull();
        assertThat(defaults.prices())
                .allSatisfy((price) -> assertThat(price.currency()).isEqualTo("USD"));
    }

    @Test
    void badEntriesNameTheField() {
        BigDecimal one = BigDecimal.ONE;
        assertThat(ModelPrice.problem("m", "USD", one, one, one, one, one)).isNull();
        assertThat(ModelPrice.problem("m*", "USD", one, one, one, one, one)).isNull();
        assertThat(ModelPrice.problem("a*b", "USD", one, one, one, one, one)).startsWith("model:");
        assertThat(ModelPrice.problem("m", "usd", one, one, one, one, one)).startsWith("currency:");
        assertThat(ModelPrice.problem("m", "USD", one, new BigDecimal("-1"), one, one, one))
                .startsWith("cached-input:");
        assertThat(ModelPrice.problem("m", "USD", one, one, null, one, one)).startsWith("cache-write-input:");
        assertThat(ModelPrice.problem("m", "USD", one, one, one, new BigDecimal("0.0000001"), one))
                .startsWith("output:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> ModelPrice.of("m", "USD", "1", "100001"))
                .withMessageStartingWith("output:");
    }

    @Test
    void aCostTheProviderReportedIsReadFromTheUsage() {
        ChatResponse response = ChatResponse.of(
                ChatMessage.assistant("a"),
                Map.of("usage", Map.of("prompt_tokens", 3, "cost", 0.0012, "cost_currency", "eur")));
        Cost cost = ProviderCost.of(response);
        assertThat(cost.amount()).isEqualByComparingTo("0.0012");
        assertThat(cost.currency()).isEqualTo("EUR");
        assertThat(cost.source()).isEqualTo(CostSource.PROVIDER);
        assertThat(ProviderCost.of(ChatResponse.of(ChatMessage.assistant("a"), Map.of("usage", Map.of("cost", "x")))))
                .isNull();
        assertThat(ProviderCost.of("not a response")).isNull();
    }
}
