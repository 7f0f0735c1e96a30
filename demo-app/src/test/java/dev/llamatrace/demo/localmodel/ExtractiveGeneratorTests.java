package dev.llamatrace.demo.localmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveGeneratorTests {

    private static final MiniLmEncoder ENCODER = new MiniLmEncoder();

    private final ExtractiveGenerator generator = new ExtractiveGenerator(ENCODER);

    private static final String ZIPKIN =
            """
            # Exporting traces to Zipkin

            Zipkin is a distributed tracing system. To export traces to Zipkin, set the endpoint:

            ```yaml
            management.tracing.export.zipkin.endpoint: http://localhost:9411/api/v2/spans
            ```
            """;

    private static final String TOKENS =
            """
            # Counting tokens

            The token counting handler counts prompt and completion tokens. It falls back to a local tokenizer.
            """;

    @Test
    void quotesTheSentencesClosestToTheQuestionWithTheCodeTheyIntroduce() {
        String answer = this.generator.answer("How do I send traces to Zipkin?", List.of(ZIPKIN, TOKENS));

        assertThat(answer)
                .contains("To export traces to Zipkin, set the endpoint:\n\n```yaml\n")
                .contains("http://localhost:9411/api/v2/spans\n```")
                .doesNotContain("token")
                .doesNotContain("#");
    }

    @Test
    void answersOnlyWithTextFromThePassages() {
        String answer = this.generator.answer("What does the token counting handler count?", List.of(TOKENS, ZIPKIN));

        assertThat(answer).startsWith("The token counting handler counts prompt and completion tokens.");
        for (String sentence : answer.split("(?<=\\.) ")) {
            assertThat(TOKENS + ZIPKIN).contains(sentence);
        }
    }

    @Test
    void isDeterministic() {
        List<String> passages = List.of(ZIPKIN, TOKENS);

        assertThat(this.generator.answer("Zipkin?", passages)).isEqualTo(this.generator.answer("Zipkin?", passages));
    }

    @Test
    void saysSoWhenTheContextIsUnrelated() {
        assertThat(this.generator.answer("What is the capital of France?", List.of(ZIPKIN, TOKENS)))
                .isEqualTo(ExtractiveGenerator.NOT_FOUND);
    }

    @Test
    void saysSoWhenThereIsNoContext() {
        assertThat(this.generator.answer("Anything?", List.of())).isEqualTo(ExtractiveGenerator.NO_CONTEXT);
    }

    @Test
    void neverQuotesAQuestion() {
        String faq = "# FAQ\n\nDoes it need Spring? No, the core is plain Java without any framework.\n";

        assertThat(this.generator.answer("Does it need Spring?", List.of(faq)))
                .isEqualTo("No, the core is plain Java without any framework.");
    }
}
