package dev.llamatrace.autoconfigure.propagation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.ByteString;
import dev.llamatrace.autoconfigure.support.OtlpReceiver;
import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.trace.SimpleSpan;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import dev.llamatrace.core.trace.TraceTree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Two applications, each with its own registry as two processes would have, talking over a real port: the server's
 * spans are children of the client's span in its trace trees and in the traces both export, and the client's tags
 * reach the server; Micrometer Tracing's W3C header travels beside llamatrace's.
 */
class HttpPropagationRoundTripTests {

    private OtlpReceiver receiver;

    private ConfigurableApplicationContext server;

    private ConfigurableApplicationContext client;

    @BeforeEach
    void start() throws Exception {
        this.receiver = new OtlpReceiver();
        this.server = new SpringApplicationBuilder(ServerApplication.class)
                .web(WebApplicationType.SERVLET)
                .run(arguments("--server.port=0", "--spring.application.name=server"));
        this.client = new SpringApplicationBuilder(ClientApplication.class)
                .web(WebApplicationType.NONE)
                .run(arguments("--spring.application.name=client"));
    }

    @AfterEach
    void stop() {
        if (this.client != null) {
            this.client.close();
        }
        if (this.server != null) {
            this.server.close();
        }
        this.receiver.close();
    }

    @Test
    void aRestClientCallContinuesTheCallersTraceOnTheServer() {
        RestClient restClient = this.client
                .getBean(RestClient.Builder.class)
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl(serverUrl())
                .build();
        String clientSpanId =
                callInsideASpan(() -> restClient.get().uri("/work").retrieve().body(String.class));
        assertContinuedOnTheServer(clientSpanId);
    }

    @Test
    void aWebClientCallContinuesTheCallersTraceOnTheServer() {
        WebClient webClient = this.client
                .getBean(WebClient.Builder.class)
                .clientConnector(new JdkClientHttpConnector())
                .baseUrl(serverUrl())
                .build();
        String clientSpanId = callInsideASpan(() ->
                webClient.get().uri("/work").retrieve().bodyToMono(String.class).block());
        assertContinuedOnTheServer(clientSpanId);
    }

    @Test
    void withoutAnActiveSpanOrTagsNoHeaderIsSent() {
        String answer = this.client
                .getBean(RestClient.Builder.class)
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl(serverUrl())
                .build()
                .get()
                .uri("/work")
                .retrieve()
                .body(String.class);
        assertThat(answer).isEqualTo("done");
        assertThat(this.server.getBean(Work.class).headers).doesNotContainKey(HttpPropagation.HEADER);
        assertThat(serverSpans().traces()).singleElement().satisfies((tree) -> {
            assertThat(tree.root().span().name()).isEqualTo("Server.handle");
            assertThat(tree.missingParentId()).isNull();
        });
    }

    private String callInsideASpan(Supplier<String> call) {
        Dispatcher app = this.client.getBean(DispatcherRegistry.class).get("client.app");
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("user", "u-1"))) {
            return app.span("Client.call", () -> {
                assertThat(call.get()).isEqualTo("done");
                return TraceContext.currentSpanId();
            });
        }
    }

    private void assertContinuedOnTheServer(String clientSpanId) {
        Work work = this.server.getBean(Work.class);
        assertThat(work.headers).containsKeys(HttpPropagation.HEADER, "traceparent");

        TraceTree serverTree = serverSpans().traces().get(0);
        SimpleSpan handle = serverTree.root().span();
        assertThat(handle.name()).isEqualTo("Server.handle");
        assertThat(serverTree.missingParentId()).isEqualTo(clientSpanId);
        assertThat(handle.tags()).containsEntry("user", "u-1");
        assertThat(serverTree.root().children())
                .singleElement()
                .satisfies((node) -> assertThat(node.span().name()).isEqualTo("Server.retrieve"));
        assertThat(work.tagsSeen).containsEntry("user", "u-1");

        Received exportedClient = awaitSpan("Client.call");
        Received exportedServer = awaitSpan("Server.handle");
        assertThat(exportedServer.span().getTraceId())
                .isEqualTo(exportedClient.span().getTraceId());
        assertThat(ancestorsOf(exportedServer)).contains(exportedClient.span().getSpanId());
        assertThat(exportedServer.attribute("llamatrace.span.parent_id")).isEqualTo(clientSpanId);
    }

    private SimpleSpanHandler serverSpans() {
        return this.server.getBean(SimpleSpanHandler.class);
    }

    private String serverUrl() {
        return "http://localhost:"
                + ((WebServerApplicationContext) this.server).getWebServer().getPort();
    }

    private String[] arguments(String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--management.opentelemetry.tracing.export.otlp.endpoint=" + this.receiver.endpoint(),
                "--management.tracing.sampling.probability=1.0",
                "--management.otlp.metrics.export.enabled=false",
                "--spring.ai.openai.api-key=unused"));
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    private Received awaitSpan(String name) {
        await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.spans().stream()
                .anyMatch((span) -> span.name().equals(name)));
        return this.receiver.spans().stream()
                .filter((span) -> span.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<ByteString> ancestorsOf(Received span) {
        List<ByteString> ancestors = new ArrayList<>();
        ByteString parentId = span.span().getParentSpanId();
        while (!parentId.isEmpty() && ancestors.size() < 16) {
            ancestors.add(parentId);
            ByteString id = parentId;
            await().atMost(Duration.ofSeconds(10)).until(() -> this.receiver.spans().stream()
                    .anyMatch((candidate) -> candidate.span().getSpanId().equals(id)));
            parentId = this.receiver.spans().stream()
                    .filter((candidate) -> candidate.span().getSpanId().equals(id))
                    .map((candidate) -> candidate.span().getParentSpanId())
                    .findFirst()
                    .orElseThrow();
        }
        return ancestors;
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ServerApplication {

        @Bean
        DispatcherRegistry serverRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        Work work(DispatcherRegistry registry) {
            return new Work(registry.get("server.app"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class ClientApplication {

        @Bean
        DispatcherRegistry clientRegistry() {
            return new DispatcherRegistry();
        }
    }

    @RestController
    static class Work {

        final Map<String, String> headers = new ConcurrentHashMap<>();

        final Map<String, Object> tagsSeen = new ConcurrentHashMap<>();

        private final Dispatcher dispatcher;

        Work(Dispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @GetMapping("/work")
        String work(@RequestHeader Map<String, String> headers) {
            this.headers.putAll(headers);
            this.tagsSeen.putAll(TraceContext.currentTags());
            return this.dispatcher.span("Server.handle", () -> this.dispatcher.span("Server.retrieve", () -> "done"));
        }
    }
}
