package dev.llamatrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.DispatcherRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

class DemoApplicationTests {

    @Test
    void theDemoStillAnswersWithLlamatraceSwitchedOff() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DemoApplication.class)
                .run("--server.port=" + port, "--llamatrace.enabled=false", "--spring.main.banner-mode=off")) {
            // The registry stays injectable, but nothing listens to it.
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            assertThat(registry.root().hasEventHandlers()).isFalse();
            assertThat(registry.root().hasSpanHandlers()).isFalse();

            HttpResponse<String> response = ask(port, "How do I export traces to Zipkin?");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = DemoServer.JSON.readTree(response.body());
            assertThat(body.get("answer").asString()).contains("Zipkin");
            assertThat(body.get("sources").get(0).get("id").asString()).startsWith("export-zipkin#");
            assertThat(body.get("traceId").isNull()).isTrue();
        }
    }

    private static HttpResponse<String> ask(int port, String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
