package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.openai.core.JsonValue;
import com.openai.models.completions.CompletionUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.langchain4j.model.output.TokenUsage;
import org.junit.jupiter.api.Test;

class UsageDetailsReaderTests {

    @Test
    void langChain4jOpenAiUsageDetailsAreRead() {
        OpenAiTokenUsage usage = OpenAiTokenUsage.builder()
                .inputTokenCount(100)
                .outputTokenCount(50)
                .inputTokensDetails(OpenAiTokenUsage.InputTokensDetails.builder()
                        .cachedTokens(40)
                        .build())
                .outputTokensDetails(OpenAiTokenUsage.OutputTokensDetails.builder()
                        .reasoningTokens(30)
                        .build())
                .build();
        assertThat(UsageDetailsReader.cachedInputTokens(usage)).isEqualTo(40);
        assertThat(UsageDetailsReader.reasoningTokens(usage)).isEqualTo(30);
        assertThat(UsageDetailsReader.cacheWriteInputTokens(usage)).isZero();
    }

    @Test
    void theOpenAiSdksOptionalDetailsAreRead() {
        CompletionUsage usage = CompletionUsage.builder()
                .promptTokens(100)
                .completionTokens(50)
                .totalTokens(150)
                .promptTokensDetails(CompletionUsage.PromptTokensDetails.builder()
                        .cachedTokens(40)
                        .build())
                .completionTokensDetails(CompletionUsage.CompletionTokensDetails.builder()
                        .reasoningTokens(30)
                        .build())
                .build();
        assertThat(UsageDetailsReader.cachedInputTokens(usage)).isEqualTo(40);
        assertThat(UsageDetailsReader.reasoningTokens(usage)).isEqualTo(30);
    }

    @Test
    void usageWithoutDetailsOrNoUsageReadsAsZero() {
        assertThat(UsageDetailsReader.reasoningTokens(new TokenUsage(3, 4))).isZero();
        assertThat(UsageDetailsReader.cachedInputTokens(null)).isZero();
        CompletionUsage bare = CompletionUsage.builder()
                .promptTokens(1)
                .completionTokens(1)
                .totalTokens(2)
                .build();
        assertThat(UsageDetailsReader.reasoningTokens(bare)).isZero();
        assertThat(UsageDetailsReader.cachedInputTokens("not a usage")).isZero();
    }

    @Test
    void anthropicStyleCacheAccessorsAreRead() {
        assertThat(UsageDetailsReader.cachedInputTokens(new AnthropicLike())).isEqualTo(100);
        assertThat(UsageDetailsReader.cacheWriteInputTokens(new AnthropicLike()))
                .isEqualTo(20);
    }

    /** The accessors of LangChain4j's {@code AnthropicTokenUsage}. */
    public static final class AnthropicLike extends TokenUsage {

        AnthropicLike() {
            super(10, 5);
        }

        public Integer cacheReadInputTokens() {
            return 100;
        }

        public Integer cacheCreationInputTokens() {
            return 20;
        }
    }

    @Test
    void aCostAndCurrencyTheOpenAiSdkKeptAsUnknownFieldsAreRead() {
        CompletionUsage usage = CompletionUsage.builder()
                .promptTokens(100)
                .completionTokens(50)
                .totalTokens(150)
                .putAdditionalProperty("cost", JsonValue.from(0.00042))
                .putAdditionalProperty("cost_currency", JsonValue.from("EUR"))
                .build();
        assertThat(UsageDetailsReader.reportedCost(usage))
                .containsOnly(entry("cost", 0.00042), entry("cost_currency", "EUR"));
        assertThat(UsageDetailsReader.reportedCost(CompletionUsage.builder()
                        .promptTokens(1)
                        .completionTokens(1)
                        .totalTokens(2)
                        .build()))
                .isEmpty();
        assertThat(UsageDetailsReader.reportedCost("not a usage")).isEmpty();
    }

    @Test
    void aCostInARawBodyIsReadAndABodyWithoutOneOrNotJsonReadsAsNone() {
        assertThat(UsageDetailsReader.reportedCostInRawBody(new Metadata(new Raw("{\"usage\":{\"cost\":0.5}}"))))
                .containsOnly(entry("cost", new java.math.BigDecimal("0.5")));
        assertThat(UsageDetailsReader.reportedCostInRawBody(new Metadata(new Raw("{\"usage\":{\"prompt_tokens\":1}}"))))
                .isEmpty();
        assertThat(UsageDetailsReader.reportedCostInRawBody(new Metadata(new Raw("\"cost\" is not JSON {"))))
                .isEmpty();
        assertThat(UsageDetailsReader.reportedCostInRawBody(new Metadata(null))).isEmpty();
    }

    /** Shaped as LangChain4j's OpenAiChatResponseMetadata and SuccessfulHttpResponse, by accessor name. */
    public record Metadata(Raw rawHttpResponse) {}

    /** The raw response's body accessor. */
    public record Raw(String body) {}
}
