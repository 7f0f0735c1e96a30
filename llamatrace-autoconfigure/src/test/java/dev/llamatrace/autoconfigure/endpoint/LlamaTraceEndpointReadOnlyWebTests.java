package dev.llamatrace.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** With {@code management.endpoint.llamatrace.access=read-only} the endpoint answers reads and refuses the reset. */
@SpringBootTest(
        classes = LlamaTraceEndpointWebTests.App.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=llamatrace",
            "management.endpoint.llamatrace.access=read-only",
            "spring.ai.openai.api-key=unused",
            "management.otlp.metrics.export.enabled=false",
            "management.tracing.export.enabled=false"
        })
@DirtiesContext
class LlamaTraceEndpointReadOnlyWebTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private LlamaTraceEndpointWebTests.RagService rag;

    @Test
    void deleteIsRefusedAndTheCountsStay() throws Exception {
        this.rag.answer("What is the capital of France?");
        int before = JsonPath.read(send("GET").body(), "$.tokens.total");
        assertThat(before).isPositive();
        assertThat(send("DELETE").statusCode()).isEqualTo(405);
        HttpResponse<String> after = send("GET");
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(after.body(), "$.tokens.total")).isEqualTo(before);
    }

    private HttpResponse<String> send(String method) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + this.port + "/actuator/llamatrace"))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
