package dev.llamatrace.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.jayway.jsonpath.JsonPath;
import dev.llamatrace.autoconfigure.aop.ConversationId;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.UserId;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

/** Every endpoint path over a real port, in an application using the starter's defaults. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.endpoints.web.exposure.include=llamatrace",
            "llamatrace.handlers.fine-tuning.enabled=true",
            // Other modules' test dependencies (Spring AI's OpenAI client, OTLP export) are on this class path too.
            "spring.ai.openai.api-key=unused",
            "management.otlp.metrics.export.enabled=false",
            "management.tracing.export.enabled=false"
        })
@DirtiesContext
class LlamaTraceEndpointWebTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    private int port;

    @Autowired
    private RagService rag;

    @BeforeEach
    void reset() throws Exception {
        assertThat(send("DELETE", "").statusCode()).isEqualTo(204);
    }

    @Test
    void rootViewShowsTokensEventTimingsSpanCountsAndRecentTraces() throws Exception {
        this.rag.answer("What is the capital of France?");
        HttpResponse<String> response = get("");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat((Integer) JsonPath.read(body, "$.tokens.prompt")).isEqualTo(7);
        assertThat((Integer) JsonPath.read(body, "$.tokens.completion")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.tokens.total")).isEqualTo(10);
        assertThat((Integer) JsonPath.read(body, "$.tokens.models['gpt-4o'].llmCalls"))
                .isEqualTo(1);
        assertThat((String) JsonPath.read(body, "$.tokens.models['gpt-4o'].provider"))
                .isEqualTo("openai");
        assertThat((Integer) JsonPath.read(body, "$.events.llm.count")).isEqualTo(1);
        assertThat((Double) JsonPath.read(body, "$.events.llm.totalSeconds")).isNotNegative();
        assertThat((Integer) JsonPath.read(body, "$.spans.completed")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.spans.open")).isZero();
        assertThat((Integer) JsonPath.read(body, "$.handlerErrors")).isNotNegative();
        List<String> recent = JsonPath.read(body, "$.recentTraceIds");
        assertThat(recent).singleElement().asString().startsWith("RagService.answer-");
    }

    @Test
    void traceTreeShowsNestedSpansWithTokensAndEventsButNoContent() throws Exception {
        this.rag.answer("What is the capital of France?");
        String list = get("/traces").body();
        assertThat((List<String>) JsonPath.read(list, "$[*].rootSpanName")).containsExactly("RagService.answer");
        assertThat((List<Integer>) JsonPath.read(list, "$[*].spanCount")).containsExactly(2);
        String id = JsonPath.read(list, "$[0].id");
        HttpResponse<String> response = get("/traces/" + id);
        assertThat(response.statusCode()).isEqualTo(200);
        String tree = response.body();
        assertThat((String) JsonPath.read(tree, "$.root.name")).isEqualTo("RagService.answer");
        assertThat((String) JsonPath.read(tree, "$.root.outcome")).isEqualTo("EXITED");
        assertThat((String) JsonPath.read(tree, "$.root.tags.component")).isEqualTo("rag");
        assertThat((String) JsonPath.read(tree, "$.root.children[0].name")).isEqualTo("ChatModel.chat");
        assertThat((String) JsonPath.read(tree, "$.root.children[0].parentId")).isEqualTo(id);
        assertThat((Integer) JsonPath.read(tree, "$.root.children[0].tokens.prompt"))
                .isEqualTo(7);
        assertThat((Integer) JsonPath.read(tree, "$.root.children[0].tokens.completion"))
                .isEqualTo(3);
        assertThat((List<String>) JsonPath.read(tree, "$.root.children[0].events[*].type"))
                .containsExactly("LLMChatStartEvent", "LLMChatEndEvent");
        assertThat((List<Object>) JsonPath.read(tree, "$.root.children[0].events[*].input"))
                .containsOnlyNulls();
        assertThat(tree).doesNotContain("capital of France").doesNotContain("Paris");
    }

    @Test
    void tracesListNewestFirstWithSpanErrorAndTokenCounts() throws Exception {
        this.rag.answer("What is the capital of France?");
        failLookup();
        String list = get("/traces").body();
        assertThat((List<String>) JsonPath.read(list, "$[*].rootSpanName"))
                .containsExactly("RagService.lookup", "RagService.answer");
        assertThat((List<String>) JsonPath.read(list, "$[*].outcome")).containsExactly("DROPPED", "EXITED");
        assertThat((List<Integer>) JsonPath.read(list, "$[*].errorCount")).containsExactly(1, 0);
        assertThat((List<Integer>) JsonPath.read(list, "$[*].tokens")).containsExactly(0, 10);
    }

    @Test
    void limitKeepsTheNewestTraces() throws Exception {
        this.rag.answer("first");
        this.rag.answer("second");
        this.rag.lookup("third");
        String list = get("/traces?limit=2").body();
        assertThat((List<String>) JsonPath.read(list, "$[*].rootSpanName"))
                .containsExactly("RagService.lookup", "RagService.answer");
        assertThat((List<Object>) JsonPath.read(get("/traces?limit=10").body(), "$"))
                .hasSize(3);
    }

    @Test
    void nameKeepsTheTracesWhoseRootSpanHasThatName() throws Exception {
        this.rag.answer("first");
        this.rag.lookup("second");
        this.rag.answer("third");
        String list = get("/traces?name=RagService.answer").body();
        assertThat((List<String>) JsonPath.read(list, "$[*].rootSpanName"))
                .containsExactly("RagService.answer", "RagService.answer");
        assertThat((List<Object>) JsonPath.read(get("/traces?name=RagService").body(), "$"))
                .isEmpty();
    }

    @Test
    void errorsKeepsTheTracesWithOrWithoutADroppedSpan() throws Exception {
        this.rag.answer("first");
        failLookup();
        assertThat((List<String>) JsonPath.read(get("/traces?errors=true").body(), "$[*].rootSpanName"))
                .containsExactly("RagService.lookup");
        assertThat((List<String>) JsonPath.read(get("/traces?errors=false").body(), "$[*].rootSpanName"))
                .containsExactly("RagService.answer");
    }

    @Test
    void minDurationKeepsTheTracesThatLastedAtLeastThatLong() throws Exception {
        this.rag.answer("first");
        this.rag.lookup("second");
        assertThat((List<Object>) JsonPath.read(get("/traces?minDuration=0ms").body(), "$"))
                .hasSize(2);
        assertThat((List<Object>) JsonPath.read(get("/traces?minDuration=PT1H").body(), "$"))
                .isEmpty();
        assertThat((List<Object>)
                        JsonPath.read(get("/traces?minDuration=3600000").body(), "$"))
                .isEmpty();
    }

    @Test
    void searchMatchesSpanNamesAndTagsOfAnySpanIgnoringCase() throws Exception {
        this.rag.answer("first");
        this.rag.lookup("second");
        // A child span's name.
        assertThat((List<String>) JsonPath.read(get("/traces?search=chatmodel").body(), "$[*].rootSpanName"))
                .containsExactly("RagService.answer");
        // A tag value and a tag key.
        assertThat((List<String>) JsonPath.read(get("/traces?search=RAG").body(), "$[*].rootSpanName"))
                .containsExactly("RagService.lookup", "RagService.answer");
        assertThat((List<String>) JsonPath.read(get("/traces?search=index").body(), "$[*].rootSpanName"))
                .containsExactly("RagService.lookup");
        assertThat((List<Object>) JsonPath.read(get("/traces?search=nowhere").body(), "$"))
                .isEmpty();
    }

    @Test
    void sortSlowestPutsTheLongestTraceFirst() throws Exception {
        this.rag.answer("first");
        this.rag.slowLookup("second");
        this.rag.answer("third");
        String list = get("/traces?sort=slowest&limit=2").body();
        assertThat((String) JsonPath.read(list, "$[0].rootSpanName")).isEqualTo("RagService.slowLookup");
        List<Double> durations = JsonPath.read(get("/traces?sort=slowest").body(), "$[*].durationSeconds");
        assertThat(durations).hasSize(3).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat((String) JsonPath.read(get("/traces?sort=NEWEST").body(), "$[0].rootSpanName"))
                .isEqualTo("RagService.answer");
    }

    @Test
    void filtersCombine() throws Exception {
        this.rag.answer("first");
        failLookup();
        this.rag.lookup("third");
        String list = get("/traces?name=RagService.lookup&errors=false&search=index&minDuration=0s&limit=5")
                .body();
        assertThat((List<Integer>) JsonPath.read(list, "$[*].errorCount")).containsExactly(0);
    }

    @ParameterizedTest
    @CsvSource({
        "limit, 0",
        "limit, -1",
        "limit, ten",
        "limit, 2.5",
        "limit, ''",
        "name, ''",
        "name, %20",
        "errors, yes",
        "errors, ''",
        "minDuration, soon",
        "minDuration, -5s",
        "minDuration, ''",
        "search, %20%20",
        "sort, oldest",
        "conversation, ''",
        "conversation, %20"
    })
    void eachBadTraceParameterIs400NamingIt(String parameter, String value) throws Exception {
        HttpResponse<String> response = get("/traces?" + parameter + "=" + value);
        assertThat(response.statusCode()).isEqualTo(400);
        String body = response.body();
        assertThat((String) JsonPath.read(body, "$.parameter")).isEqualTo(parameter);
        assertThat((String) JsonPath.read(body, "$.message")).contains(parameter);
    }

    @Test
    void badParameterNamesTheAllowedValuesOfAClosedList() throws Exception {
        String body = get("/traces?sort=oldest").body();
        assertThat((List<String>) JsonPath.read(body, "$.allowed")).containsExactly("newest", "slowest");
        assertThat((List<String>) JsonPath.read(get("/traces?errors=1").body(), "$.allowed"))
                .containsExactly("true", "false");
    }

    @Test
    void traceParametersOnAnotherSectionAre400NamingTheParameter() throws Exception {
        HttpResponse<String> response = get("/events?limit=5");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat((String) JsonPath.read(response.body(), "$.parameter")).isEqualTo("limit");
        assertThat((String) JsonPath.read(get("/llm?sort=slowest").body(), "$.parameter"))
                .isEqualTo("sort");
    }

    @Test
    void conversationKeepsTheTracesOfOneConversationAndTheirSpansNameIt() throws Exception {
        this.rag.converse("c-1", "u-1", "first");
        this.rag.converse("c-2", "u-2", "second");
        this.rag.answer("no conversation");
        this.rag.converse("c-1", null, "third");
        String list = get("/traces?conversation=c-1").body();
        assertThat((List<String>) JsonPath.read(list, "$[*].conversationId")).containsExactly("c-1", "c-1");
        assertThat((List<String>) JsonPath.read(list, "$[*].userId")).containsExactly(null, "u-1");
        assertThat((List<Object>) JsonPath.read(get("/traces").body(), "$")).hasSize(4);
        String id = JsonPath.read(list, "$[1].id");
        String tree = get("/traces/" + id).body();
        // The child span was entered inside the method's conversation: it carries it too.
        assertThat((String) JsonPath.read(tree, "$.root.children[0].conversationId"))
                .isEqualTo("c-1");
        assertThat((String) JsonPath.read(tree, "$.root.children[0].userId")).isEqualTo("u-1");
        assertThat((List<Object>) JsonPath.read(get("/traces?conversation=c-9").body(), "$"))
                .isEmpty();
    }

    @Test
    void conversationTotalsSumTheCallsAndTokensOfItsSpans() throws Exception {
        this.rag.converse("c-1", "u-1", "first");
        this.rag.converse("c-2", "u-2", "second");
        this.rag.answer("no conversation");
        this.rag.converse("c-1", "u-3", "third");
        HttpResponse<String> response = get("/conversations/c-1");
        assertThat(response.statusCode()).isEqualTo(200);
        String body = response.body();
        assertThat((String) JsonPath.read(body, "$.id")).isEqualTo("c-1");
        assertThat((List<String>) JsonPath.read(body, "$.userIds")).containsExactly("u-3", "u-1");
        assertThat((Integer) JsonPath.read(body, "$.traceCount")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.llmCalls")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.promptTokens")).isEqualTo(14);
        assertThat((Integer) JsonPath.read(body, "$.completionTokens")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(body, "$.totalTokens")).isEqualTo(20);
        assertThat((List<String>) JsonPath.read(body, "$.traceIds"))
                .containsExactlyElementsOf(
                        JsonPath.read(get("/traces?conversation=c-1").body(), "$[*].id"));
        String all = get("/conversations").body();
        assertThat((List<String>) JsonPath.read(all, "$[*].id")).containsExactly("c-1", "c-2");
        assertThat((List<Integer>) JsonPath.read(all, "$[*].totalTokens")).containsExactly(20, 10);
        assertThat(get("/conversations/c-9").statusCode()).isEqualTo(404);
    }

    @Test
    void aTraceListsTheEvaluationResultsOfItsSpansWithoutTheirExplanation() throws Exception {
        this.rag.judged("What is the capital of France?");
        String id = JsonPath.read(get("/traces").body(), "$[0].id");
        String tree = get("/traces/" + id).body();
        assertThat((List<String>) JsonPath.read(tree, "$.evaluations[*].name")).containsExactly("relevance", "tone");
        assertThat((List<Double>) JsonPath.read(tree, "$.evaluations[*].score")).containsExactly(0.9, null);
        assertThat((List<String>) JsonPath.read(tree, "$.evaluations[*].label")).containsExactly(null, "polite");
        assertThat((List<String>) JsonPath.read(tree, "$.evaluations[*].spanId"))
                .containsOnly(id);
        assertThat((List<Object>) JsonPath.read(tree, "$.evaluations[*].explanation"))
                .containsOnlyNulls();
        assertThat(tree).doesNotContain("because Paris");
        assertThat((List<String>) JsonPath.read(tree, "$.root.events[*].type")).contains("EvaluationEvent");
    }

    @Test
    void unknownTraceIs404() throws Exception {
        assertThat(get("/traces/NoSuch.span-0").statusCode()).isEqualTo(404);
    }

    @Test
    void eventPairsPerTypeAndLlmInputsOutputs() throws Exception {
        this.rag.answer("What is the capital of France?");
        String all = get("/events").body();
        assertThat((Object) JsonPath.read(all, "$.type")).isNull();
        assertThat((Integer) JsonPath.read(all, "$.stats.count")).isEqualTo(1);
        String llm = get("/events/llm").body();
        assertThat((String) JsonPath.read(llm, "$.type")).isEqualTo("llm");
        assertThat((List<String>) JsonPath.read(llm, "$.pairs[0][*].type")).containsExactly("llm", "llm");
        assertThat((List<Object>) JsonPath.read(llm, "$.pairs[0][*].payload")).containsOnlyNulls();
        assertThat(get("/llm").body()).isEqualTo(llm);
        String embedding = get("/events/EMBEDDING").body();
        assertThat((List<Object>) JsonPath.read(embedding, "$.pairs")).isEmpty();
    }

    @Test
    void unknownEventTypeIs400NamingTheAllowedValues() throws Exception {
        HttpResponse<String> response = get("/events/bogus");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("bogus").contains("llm").contains("embedding");
    }

    @Test
    void unknownSectionIs400() throws Exception {
        assertThat(get("/bogus").statusCode()).isEqualTo(400);
        assertThat(get("/llm/other").statusCode()).isEqualTo(400);
    }

    @Test
    void fineTuningExamplesAreNotServedWhileContentCaptureIsOff() throws Exception {
        this.rag.answer("What is the capital of France?");
        HttpResponse<String> response = get("/fine-tuning");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat((String) JsonPath.read(response.body(), "$.parameter")).isEqualTo("llamatrace.capture-content");
        assertThat(response.body()).doesNotContain("capital of France").doesNotContain("Paris");
    }

    @Test
    void deleteResetsCountsAndFlushesLogs() throws Exception {
        this.rag.answer("What is the capital of France?");
        assertThat(send("DELETE", "").statusCode()).isEqualTo(204);
        String body = get("").body();
        assertThat((Integer) JsonPath.read(body, "$.tokens.total")).isZero();
        assertThat((List<String>) JsonPath.read(body, "$.recentTraceIds")).isEmpty();
        assertThat((Map<String, Object>) JsonPath.read(body, "$.events")).isEmpty();
        assertThat(get("/fine-tuning").statusCode()).isEqualTo(403);
    }

    private void failLookup() {
        assertThatIllegalStateException().isThrownBy(() -> this.rag.lookup("fail"));
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + this.port + "/actuator/llamatrace" + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {

        @Bean
        RagService ragService(DispatcherRegistry registry) {
            return new RagService(registry);
        }
    }

    static class RagService {

        private final Dispatcher dispatcher;

        RagService(DispatcherRegistry registry) {
            this.dispatcher = registry.get("com.example.chat");
        }

        @LlamaSpan(tags = "component=rag")
        public String answer(String question) {
            List<ChatMessage> messages = List.of(ChatMessage.user(question));
            return this.dispatcher.span("ChatModel.chat", () -> {
                this.dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                ChatResponse response = ChatResponse.of(ChatMessage.assistant("Paris"), UsageKeys.rawUsage(7, 3));
                this.dispatcher.event(new LLMChatEndEvent(messages, response));
                return response.message().content();
            });
        }

        @LlamaSpan
        public String converse(
                @ConversationId String conversationId, @UserId @Nullable String userId, String question) {
            return answer(question);
        }

        @LlamaSpan
        public String judged(String question) {
            this.dispatcher.event(EvaluationEvent.named("relevance")
                    .score(0.9)
                    .explanation("because Paris is the capital")
                    .build());
            this.dispatcher.event(EvaluationEvent.named("tone").label("polite").build());
            return question;
        }

        @LlamaSpan(tags = {"component=rag", "index=guide"})
        public String lookup(String query) {
            if (query.equals("fail")) {
                throw new IllegalStateException("index offline");
            }
            return this.dispatcher.span("Index.search", () -> query);
        }

        @LlamaSpan
        public String slowLookup(String query) throws InterruptedException {
            // Long enough that no trace without a wait lasts as long.
            Thread.sleep(100);
            return query;
        }
    }
}
