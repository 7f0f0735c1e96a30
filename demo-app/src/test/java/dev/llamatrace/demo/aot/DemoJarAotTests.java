package dev.llamatrace.demo.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executable jar, built with Spring AOT processing ({@code process-aot}), started as a user starts it with
 * {@code java -Dspring.aot.enabled=true -jar}, answers a question over HTTP and traces it; and the build wrote the
 * runtime hints a native image needs for llamatrace. Runs in {@code integration-test}, after {@code package} made the
 * jar.
 */
class DemoJarAotTests {

    private static final Path TARGET = Path.of("target");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path log = TARGET.resolve("demo-aot.log");

    private Process demo;

    @AfterEach
    void stopTheDemo() throws InterruptedException {
        if (this.demo != null) {
            this.demo.destroy();
            if (!this.demo.waitFor(30, TimeUnit.SECONDS)) {
                this.demo.destroyForcibly();
            }
        }
    }

    @Test
    void aotProcessedJarAnswersAQuestionAndTracesIt() throws Exception {
        int port = freePort();
        this.demo = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dspring.aot.enabled=true",
                        "-jar",
                        jar().toString(),
                        "--server.port=" + port,
                        "--spring.main.banner-mode=off")
                .redirectErrorStream(true)
                .redirectOutput(this.log.toFile())
                .start();

        // Connection refused until the server is up, 503 until the index is built; a demo that died fails at once.
        HttpResponse<String> answer = await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> askWhileRunning(port), (response) -> response.statusCode() != 503);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(answer.body());
        assertThat(body.get("answer").asString()).contains("Zipkin");
        String traceId = body.get("traceId").asString();
        HttpResponse<String> trace = get(port, "/actuator/llamatrace/traces/" + traceId);
        assertThat(trace.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(trace.body()).get("root").get("name").asString())
                .isEqualTo("QueryEngine.query");
        assertThat(Files.readString(this.log)).contains("Starting AOT-processed DemoApplication");
    }

    @Test
    void aotProcessingWroteLlamatracesRuntimeHints() throws IOException {
        Path metadata = TARGET.resolve(
                "spring-aot/main/resources/META-INF/native-image/dev.llamatrace/demo-app/reachability-metadata.json");
        JsonNode hints = JSON.readTree(Files.readString(metadata));
        List<String> types = hints.get("reflection")
                .valueStream()
                .map((hint) -> hint.path("type").asString())
                .toList();
        List<String> resources = hints.get("resources")
                .valueStream()
                .map((hint) -> hint.path("glob").asString())
                .toList();
        assertThat(types)
                .contains(
                        "dev.llamatrace.autoconfigure.endpoint.LlamaTraceDescriptors$Trace",
                        "dev.llamatrace.autoconfigure.endpoint.LlamaTraceDescriptors$SpanNode",
                        "reactor.core.publisher.Mono");
        assertThat(resources).contains("com/knuddels/jtokkit/*.tiktoken");
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> jars = files.filter(
                            (file) -> file.getFileName().toString().matches("demo-app-.*\\.jar"))
                    .toList();
            assertThat(jars).as("the executable jar in target/").hasSize(1);
            return jars.get(0);
        }
    }

    private HttpResponse<String> askWhileRunning(int port) throws IOException, InterruptedException {
        if (!this.demo.isAlive()) {
            throw new IllegalStateException(
                    "The demo exited with " + this.demo.exitValue() + ":\n" + Files.readString(this.log));
        }
        return ask(port, "How do I export traces to Zipkin?");
    }

    private HttpResponse<String> ask(int port, String question) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": \"" + question + "\"}"))
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
