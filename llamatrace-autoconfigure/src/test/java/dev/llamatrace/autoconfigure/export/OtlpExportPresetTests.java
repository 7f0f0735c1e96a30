package dev.llamatrace.autoconfigure.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.OtlpReceiver;
import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import dev.llamatrace.core.DispatcherRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs a Spring Boot application with the Phoenix preset pointed at an OTLP/HTTP receiver inside the test, so the
 * export goes through Boot's own OpenTelemetry exporter over HTTP and is decoded with {@code opentelemetry-proto}.
 */
class OtlpExportPresetTests {

    @Test
    void phoenixPresetExportsTheTraceOfAChatClientCallToTheOtlpEndpoint() throws Exception {
        try (OpenAiStub stub = new OpenAiStub();
                OtlpReceiver receiver = new OtlpReceiver()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--llamatrace.export.phoenix.enabled=true",
                            "--llamatrace.export.phoenix.endpoint=" + receiver.endpoint(),
                            "--llamatrace.export.phoenix.project-name=rag-app",
                            "--llamatrace.export.phoenix.api-key=phx-test",
                            "--spring.ai.openai.base-url=" + stub.baseUrl(),
                            "--spring.ai.openai.api-key=test-key",
                            "--spring.ai.openai.max-retries=0",
                            "--spring.ai.openai.chat.model=gpt-4o-mini",
                            "--management.otlp.metrics.export.enabled=false");
            try {
                ChatClient client = context.getBean(ChatClient.Builder.class).build();
                assertThat(client.prompt("Hi").call().content()).isEqualTo(OpenAiStub.ANSWER);
            } finally {
                // Closing shuts the SDK down, which flushes the batch processor.
                context.close();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.spans().stream()
                    .anyMatch((span) -> span.name().equals("chat gpt-4o-mini")));
            assertThat(receiver.headers())
                    .containsEntry("authorization", "Bearer phx-test")
                    .containsEntry("x-project-name", "rag-app");
            Map<ByteString, Received> byId = receiver.spans().stream()
                    .collect(Collectors.toMap((span) -> span.span().getSpanId(), Function.identity()));
            Received chat = receiver.spans().stream()
                    .filter((span) -> span.name().equals("chat gpt-4o-mini"))
                    .findFirst()
                    .orElseThrow();
            assertThat(chat.resourceAttribute("openinference.project.name")).isEqualTo("rag-app");
            assertThat(chat.attribute("gen_ai.request.model")).isEqualTo("gpt-4o-mini");
            // The model span hangs, through the advisor spans, under the ChatClient span, all in one trace.
            Received root = chat;
            while (!root.span().getParentSpanId().isEmpty()) {
                Received parent = byId.get(root.span().getParentSpanId());
                assertThat(parent).as("parent of %s", root.name()).isNotNull();
                assertThat(parent.span().getTraceId()).isEqualTo(chat.span().getTraceId());
                root = parent;
            }
            assertThat(root).isNotSameAs(chat);
            assertThat(root.attribute("spring.ai.kind")).isEqualTo("chat_client");
        }
    }

    @Test
    void langfusePresetExportsToTheOtelPathBelowTheHostWithBasicAuthFromTheKeys() throws Exception {
        try (OpenAiStub stub = new OpenAiStub();
                OtlpReceiver receiver = new OtlpReceiver()) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TracedApplication.class)
                    .web(WebApplicationType.NONE)
                    .run(
                            "--llamatrace.export.langfuse.enabled=true",
                            "--llamatrace.export.langfuse.host=" + receiver.baseUrl() + "/",
                            "--llamatrace.export.langfuse.public-key=pk-lf-test",
                            "--llamatrace.export.langfuse.secret-key=sk-lf-test",
                            "--spring.ai.openai.base-url=" + stub.baseUrl(),
                            "--spring.ai.openai.api-key=test-key",
                            "--spring.ai.openai.max-retries=0",
                            "--spring.ai.openai.chat.model=gpt-4o-mini",
                            "--management.otlp.metrics.export.enabled=false");
            try {
                ChatClient client = context.getBean(ChatClient.Builder.class).build();
                assertThat(client.prompt("Hi").call().content()).isEqualTo(OpenAiStub.ANSWER);
            } finally {
                context.close();
            }

            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.spans().stream()
                    .anyMatch((span) -> span.name().equals("chat gpt-4o-mini")));
            assertThat(receiver.paths()).isNotEmpty().containsOnly("/api/public/otel/v1/traces");
            String basic = Base64.getEncoder().encodeToString("pk-lf-test:sk-lf-test".getBytes(StandardCharsets.UTF_8));
            assertThat(receiver.headers()).containsEntry("authorization", "Basic " + basic);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TracedApplication {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }
    }
}
