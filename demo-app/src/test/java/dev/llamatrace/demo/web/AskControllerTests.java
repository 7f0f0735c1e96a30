package dev.llamatrace.demo.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.demo.DemoServer;
import dev.llamatrace.demo.ServerSentEvents;
import dev.llamatrace.demo.ServerSentEvents.Sse;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

class AskControllerTests extends DemoServer {

    private static final String ZIPKIN = "How do I export traces to Zipkin?";

    @Test
    void askAnswersFromTheGuideWithScoredSources() {
        HttpResponse<String> response = ask(ZIPKIN);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("answer").asString())
                .contains("Zipkin")
                .contains("opentelemetry-exporter-zipkin")
                .contains("endpoint: http://localhost:9411/api/v2/spans");
        JsonNode sources = body.get("sources");
        assertThat(sources).hasSize(3);
        assertThat(sources.get(0).get("id").asString()).startsWith("export-zipkin#");
        double best = sources.get(0).get("score").asDouble();
        assertThat(best).isBetween(0.3, 1.0);
        assertThat(sources.get(1).get("score").asDouble()).isLessThanOrEqualTo(best);
    }

    @Test
    void aConversationAndUserAreCarriedBackAndListTheirTraces() {
        String conversationId = "conv-" + System.nanoTime();
        HttpResponse<String> response = send(jsonPost("{\"question\": " + JSON.writeValueAsString(ZIPKIN)
                        + ", \"conversationId\": \"" + conversationId + "\"}")
                .header(AskLimits.USER_HEADER, "user-7"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("conversationId").asString()).isEqualTo(conversationId);
        assertThat(body.get("userId").asString()).isEqualTo("user-7");
        String traceId = body.get("traceId").asString();
        JsonNode traces = json(get("/actuator/llamatrace/traces?conversation=" + conversationId));
        assertThat(traces).hasSize(1);
        assertThat(traces.get(0).get("id").asString()).isEqualTo(traceId);
        assertThat(traces.get(0).get("userId").asString()).isEqualTo("user-7");
        JsonNode totals = json(get("/actuator/llamatrace/conversations/" + conversationId));
        assertThat(totals.get("llmCalls").asInt()).isEqualTo(1);
        assertThat(totals.get("totalTokens").asInt()).isPositive();
        assertThat(totals.get("userIds").get(0).asString()).isEqualTo("user-7");
    }

    @Test
    void aQuestionWithoutConversationNamesNone() {
        JsonNode body = json(ask(ZIPKIN));
        assertThat(body.get("conversationId").isNull()).isTrue();
        assertThat(body.get("userId").isNull()).isTrue();
    }

    @Test
    void streamCarriesTheConversationIntoItsDoneEvent() {
        HttpResponse<String> response =
                send(request("/api/ask/stream?conversationId=c-stream&question=" + encode(ZIPKIN))
                        .header(AskLimits.USER_HEADER, "user-8")
                        .GET());

        List<Sse> events = ServerSentEvents.parse(response.body());
        JsonNode done = JSON.readTree(events.get(events.size() - 1).data());
        assertThat(done.get("conversationId").asString()).isEqualTo("c-stream");
        assertThat(done.get("userId").asString()).isEqualTo("user-8");
    }

    @Test
    void askIsDeterministic() {
        String first = json(ask("What does the token counting handler count?"))
                .get("answer")
                .asString();
        String second = json(ask("What does the token counting handler count?"))
                .get("answer")
                .asString();

        assertThat(first).isEqualTo(second).containsIgnoringCase("token");
    }

    @Test
    void aQuestionOfExactlyTheMaximumLengthIsAnswered() {
        String question = ZIPKIN + " " + "x".repeat(AskLimits.MAX_QUESTION_LENGTH - ZIPKIN.length() - 1);

        assertThat(question).hasSize(AskLimits.MAX_QUESTION_LENGTH);
        assertThat(ask(question).statusCode()).isEqualTo(200);
    }

    @Test
    void streamSendsSourcesThenTheAnswerInChunksThenDone() {
        HttpResponse<String> response = get("/api/ask/stream?question=" + encode(ZIPKIN));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
        List<Sse> events = ServerSentEvents.parse(response.body());
        assertThat(events.get(0).name()).isEqualTo("sources");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("done");
        List<String> chunks = events.stream()
                .filter((event) -> event.name().equals("chunk"))
                .map((event) -> JSON.readTree(event.data()).get("text").asString())
                .toList();
        assertThat(chunks).hasSizeGreaterThan(5);
        JsonNode done = JSON.readTree(events.get(events.size() - 1).data());
        assertThat(String.join("", chunks)).isEqualTo(done.get("answer").asString());
        assertThat(done.get("answer").asString())
                .isEqualTo(json(ask(ZIPKIN)).get("answer").asString());
        assertThat(done.get("sources").get(0).get("id").asString()).startsWith("export-zipkin#");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputGetsA400ProblemDetailAndTheServiceKeepsServing(
            String description, Function<AskControllerTests, HttpRequest.Builder> request, String expectedDetail) {
        HttpResponse<String> response = send(request.apply(this));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).contains(expectedDetail);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");

        HttpResponse<String> next = ask(ZIPKIN);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(json(next).get("answer").asString()).isNotBlank();
    }

    static Stream<Arguments> badRequests() {
        String tooLong = "a".repeat(AskLimits.MAX_QUESTION_LENGTH + 1);
        String padding = "x".repeat(70 * 1024);
        return Stream.of(
                bad("missing question", (t) -> t.jsonPost("{}"), "question must not be blank"),
                bad("null question", (t) -> t.jsonPost("{\"question\": null}"), "question must not be blank"),
                bad("blank question", (t) -> t.jsonPost("{\"question\": \" \\t \"}"), "question must not be blank"),
                bad(
                        "question over 4000 characters",
                        (t) -> t.jsonPost("{\"question\": \"" + tooLong + "\"}"),
                        "question must be at most 4000 characters"),
                bad("malformed JSON", (t) -> t.jsonPost("{\"question\": "), "Request body is not valid JSON"),
                bad("JSON array body", (t) -> t.jsonPost("[\"question\"]"), "must be a JSON object"),
                bad(
                        "question of the wrong type",
                        (t) -> t.jsonPost("{\"question\": {\"text\": \"hi\"}}"),
                        "Field 'question' has the wrong type"),
                bad("empty body", (t) -> t.jsonPost(""), "Request body is missing"),
                bad(
                        "wrong content type",
                        (t) -> t.request("/api/ask")
                                .header("Content-Type", "text/plain")
                                .POST(BodyPublishers.ofString(ZIPKIN)),
                        "Content type 'text/plain' is not supported"),
                bad(
                        "no content type",
                        (t) -> t.request("/api/ask").POST(BodyPublishers.ofString("{\"question\": \"hi\"}")),
                        "is not supported"),
                bad(
                        "oversized body",
                        (t) -> t.jsonPost("{\"question\": \"hi\", \"padding\": \"" + padding + "\"}"),
                        "Request body is larger than 65536 bytes"),
                bad(
                        "oversized chunked body",
                        (t) -> t.request("/api/ask")
                                .header("Content-Type", "application/json")
                                .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                                        ("{\"question\": \"" + padding + "\"}").getBytes(StandardCharsets.UTF_8)))),
                        "Request body is larger than 65536 bytes"),
                bad(
                        "stream without question",
                        (t) -> t.request("/api/ask/stream").GET(),
                        "question"),
                bad(
                        "stream with blank question",
                        (t) -> t.request("/api/ask/stream?question=%20%20").GET(),
                        "question must not be blank"),
                bad(
                        "stream with question over 4000 characters",
                        (t) -> t.request("/api/ask/stream?question=" + tooLong).GET(),
                        "question must be at most 4000 characters"),
                bad(
                        "blank conversation id",
                        (t) -> t.jsonPost("{\"question\": \"hi\", \"conversationId\": \"  \"}"),
                        AskLimits.BLANK_CONVERSATION),
                bad(
                        "conversation id over 256 characters",
                        (t) -> t.jsonPost("{\"question\": \"hi\", \"conversationId\": \"" + "c".repeat(257) + "\"}"),
                        AskLimits.LONG_CONVERSATION),
                bad(
                        "user id over 256 characters",
                        (t) -> t.jsonPost("{\"question\": \"hi\"}").header(AskLimits.USER_HEADER, "u".repeat(257)),
                        AskLimits.LONG_USER),
                bad(
                        "stream with blank conversation id",
                        (t) -> t.request("/api/ask/stream?question=hi&conversationId=%20")
                                .GET(),
                        AskLimits.BLANK_CONVERSATION));
    }

    private static Arguments bad(
            String description, Function<AskControllerTests, HttpRequest.Builder> request, String detail) {
        return Arguments.of(description, request, detail);
    }

    private HttpRequest.Builder jsonPost(String body) {
        return request("/api/ask").header("Content-Type", "application/json").POST(BodyPublishers.ofString(body));
    }

    private HttpResponse<String> ask(String question) {
        return postJson("/api/ask", "{\"question\": " + JSON.writeValueAsString(question) + "}");
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
