package dev.llamatrace.core.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llamatrace.core.llm.ChatRole;
import org.junit.jupiter.api.Test;

class JTokkitTokenizersTests {

    private final JTokkitTokenizers byModel = JTokkitTokenizers.byModel();

    @Test
    void newerOpenAiModelsUseO200kAndEverythingElseCl100k() {
        assertThat(this.byModel.encodingName("gpt-4o-mini")).isEqualTo("o200k_base");
        assertThat(this.byModel.encodingName("gpt-4.1-nano")).isEqualTo("o200k_base");
        assertThat(this.byModel.encodingName("o3-mini")).isEqualTo("o200k_base");
        assertThat(this.byModel.encodingName("openai/GPT-4o")).isEqualTo("o200k_base");
        assertThat(this.byModel.encodingName("gpt-4-turbo")).isEqualTo("cl100k_base");
        assertThat(this.byModel.encodingName("claude-3-5-sonnet")).isEqualTo("cl100k_base");
        assertThat(this.byModel.encodingName(null)).isEqualTo("cl100k_base");
    }

    @Test
    void countsMatchJTokkitForTheChosenEncoding() {
        String text = "The quick brown fox jumps over the lazy dog. Ünïcödé too — and <|endoftext|> as text.";
        var registry = Encodings.newDefaultEncodingRegistry();
        assertThat(this.byModel.forModel("gpt-4o").countTokens(text))
                .isEqualTo(registry.getEncoding(EncodingType.O200K_BASE).countTokensOrdinary(text));
        assertThat(this.byModel.forModel("gpt-3.5-turbo").countTokens(text))
                .isEqualTo(registry.getEncoding(EncodingType.CL100K_BASE).countTokensOrdinary(text));
        assertThat(this.byModel.forModel("gpt-4o").countTokens("")).isZero();
    }

    @Test
    void roleCountsAreTheCountsOfTheRoleNames() {
        for (String model : new String[] {"gpt-4o", "gpt-3.5-turbo"}) {
            Tokenizer tokenizer = this.byModel.forModel(model);
            for (ChatRole role : ChatRole.values()) {
                assertThat(tokenizer.countRoleTokens(role))
                        .as("%s %s", model, role)
                        .isEqualTo(tokenizer.countTokens(role.value()))
                        .isPositive();
            }
        }
    }

    @Test
    void aFixedEncodingOverridesTheModel() {
        JTokkitTokenizers fixed = JTokkitTokenizers.fixed("O200K_BASE");
        assertThat(fixed.encodingName("gpt-3.5-turbo")).isEqualTo("o200k_base");
    }

    @Test
    void anUnknownEncodingNamesTheAllowedValues() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> JTokkitTokenizers.fixed("gpt2"))
                .withMessageContaining("'gpt2'")
                .withMessageContaining("cl100k_base")
                .withMessageContaining("o200k_base");
    }
}
