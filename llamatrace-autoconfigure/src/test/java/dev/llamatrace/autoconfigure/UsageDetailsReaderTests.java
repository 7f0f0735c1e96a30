package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

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
}
