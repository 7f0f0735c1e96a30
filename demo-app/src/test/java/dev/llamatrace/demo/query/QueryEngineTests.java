package dev.llamatrace.demo.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.EncodingType;
import dev.llamatrace.demo.DemoServer;
import dev.llamatrace.demo.ServerSentEvents;
import dev.llamatrace.demo.ServerSentEvents.Sse;
import dev.llamatrace.demo.extension.GroundingEvent;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The traces, token counts and meters a question produces, read over HTTP from the actuator endpoints, as a user of
 * the demo would.
 */
class QueryEngineTests extends DemoServer {

    private static final String QUESTION = "How do I export traces to Zipkin?";

    @Test
    void askReturnsATraceIdWhoseTraceNestsRetrieveWithEmbeddingAndSynthesizeWithLlm() {
        JsonNode answer = json(ask(QUESTION));
        String traceId = answer.get("traceId").asString();

        assertThat(traceId).startsWith("QueryEngine.query-");
        JsonNode root = trace(traceId).get("root");
        assertThat(root.get("id").asString()).isEqualTo(traceId);
        assertThat(root.get("parentId").isNull()).isTrue();
        assertThat(eventTypes(root)).containsExactly("query");
        assertThat(root.get("events").get(0).get("input").asString()).isEqualTo(QUESTION);

        List<JsonNode> children = children(root);
        assertThat(children)
                .extracting((child) -> eventTypes(child))
                .containsExactly(Set.of("retrieve"), Set.of("synthesize"));
        JsonNode retrieve = children.get(0);
        JsonNode synthesize = children.get(1);
        assertThat(retrieve.get("name").asString()).isEqualTo("Retriever.retrieve");
        assertThat(synthesize.get("name").asString()).isEqualTo("Synthesizer.synthesize");

        JsonNode embedding = single(retrieve, (node) -> eventTypes(node).contains("embedding"));
        assertThat(embedding.get("parentId").asString())
                .isEqualTo(retrieve.get("id").asString());
        JsonNode templating = single(synthesize, (node) -> eventTypes(node).contains("templating"));
        JsonNode llm = single(synthesize, (node) -> eventTypes(node).contains("llm"));
        assertThat(templating.get("parentId").asString())
                .isEqualTo(synthesize.get("id").asString());
        assertThat(llm.get("endTime").asString())
                .isGreaterThan(templating.get("endTime").asString());
        assertThat(llm.get("tokens").get("completion").asLong())
                .isEqualTo(completionTokens(answer.get("answer").asString()));
        assertThat(descendants(root))
                .allSatisfy((node) -> assertThat(node.get("outcome").asString()).isEqualTo("EXITED"));
    }

    @Test
    void aQuestionAboutAPropertyDefaultIsAnsweredThroughTheToolBetweenTwoModelRounds() {
        JsonNode answer = json(ask("What is the default of llamatrace.handlers.spans.capacity?"));

        assertThat(answer.get("answer").asString())
                .startsWith("The default of `llamatrace.handlers.spans.capacity` is 1000.");
        JsonNode root = trace(answer.get("traceId").asString()).get("root");
        JsonNode chatClient = single(root, (node) -> node.get("name").asString().equals("ChatClient.call"));
        assertThat(eventTypes(chatClient)).contains("agent_step");
        List<JsonNode> rounds = children(chatClient);
        assertThat(rounds)
                .extracting((node) -> node.get("name").asString())
                .containsExactly(
                        "chat llamatrace-extractive", "execute_tool property_default", "chat llamatrace-extractive");
        JsonNode tool = rounds.get(1);
        assertThat(eventTypes(tool)).containsExactly("function_call");
        assertThat(instant(tool, "startTime")).isAfterOrEqualTo(instant(rounds.get(0), "endTime"));
        assertThat(instant(rounds.get(2), "startTime")).isAfterOrEqualTo(instant(tool, "endTime"));
        assertThat(descendants(root))
                .allSatisfy((node) -> assertThat(node.get("outcome").asString()).isEqualTo("EXITED"));
    }

    @Test
    void aQuestionTheGuideAnswersMakesOneModelRoundAndNoToolCall() {
        JsonNode root = trace(json(ask(QUESTION)).get("traceId").asString()).get("root");

        JsonNode chatClient = single(root, (node) -> node.get("name").asString().equals("ChatClient.call"));
        assertThat(children(chatClient))
                .extracting((node) -> node.get("name").asString())
                .containsExactly("chat llamatrace-extractive");
    }

    @Test
    void theCustomGroundingEventIsPartOfTheQuerySpan() {
        String traceId = json(ask(QUESTION)).get("traceId").asString();

        JsonNode root = trace(traceId).get("root");
        List<String> types = new ArrayList<>();
        root.get("events").forEach((event) -> types.add(event.get("type").asString()));
        assertThat(types).containsExactly("QueryStartEvent", "GroundingEvent", "QueryEndEvent");
        JsonNode grounding = trace(traceId).get("evaluations").get(0);
        assertThat(grounding.get("name").asString()).isEqualTo(GroundingEvent.NAME);
        assertThat(grounding.get("spanId").asString()).isEqualTo(traceId);
        assertThat(grounding.get("score").asDouble()).isBetween(0.0, 1.0);
        assertThat(grounding.get("label").asString()).isIn(GroundingEvent.GROUNDED, GroundingEvent.WEAK);
        // The demo captures content: the explanation is shown.
        assertThat(grounding.get("explanation").asString()).startsWith("best source ");
    }

    @Test
    void theEndpointShowsPromptCompletionAndEmbeddingTokens() {
        ask(QUESTION);

        JsonNode tokens = json(get("/actuator/llamatrace")).get("tokens");
        assertThat(tokens.get("prompt").asLong()).isPositive();
        assertThat(tokens.get("completion").asLong()).isPositive();
        assertThat(tokens.get("embedding").asLong()).isPositive();
        assertThat(tokens.get("llmCalls").asLong()).isPositive();
    }

    @Test
    void prometheusExposesTokenUsageAndTheCustomHandlersMeter() {
        ask(QUESTION);

        HttpResponse<String> response = get("/actuator/prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .contains("gen_ai_client_token_usage")
                .containsPattern("gen_ai_client_token_usage_count\\{[^}]*gen_ai_token_type=\"input\"")
                .containsPattern("gen_ai_client_token_usage_count\\{[^}]*gen_ai_token_type=\"output\"")
                .contains("demo_answer_grounding_count")
                .containsPattern(
                        "llamatrace_evaluation_score_percent_count\\{[^}]*gen_ai_evaluation_name=\"grounding\"");
    }

    @Test
    void aStreamedAnswerClosesItsLlmSpanAfterTheLastChunkAndCountsItsTokensOnce() {
        JsonNode before = json(get("/actuator/llamatrace")).get("tokens");

        List<Sse> events = ServerSentEvents.parse(
                get("/api/ask/stream?question=" + URLEncoder.encode(QUESTION, StandardCharsets.UTF_8))
                        .body());
        StringBuilder streamed = new StringBuilder();
        events.stream()
                .filter((event) -> event.name().equals("chunk"))
                .forEach((event) ->
                        streamed.append(JSON.readTree(event.data()).get("text").asString()));
        JsonNode done = JSON.readTree(events.get(events.size() - 1).data());
        String traceId = done.get("traceId").asString();
        assertThat(traceId).startsWith("QueryEngine.stream-");

        // The model's stream ends on the SDK's reader thread, concurrently with the last SSE write; wait for it.
        JsonNode root = Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> trace(traceId).get("root"), (tree) -> descendants(tree).stream()
                        .noneMatch((node) -> node.get("outcome").asString().equals("OPEN")));
        JsonNode synthesize = children(root).get(1);
        assertThat(synthesize.get("name").asString()).isEqualTo("Synthesizer.stream");
        JsonNode llm = single(synthesize, (node) -> eventTypes(node).contains("llm"));
        JsonNode end = llm.get("events").get(llm.get("events").size() - 1);
        assertThat(end.get("type").asString()).isEqualTo("LLMChatEndEvent");
        assertThat(end.get("output").asString()).isEqualTo(streamed.toString());
        JsonNode llmTokens = llm.get("tokens");
        long completion = completionTokens(streamed.toString());
        assertThat(llmTokens.get("completion").asLong()).isEqualTo(completion);

        JsonNode after = json(get("/actuator/llamatrace")).get("tokens");
        assertThat(after.get("llmCalls").asLong() - before.get("llmCalls").asLong())
                .isEqualTo(1);
        assertThat(after.get("completion").asLong() - before.get("completion").asLong())
                .isEqualTo(completion);
        assertThat(after.get("prompt").asLong() - before.get("prompt").asLong())
                .isEqualTo(llmTokens.get("prompt").asLong())
                .isPositive();
    }

    private HttpResponse<String> ask(String question) {
        HttpResponse<String> response =
                postJson("/api/ask", "{\"question\": " + JSON.writeValueAsString(question) + "}");
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private JsonNode trace(String traceId) {
        HttpResponse<String> response =
                get("/actuator/llamatrace/traces/" + URLEncoder.encode(traceId, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    /** What the local model reports as completion tokens: the GPT-4o tokenizer's count of the answer. */
    private static long completionTokens(String answer) {
        return Encodings.newLazyEncodingRegistry()
                .getEncoding(EncodingType.O200K_BASE)
                .countTokensOrdinary(answer);
    }

    private static Instant instant(JsonNode span, String field) {
        return Instant.parse(span.get(field).asString());
    }

    private static Set<String> eventTypes(JsonNode span) {
        Set<String> types = new TreeSet<>();
        span.get("events").forEach((event) -> {
            if (!event.get("eventType").isNull()) {
                types.add(event.get("eventType").asString());
            }
        });
        return types;
    }

    private static List<JsonNode> children(JsonNode span) {
        List<JsonNode> children = new ArrayList<>();
        span.get("children").forEach(children::add);
        return children;
    }

    private static List<JsonNode> descendants(JsonNode span) {
        List<JsonNode> all = new ArrayList<>();
        all.add(span);
        children(span).forEach((child) -> all.addAll(descendants(child)));
        return all;
    }

    private static JsonNode single(JsonNode span, Predicate<JsonNode> matching) {
        List<JsonNode> matches =
                descendants(span).stream().skip(1).filter(matching).toList();
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
