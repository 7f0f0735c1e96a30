package dev.llamatrace.autoconfigure.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.support.ExportedApplication;
import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.EvaluationEvent;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Evaluation results dispatched inside a {@code @LlamaSpan} method around a Spring AI call against a local stub, in an
 * application exporting over OTLP: each arrives as a {@code gen_ai.evaluation.result} event of the method's span, with
 * the GenAI attributes (the explanation only with content capture on), and its score in
 * {@code llamatrace.evaluation.score}.
 */
class EvaluationExportTests {

    private static final String METHOD_SPAN = "JudgedService.answer";

    @RegisterExtension
    final ExportedApplication application = new ExportedApplication(EvaluatedApplication.class);

    @Test
    void resultsAreSpanEventsOfTheEvaluatedSpanWithTheirAttributesButNoExplanation() {
        this.application.run(List.of(), (context) -> {
            context.getBean(JudgedService.class).answer("Hi");
            DistributionSummary scores = context.getBean(MeterRegistry.class)
                    .get("llamatrace.evaluation.score")
                    .tag("gen_ai.evaluation.name", "relevance")
                    .summary();
            assertThat(scores.count()).isEqualTo(1);
            assertThat(scores.totalAmount()).isEqualTo(75.0);
        });
        Received method = this.application.awaitSpan(METHOD_SPAN, (span) -> true);
        List<Span.Event> events = method.span().getEventsList().stream()
                .filter((event) -> event.getName().equals("gen_ai.evaluation.result"))
                .toList();
        assertThat(events).hasSize(2);
        Map<String, AnyValue> relevance = attributes(events.get(0));
        assertThat(relevance.get("gen_ai.evaluation.name").getStringValue()).isEqualTo("relevance");
        assertThat(relevance.get("gen_ai.evaluation.score.value").getDoubleValue())
                .isEqualTo(0.75);
        assertThat(relevance.get("gen_ai.evaluation.score.label").getStringValue())
                .isEqualTo("relevant");
        assertThat(relevance.get("gen_ai.response.id").getStringValue()).isEqualTo("chatcmpl-123");
        assertThat(relevance).doesNotContainKey("gen_ai.evaluation.explanation");
        Map<String, AnyValue> tone = attributes(events.get(1));
        assertThat(tone.get("gen_ai.evaluation.name").getStringValue()).isEqualTo("tone");
        assertThat(tone).doesNotContainKey("gen_ai.evaluation.score.value");
        assertThat(tone.get("gen_ai.evaluation.score.label").getStringValue()).isEqualTo("polite");
    }

    @Test
    void withContentCaptureTheExplanationIsExportedRedactedAndCut() {
        this.application.run(
                List.of("--llamatrace.capture-content=true", "--llamatrace.content-max-length=40"),
                (context) -> context.getBean(JudgedService.class).answer("Hi"));
        Received method = this.application.awaitSpan(METHOD_SPAN, (span) -> true);
        Map<String, AnyValue> relevance =
                attributes(method.span().getEventsList().get(0));
        assertThat(relevance.get("gen_ai.evaluation.explanation").getStringValue())
                .startsWith("Mentions [email] and")
                .doesNotContain("ada@example.com")
                .endsWith("...")
                .hasSize(43);
    }

    private static Map<String, AnyValue> attributes(Span.Event event) {
        return event.getAttributesList().stream().collect(Collectors.toMap(KeyValue::getKey, KeyValue::getValue));
    }

    /** Answers with a Spring AI model, then judges the answer inside its own span. */
    static class JudgedService {

        private final ChatModel chatModel;

        private final Dispatcher dispatcher;

        JudgedService(ChatModel chatModel, DispatcherRegistry registry) {
            this.chatModel = chatModel;
            this.dispatcher = registry.get("com.example.judge");
        }

        @LlamaSpan
        public String answer(String question) {
            String answer = this.chatModel.call(question);
            this.dispatcher.event(EvaluationEvent.named("relevance")
                    .score(0.75)
                    .label("relevant")
                    .explanation("Mentions ada@example.com and the question, at length: " + "x".repeat(200))
                    .responseId("chatcmpl-123")
                    .build());
            this.dispatcher.event(EvaluationEvent.named("tone").label("polite").build());
            return answer;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class EvaluatedApplication {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        JudgedService judgedService(ChatModel chatModel, DispatcherRegistry registry) {
            return new JudgedService(chatModel, registry);
        }
    }
}
