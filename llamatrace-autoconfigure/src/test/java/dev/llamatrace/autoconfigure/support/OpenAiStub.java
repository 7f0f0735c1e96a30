package dev.llamatrace.autoconfigure.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible HTTP server for tests, on a free local port: {@code POST /v1/chat/completions} (JSON, or SSE
 * when the request streams; the usage chunk only when the request asks for it with
 * {@code stream_options.include_usage}, as OpenAI does), a tool call (streamed when the request streams; usage
 * {@link #TOOL_CALL_USAGE}) when the request offers tools and carries no tool result yet, an HTTP 500 when a message
 * contains {@value #FAIL}, and {@code POST /v1/embeddings} (a small vector
 * per input, derived from the words "cat" and "dog" so similarity search has something to rank; usage
 * {@link #EMBEDDING_USAGE}, or 0 when a text contains {@value #NO_USAGE}).
 */
public final class OpenAiStub implements AutoCloseable {

    /** A message containing this text makes the stub answer with an HTTP 500. */
    public static final String FAIL = "please-fail";

    /** The answer of a non-streamed chat call. */
    public static final String ANSWER = "Hello from stub";

    /** The chunks of a streamed answer, in order. */
    public static final List<String> STREAM_CHUNKS = List.of("Hello", " stream");

    /** Usage reported for a non-streamed call: prompt, completion. */
    public static final int[] CALL_USAGE = {11, 4};

    /**
     * The details of a non-streamed call's usage: cached prompt tokens ({@code prompt_tokens_details.cached_tokens}),
     * reasoning completion tokens ({@code completion_tokens_details.reasoning_tokens}); parts of {@link #CALL_USAGE}.
     */
    public static final int[] CALL_USAGE_DETAILS = {6, 3};

    /** Usage reported in the final chunk of a stream that asked for it: prompt, completion. */
    public static final int[] STREAM_USAGE = {9, 2};

    /** Usage reported for the model round that answers with a tool call (streamed or not): prompt, completion. */
    public static final int[] TOOL_CALL_USAGE = {20, 7};

    /** Usage reported for the embeddings of one request, whatever its texts. */
    public static final int EMBEDDING_USAGE = 5;

    /** An embedding request with a text containing this gets a usage of 0 tokens, so the tokenizer counts its texts. */
    public static final String NO_USAGE = "no-usage";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String CHUNK_HEAD =
            "\"id\":\"chatcmpl-456\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,\"model\":\"gpt-4o-mini-2024-07-18\"";

    private final HttpServer server;

    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();

    /**
     * Starts the stub.
     *
     * @throws IOException when the port cannot be bound
     */
    public OpenAiStub() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        this.server.createContext("/", this::handle);
        this.server.start();
    }

    /**
     * Starts a stub for a field initializer or extension, where a checked exception cannot be thrown.
     *
     * @return the started stub
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static OpenAiStub start() {
        try {
            return new OpenAiStub();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /**
     * Returns the base URL clients use, ending in {@code /v1}.
     *
     * @return the base URL
     */
    public String baseUrl() {
        return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/v1";
    }

    /**
     * Returns the JSON bodies received, in order.
     *
     * @return the requests
     */
    public List<JsonNode> requests() {
        return this.requests;
    }

    @Override
    public void close() {
        this.server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonNode request = JSON.readTree(body);
            this.requests.add(request);
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/chat/completions")) {
                chat(exchange, request, body);
            } else if (path.endsWith("/embeddings")) {
                embeddings(exchange, request);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void chat(HttpExchange exchange, JsonNode request, String body) throws IOException {
        if (body.contains(FAIL)) {
            json(exchange, 500, "{\"error\":{\"message\":\"stub failure\",\"type\":\"server_error\"}}");
            return;
        }
        boolean offersTools = request.has("tools") && !request.get("tools").isEmpty();
        boolean hasToolResult = false;
        for (JsonNode message : request.path("messages")) {
            hasToolResult |= "tool".equals(message.path("role").asString());
        }
        boolean streams = request.path("stream").asBoolean(false);
        boolean includeUsage =
                request.path("stream_options").path("include_usage").asBoolean(false);
        if (offersTools && !hasToolResult && streams) {
            String tool =
                    request.get("tools").get(0).get("function").get("name").asString();
            sseToolCall(exchange, tool, includeUsage);
            return;
        }
        if (offersTools && !hasToolResult) {
            String tool =
                    request.get("tools").get(0).get("function").get("name").asString();
            json(
                    exchange,
                    200,
                    """
                    {"id":"chatcmpl-tool","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
                     "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                       {"id":"call_1","type":"function","function":{"name":"%s","arguments":"{\\"city\\":\\"Paris\\"}"}}]},
                       "logprobs":null,"finish_reason":"tool_calls"}],
                     "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
                    """
                            .formatted(
                                    tool,
                                    TOOL_CALL_USAGE[0],
                                    TOOL_CALL_USAGE[1],
                                    TOOL_CALL_USAGE[0] + TOOL_CALL_USAGE[1]));
            return;
        }
        if (streams) {
            sse(exchange, includeUsage);
            return;
        }
        json(
                exchange,
                200,
                """
                {"id":"chatcmpl-123","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"%s"},"logprobs":null,"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d,
                  "prompt_tokens_details":{"cached_tokens":%d},"completion_tokens_details":{"reasoning_tokens":%d}}}
                """
                        .formatted(
                                ANSWER,
                                CALL_USAGE[0],
                                CALL_USAGE[1],
                                CALL_USAGE[0] + CALL_USAGE[1],
                                CALL_USAGE_DETAILS[0],
                                CALL_USAGE_DETAILS[1]));
    }

    private static void embeddings(HttpExchange exchange, JsonNode request) throws IOException {
        List<String> inputs = new ArrayList<>();
        JsonNode input = request.get("input");
        if (input.isArray()) {
            input.forEach((node) -> inputs.add(node.asString()));
        } else {
            inputs.add(input.asString());
        }
        int usage = inputs.stream().anyMatch((text) -> text.contains(NO_USAGE)) ? 0 : EMBEDDING_USAGE;
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < inputs.size(); i++) {
            String text = inputs.get(i).toLowerCase();
            data.append((i > 0) ? "," : "")
                    .append("{\"object\":\"embedding\",\"index\":")
                    .append(i)
                    .append(",\"embedding\":[")
                    .append(text.contains("cat") ? 1.0 : 0.0)
                    .append(',')
                    .append(text.contains("dog") ? 1.0 : 0.0)
                    .append(",0.1]}");
        }
        json(
                exchange,
                200,
                """
                {"object":"list","data":[%s],"model":"text-embedding-3-small","usage":{"prompt_tokens":%d,"total_tokens":%d}}
                """
                        .formatted(data, usage, usage));
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sse(HttpExchange exchange, boolean includeUsage) throws IOException {
        List<String> events = new ArrayList<>();
        events.add(chunk("{\"role\":\"assistant\",\"content\":\"\"}", "null"));
        for (String text : STREAM_CHUNKS) {
            events.add(chunk("{\"content\":\"" + text + "\"}", "null"));
        }
        events.add(chunk("{}", "\"stop\""));
        if (includeUsage) {
            events.add("{" + CHUNK_HEAD + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + STREAM_USAGE[0]
                    + ",\"completion_tokens\":" + STREAM_USAGE[1] + ",\"total_tokens\":"
                    + (STREAM_USAGE[0] + STREAM_USAGE[1]) + "}}");
        }
        send(exchange, events);
    }

    private static void send(HttpExchange exchange, List<String> events) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event : events) {
                out.write(("data: " + event + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    /** Streams the same tool call as the blocking answer: a name chunk, an arguments chunk, then the finish. */
    private static void sseToolCall(HttpExchange exchange, String tool, boolean includeUsage) throws IOException {
        List<String> events = new ArrayList<>();
        events.add(chunk(
                "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"index\":0,\"id\":\"call_1\","
                        + "\"type\":\"function\",\"function\":{\"name\":\"" + tool + "\",\"arguments\":\"\"}}]}",
                "null"));
        events.add(chunk(
                "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"city\\\":\\\"Paris\\\"}\"}}]}",
                "null"));
        events.add(chunk("{}", "\"tool_calls\""));
        if (includeUsage) {
            events.add("{" + CHUNK_HEAD + ",\"choices\":[],\"usage\":{\"prompt_tokens\":" + TOOL_CALL_USAGE[0]
                    + ",\"completion_tokens\":" + TOOL_CALL_USAGE[1] + ",\"total_tokens\":"
                    + (TOOL_CALL_USAGE[0] + TOOL_CALL_USAGE[1]) + "}}");
        }
        send(exchange, events);
    }

    private static String chunk(String delta, String finishReason) {
        return "{" + CHUNK_HEAD + ",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + finishReason + "}]}";
    }
}
