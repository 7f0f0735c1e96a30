package dev.llamatrace.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the HTTP-level tests: the whole demo on a real port, driven by the JDK HTTP client.
 *
 * <p>The demo's Spring AI client calls the demo's own {@code /v1} endpoints at {@code server.port}, so the port must be
 * known before the context starts; a random port from {@code 0} is known only after. The port is therefore picked
 * here, once per JVM (the same properties keep one shared context for every test class).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DemoServer {

    private static final int PORT = freePort();

    /** JSON reader for responses. */
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @LocalServerPort
    private int port;

    @DynamicPropertySource
    static void serverPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    /**
     * Sends a request to the demo.
     *
     * @param request the request, with a path-only URI
     * @return the response
     */
    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Starts a request to a path of the demo.
     *
     * @param path e.g. {@code /api/ask}
     * @return the request builder
     */
    protected HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    }

    /**
     * Returns the URI of a path of the demo.
     *
     * @param path the path
     * @return the URI
     */
    protected URI uri(String path) {
        return URI.create("http://localhost:" + this.port + path);
    }

    /**
     * POSTs a JSON body.
     *
     * @param path the path
     * @param json the body
     * @return the response
     */
    protected HttpResponse<String> postJson(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /**
     * GETs a path.
     *
     * @param path the path
     * @return the response
     */
    protected HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    /**
     * Parses a JSON response body.
     *
     * @param response the response
     * @return the JSON tree
     */
    protected static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
