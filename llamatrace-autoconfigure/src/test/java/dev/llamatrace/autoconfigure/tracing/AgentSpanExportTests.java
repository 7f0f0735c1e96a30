package dev.llamatrace.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceAiServiceListeners;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceChatModelListener;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceLangChain4jAutoConfiguration;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.core.DispatcherRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * An AI service with a tool, exported through Boot's tracing: agent and tool spans carry the GenAI and OpenInference
 * attributes, and the tool's arguments and result only with content capture on.
 */
class AgentSpanExportTests {

    private final OpenAiStub stub = OpenAiStub.start();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ObservationAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class,
                    LlamaTraceAutoConfiguration.class,
                    LlamaTraceTracingAutoConfiguration.class,
                    LlamaTraceLangChain4jAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withBean(InMemorySpanExporter.class, InMemorySpanExporter::create)
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    @AfterEach
    void stopTheStub() {
        this.stub.close();
    }

    @Test
    void agentAndToolSpansCarryGenAiAttributesAndNoToolContentWhileCaptureIsOff() {
        this.runner.run((context) -> {
            assertThat(ask(context)).isEqualTo(OpenAiStub.ANSWER);

            List<SpanData> spans = exported(context, 4);
            SpanData agent = named(spans, "invoke_agent Assistant");
            // OpenInference keys only when asked for (llamatrace.tracing.open-inference).
            assertThat(attribute(agent, "openinference.span.kind")).isNull();
            assertThat(attribute(agent, "gen_ai.operation.name")).isEqualTo("invoke_agent");
            assertThat(attribute(agent, "gen_ai.agent.name")).isEqualTo("Assistant");
            SpanData tool = named(spans, "execute_tool weather");
            assertThat(tool.getParentSpanId()).isEqualTo(agent.getSpanId());
            assertThat(attribute(tool, "openinference.span.kind")).isNull();
            assertThat(attribute(tool, "gen_ai.operation.name")).isEqualTo("execute_tool");
            assertThat(attribute(tool, "gen_ai.tool.name")).isEqualTo("weather");
            assertThat(attribute(tool, "gen_ai.tool.call.id")).isEqualTo("call_1");
            assertThat(attribute(tool, "gen_ai.tool.type")).isEqualTo("function");
            assertThat(attribute(tool, "gen_ai.tool.call.arguments")).isNull();
            assertThat(attribute(tool, "gen_ai.tool.call.result")).isNull();
            assertThat(attribute(tool, "input.value")).isNull();
            assertThat(attribute(tool, "output.value")).isNull();
            assertThat(spans.stream().filter((span) -> span.getName().equals("chat gpt-4o-mini")))
                    .hasSize(2)
                    .allSatisfy((chat) -> assertThat(chat.getParentSpanId()).isEqualTo(agent.getSpanId()));
        });
    }

    @Test
    void toolArgumentsAndResultAreExportedWithContentCaptureOn() {
        this.runner
                .withPropertyValues("llamatrace.capture-content=true", "llamatrace.tracing.open-inference=true")
                .run((context) -> {
                    ask(context);

                    List<SpanData> spans = exported(context, 4);
                    assertThat(attribute(named(spans, "invoke_agent Assistant"), "openinference.span.kind"))
                            .isEqualTo("AGENT");
                    SpanData tool = named(spans, "execute_tool weather");
                    assertThat(attribute(tool, "openinference.span.kind")).isEqualTo("TOOL");
                    assertThat(attribute(tool, "tool.name")).isEqualTo("weather");
                    assertThat(attribute(tool, "gen_ai.tool.call.arguments")).isEqualTo("{\"city\":\"Paris\"}");
                    assertThat(attribute(tool, "gen_ai.tool.call.result")).isEqualTo("sunny in Paris");
                    assertThat(attribute(tool, "input.value")).isEqualTo("{\"city\":\"Paris\"}");
                    assertThat(attribute(tool, "output.value")).isEqualTo("sunny in Paris");
                });
    }

    private String ask(AssertableApplicationContext context) {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(OpenAiChatModel.builder()
                        .baseUrl(this.stub.baseUrl())
                        .apiKey("test-key")
                        .modelName("gpt-4o-mini")
                        .maxRetries(0)
                        .listeners(List.of(context.getBean(LlamaTraceChatModelListener.class)))
                        .build())
                .tools(new Weather())
                .registerListeners(
                        context.getBean(LlamaTraceAiServiceListeners.class).listeners())
                .build();
        return assistant.chat("Weather?");
    }

    private static List<SpanData> exported(AssertableApplicationContext context, int count) {
        context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
        List<SpanData> spans = context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
        assertThat(spans).hasSize(count);
        return spans;
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream()
                .filter((span) -> span.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No span " + name + " in " + spans));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    interface Assistant {

        String chat(String question);
    }

    static final class Weather {

        @Tool("Current weather of a city")
        String weather(String city) {
            return "sunny in " + city;
        }
    }
}
