package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.redaction.ContentRedactor;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Content capture redacts by the built-in rules, the configured rules and the application's redactors. */
class ContentRedactionTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
            .withPropertyValues("llamatrace.capture-content=true");

    @Test
    void exportedExceptionMessagesAreRedactedAndKeepTheClassName() {
        this.runner.run((context) -> {
            ContentCapture content = context.getBean(ContentCapture.class);
            Throwable exported = content.error(new IllegalStateException("no quota for jane@example.com"));
            assertThat(exported.getMessage()).isEqualTo("java.lang.IllegalStateException: no quota for [email]");
            IllegalStateException clean = new IllegalStateException("no quota");
            assertThat(content.error(clean)).isSameAs(clean);
            Throwable withoutMessage = new IllegalStateException();
            assertThat(content.error(withoutMessage)).isSameAs(withoutMessage);
        });
    }

    @Test
    void fineTuningExamplesAreRedactedUnlessSwitchedOff() {
        ApplicationContextRunner fineTuning =
                this.runner.withPropertyValues("llamatrace.handlers.fine-tuning.enabled=true");
        fineTuning.run((context) ->
                assertThat(recordedExample(context)).contains("[email]").doesNotContain("jane@"));
        fineTuning
                .withPropertyValues("llamatrace.handlers.fine-tuning.redact=false")
                .run((context) -> assertThat(recordedExample(context)).contains("jane@example.com"));
    }

    private static String recordedExample(AssertableApplicationContext context) throws IOException {
        OpenAIFineTuningHandler handler = context.getBean(OpenAIFineTuningHandler.class);
        handler.onEventStart(
                CBEventType.LLM,
                Map.of(EventPayload.MESSAGES.value(), List.of(ChatMessage.user("write to jane@example.com"))),
                "llm-1",
                null);
        handler.onEventEnd(
                CBEventType.LLM,
                Map.of(
                        EventPayload.RESPONSE.value(),
                        ChatResponse.of(ChatMessage.assistant("Sent to jane@example.com"), Map.of())),
                "llm-1");
        StringWriter jsonl = new StringWriter();
        assertThat(handler.writeJsonl(jsonl)).isEqualTo(1);
        return jsonl.toString();
    }

    @Test
    void builtInRulesAreOnByDefault() {
        this.runner.run(
                (context) -> assertThat(context.getBean(ContentCapture.class).capture("reach me at jane@example.com"))
                        .isEqualTo("reach me at [email]"));
    }

    @Test
    void ruleAddedByPropertyRunsAfterTheBuiltInOnes() {
        this.runner
                .withPropertyValues("llamatrace.content-redaction.rules.order-id=ORD-\\d{6}")
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("ORD-123456 for jane@example.com"))
                        .isEqualTo("[order-id] for [email]"));
    }

    @Test
    void builtInRulesCanBeNarrowedOrTurnedOff() {
        this.runner
                .withPropertyValues("llamatrace.content-redaction.built-in-rules=phone")
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("jane@example.com, +33 1 23 45 67 89"))
                        .isEqualTo("jane@example.com, [phone]"));
        this.runner
                .withPropertyValues("llamatrace.content-redaction.built-in-rules=")
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("jane@example.com"))
                        .isEqualTo("jane@example.com"));
    }

    @Test
    void redactorBeansRunAfterTheRulesInOrder() {
        this.runner
                .withBean("second", ContentRedactor.class, () -> new Ordered(2, "[second]"))
                .withBean("first", ContentRedactor.class, () -> new Ordered(1, "[first]"))
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("jane@example.com"))
                        .isEqualTo("[email][first][second]"));
    }

    @Test
    void redactionComesBeforeTruncation() {
        this.runner.withPropertyValues("llamatrace.content-max-length=12").run((context) -> assertThat(
                        context.getBean(ContentCapture.class).capture("jane.doe@example.com wrote"))
                .isEqualTo("[email] wrot..."));
    }

    @Test
    void nothingIsRedactedWhenContentIsNotCaptured() {
        this.runner
                .withPropertyValues("llamatrace.capture-content=false")
                .withBean(ContentRedactor.class, () -> (text) -> {
                    throw new AssertionError("redacted with capture off");
                })
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("jane@example.com"))
                        .isNull());
    }

    @Test
    void aRedactorThatFailsHidesTheValueInsteadOfLeakingIt() {
        this.runner
                .withBean(ContentRedactor.class, () -> (text) -> {
                    throw new IllegalStateException("boom");
                })
                .run((context) -> assertThat(
                                context.getBean(ContentCapture.class).capture("secret"))
                        .isEqualTo("[redaction failed: java.lang.IllegalStateException]"));
    }

    @Test
    void aRuleThatDoesNotCompileFailsStartupNamingTheProperty() {
        this.runner
                .withPropertyValues("llamatrace.content-redaction.rules.order-id=ORD-(\\d+")
                .run((context) -> {
                    assertThat(context).hasFailed();
                    Throwable failure = context.getStartupFailure();
                    assertThat(failure)
                            .rootCause()
                            .isInstanceOf(InvalidLlamaTracePropertyException.class)
                            .hasMessageContaining("llamatrace.content-redaction.rules.order-id")
                            .hasMessageContaining("ORD-(\\d+");
                    FailureAnalysis analysis = new LlamaTracePropertyFailureAnalyzer().analyze(failure);
                    assertThat(analysis).isNotNull();
                    assertThat(analysis.getDescription()).contains("llamatrace.content-redaction.rules.order-id");
                });
    }

    @Test
    void anUnknownBuiltInRuleFailsStartupNamingTheProperty() {
        this.runner
                .withPropertyValues("llamatrace.content-redaction.built-in-rules=email,ssn")
                .run((context) -> assertThat(context.getStartupFailure())
                        .rootCause()
                        .isInstanceOf(InvalidLlamaTracePropertyException.class)
                        .hasMessageContaining("llamatrace.content-redaction.built-in-rules")
                        .hasMessageContaining("ssn"));
    }

    private record Ordered(int order, String suffix) implements ContentRedactor, org.springframework.core.Ordered {

        @Override
        public String redact(String text) {
            return text + this.suffix;
        }

        @Override
        public int getOrder() {
            return this.order;
        }
    }
}
