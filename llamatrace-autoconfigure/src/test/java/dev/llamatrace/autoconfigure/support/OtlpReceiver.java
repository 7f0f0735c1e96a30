package dev.llamatrace.autoconfigure.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP trace receiver for tests: accepts {@code POST /v1/traces} with a protobuf
 * {@code ExportTraceServiceRequest}, decodes it with {@code opentelemetry-proto} and keeps the spans, their resource
 * attributes and the request headers.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;

    private final List<Received> spans = new CopyOnWriteArrayList<>();

    private final Map<String, String> headers = new ConcurrentHashMap<>();

    private final List<String> paths = new CopyOnWriteArrayList<>();

    /**
     * Starts the receiver on a free local port.
     *
     * @throws IOException when the port cannot be bound
     */
    public OtlpReceiver() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/v1/traces", this::handle);
        // Langfuse's path, below its base URL.
        this.server.createContext("/api/public/otel/v1/traces", this::handle);
        this.server.start();
    }

    /**
     * Returns the trace endpoint URL.
     *
     * @return the URL
     */
    public String endpoint() {
        return baseUrl() + "/v1/traces";
    }

    /**
     * Returns the base URL, for backends whose trace endpoint lies below a path of their own.
     *
     * @return the URL, without a trailing slash
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort();
    }

    /**
     * Returns the request paths traces were posted to, in order.
     *
     * @return the paths
     */
    public List<String> paths() {
        return this.paths;
    }

    /**
     * Returns the spans received so far.
     *
     * @return the spans
     */
    public List<Received> spans() {
        return this.spans;
    }

    /**
     * Returns the last value received of each request header, by lower-case name.
     *
     * @return the headers
     */
    public Map<String, String> headers() {
        return this.headers;
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            this.paths.add(exchange.getRequestURI().getPath());
            exchange.getRequestHeaders().forEach((name, values) -> this.headers.put(name.toLowerCase(), values.get(0)));
            InputStream body = exchange.getRequestBody();
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                body = new GZIPInputStream(body);
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resourceSpans : request.getResourceSpansList()) {
                List<KeyValue> resource = resourceSpans.getResource().getAttributesList();
                for (ScopeSpans scopeSpans : resourceSpans.getScopeSpansList()) {
                    for (Span span : scopeSpans.getSpansList()) {
                        this.spans.add(new Received(span, resource));
                    }
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(response);
            }
        }
    }

    /**
     * A received span with the attributes of the resource it came with.
     *
     * @param span the span
     * @param resource the resource attributes
     */
    public record Received(Span span, List<KeyValue> resource) {

        /**
         * Returns the span name.
         *
         * @return the name
         */
        public String name() {
            return this.span.getName();
        }

        /**
         * Returns a string attribute of the span.
         *
         * @param key the attribute key
         * @return the value, or {@code null}
         */
        public String attribute(String key) {
            return find(this.span.getAttributesList(), key);
        }

        /**
         * Returns a string attribute of the resource.
         *
         * @param key the attribute key
         * @return the value, or {@code null}
         */
        public String resourceAttribute(String key) {
            return find(this.resource, key);
        }

        private static String find(List<KeyValue> attributes, String key) {
            for (KeyValue attribute : attributes) {
                if (attribute.getKey().equals(key)) {
                    return attribute.getValue().hasStringValue()
                            ? attribute.getValue().getStringValue()
                            : attribute.getValue().toString().trim();
                }
            }
            return null;
        }
    }
}
