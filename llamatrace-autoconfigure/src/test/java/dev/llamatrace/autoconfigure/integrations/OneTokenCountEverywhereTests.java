package dev.llamatrace.autoconfigure.integrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llamatrace.autoconfigure.metrics.GenAiMeter;
import dev.llamatrace.autoconfigure.support.CompletingHandler;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.PrometheusScrape;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.handler.TokenSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.DoubleStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.tool.annotation.Tool;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One number per call, everywhere: a Spring Boot application with real Spring AI and LangChain4j OpenAI clients calls
 * a local OpenAI-compatible stub over HTTP (chat with cached and reasoning tokens, streams with and without usage,
 * embeddings, a failed call, tool-calling loops called and streamed); every count the token counting handler records
 * must be the one the endpoint shows (totals and trace trees, over HTTP), the one on the exported span (GenAI and
 * OpenInference keys, in an in-memory span exporter) and part of the sums of the Prometheus scrape, which must pass
 * the {@code promtool check metrics} checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTokenCountEverywhereTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The model calls streamed through the ChatClient: one plain stream and the two rounds of the streamed tool loop. */
    private static final int STREAMED_CHAT_CLIENT_ROUNDS = 3;

    private final OpenAiStub stub = OpenAiStub.start();

    private final HttpClient http = HttpClient.newHttpClient();

    private ConfigurableApplicationContext context;

    private String baseUrl;

    @BeforeAll
    void runTheCalls() {
        this.context = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.SERVLET)
                .run(
                        "--server.port=0",
                        "--management.endpoints.web.exposure.include=llamatrace,prometheus",
                        "--management.tracing.sampling.probability=1.0",
                        // The OpenInference twins of the counts are checked too.
                        "--llamatrace.tracing.open-inference=true",
                        "--management.otlp.metrics.export.enabled=false",
                        "--spring.ai.openai.base-url=" + this.stub.baseUrl(),
                        "--spring.ai.openai.api-key=test-key",
                        "--spring.ai.openai.max-retries=0",
                        "--spring.ai.openai.chat.model=gpt-4o-mini",
                        "--spring.ai.openai.embedding.model=text-embedding-3-small");
        this.baseUrl = "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
        ChatModel chatModel = this.context.getBean(ChatModel.class);
        ChatClient chatClient = this.context.getBean(ChatClient.Builder.class).build();
        chatModel.call(new Prompt("Hi"));
        chatClient.prompt("Hi stream").stream().content().collectList().block(Duration.ofSeconds(10));
        chatModel.stream(new Prompt(
                        "Hi quiet stream",
                        OpenAiChatOptions.builder().streamUsage(false).build()))
                .collectList()
                .block(Duration.ofSeconds(10));
        this.context.getBean(EmbeddingModel.class).embed(List.of("a cat", "a dog on a mat"));
        catchThrowable(() -> chatModel.call(new Prompt("do " + OpenAiStub.FAIL)));
        chatClient.prompt("Weather in Paris?").tools(new WeatherTools()).call().content();
        chatClient.prompt("Weather in Paris, streamed?").tools(new WeatherTools()).stream()
                .content()
                .collectList()
                .block(Duration.ofSeconds(10));
        OpenAiChatModel langChain4j = OpenAiChatModel.builder()
                .baseUrl(this.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o")
                .maxRetries(0)
                .listeners(List.copyOf(
                        this.context.getBeansOfType(ChatModelListener.class).values()))
                .build();
        langChain4j.chat("Hi");
        OpenAiStreamingChatModel langChain4jStreaming = OpenAiStreamingChatModel.builder()
                .baseUrl(this.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o")
                .listeners(List.copyOf(
                        this.context.getBeansOfType(ChatModelListener.class).values()))
                .build();
        CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
        langChain4jStreaming.chat("Hi stream", CompletingHandler.completing(streamed));
        streamed.join();
        OpenAiEmbeddingModel langChain4jEmbeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(this.stub.baseUrl())
                .apiKey("test-key")
                .modelName("text-embedding-3-large")
                .maxRetries(0)
                .listeners(List.copyOf(this.context
                        .getBeansOfType(EmbeddingModelListener.class)
                        .values()))
                .build();
        langChain4jEmbeddings.embed("a cat");
        // Streams end on the provider's threads: wait until every LLM span is exported.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> exportedById().keySet().containsAll(spanIds()));
    }

    @AfterAll
    void close() {
        this.context.close();
        this.stub.close();
    }

    @Test
    void eachKindOfCallIsCountedFromTheProviderWhenItReportsUsage() {
        List<TokenCountingEvent> llm = handler().llmTokenCounts();
        assertThat(llm)
                .filteredOn((count) -> count.promptTokenCount() == OpenAiStub.CALL_USAGE[0]
                        && count.completionTokenCount() == OpenAiStub.CALL_USAGE[1])
                .hasSize(3) // the Spring AI call, the last round of the called tool loop, the LangChain4j call
                .allSatisfy((count) -> {
                    assertThat(count.cachedInputTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[0]);
                    assertThat(count.reasoningTokenCount()).isEqualTo(OpenAiStub.CALL_USAGE_DETAILS[1]);
                    assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
                });
        assertThat(llm)
                .filteredOn((count) -> count.promptTokenCount() == OpenAiStub.TOOL_CALL_USAGE[0])
                .as("the first round of each tool loop, with its own usage")
                .hasSize(2);
        assertThat(llm)
                .filteredOn((count) -> count.promptTokenCount() == OpenAiStub.STREAM_USAGE[0]
                        && count.completionTokenCount() == OpenAiStub.STREAM_USAGE[1])
                .as("the streams with usage: Spring AI's, the last round of its streamed tool loop, LangChain4j's")
                .hasSize(3);
        assertThat(llm)
                .filteredOn((count) -> count.source() == TokenSource.TOKENIZER)
                .as("the stream without usage")
                .singleElement()
                .satisfies((count) -> assertThat(count.totalTokenCount()).isPositive());
        assertThat(llm)
                .filteredOn((count) -> count.source() == TokenSource.NONE)
                .as("the failed call")
                .singleElement()
                .satisfies((count) -> assertThat(count.totalTokenCount()).isZero());
        assertThat(handler().embeddingTokenCounts())
                .as("each embedding call once, with the provider's billable count")
                .hasSize(2)
                .allSatisfy((count) -> {
                    assertThat(count.promptTokenCount()).isEqualTo(OpenAiStub.EMBEDDING_USAGE);
                    assertThat(count.source()).isEqualTo(TokenSource.PROVIDER);
                });
    }

    @Test
    void everySeriesOfAGenAiMeterHasTheTagKeysOfItsName() {
        MeterRegistry meters = this.context.getBean(MeterRegistry.class);
        for (GenAiMeter meter : GenAiMeter.values()) {
            assertThat(meters.find(meter.meterName()).meters())
                    .as(meter.meterName())
                    .isNotEmpty()
                    .allSatisfy((registered) -> assertThat(registered.getId().getTags())
                            .extracting(Tag::getKey)
                            .containsExactlyInAnyOrderElementsOf(meter.tagKeys()));
        }
    }

    @Test
    void everyExportedSpanCarriesTheCountOfItsCall() {
        Map<String, SpanData> exported = exportedById();
        int withTotal = 0;
        int withoutTotal = 0;
        for (TokenCountingEvent count : counts()) {
            SpanData span = exported.get(count.spanId());
            assertThat(span).as(count.toString()).isNotNull();
            String input = Integer.toString(count.promptTokenCount());
            String total = Integer.toString(count.totalTokenCount());
            assertThat(attribute(span, "gen_ai.usage.input_tokens"))
                    .as(span.getName())
                    .isEqualTo(input);
            // Spring AI's key, not a GenAI one: replaced on Spring AI's spans, absent from llamatrace's own.
            String exportedTotal = attribute(span, "gen_ai.usage.total_tokens");
            if (exportedTotal != null) {
                assertThat(exportedTotal).as(span.getName()).isEqualTo(total);
                withTotal++;
            } else {
                withoutTotal++;
            }
            assertThat(attribute(span, "llm.token_count.prompt"))
                    .as(span.getName())
                    .isEqualTo(input);
            assertThat(attribute(span, "llm.token_count.total"))
                    .as(span.getName())
                    .isEqualTo(total);
            assertThat(attribute(span, "llamatrace.token_count.source"))
                    .isEqualTo(count.source().value());
            if (count.operation() == EventKind.LLM) {
                String output = Integer.toString(count.completionTokenCount());
                assertThat(attribute(span, "gen_ai.usage.output_tokens")).isEqualTo(output);
                assertThat(attribute(span, "llm.token_count.completion")).isEqualTo(output);
            }
            if (count.cachedInputTokenCount() > 0) {
                assertThat(attribute(span, "gen_ai.usage.cache_read.input_tokens"))
                        .isEqualTo(Integer.toString(count.cachedInputTokenCount()));
                assertThat(attribute(span, "llm.token_count.prompt_details.cache_read"))
                        .isEqualTo(Integer.toString(count.cachedInputTokenCount()));
                assertThat(attribute(span, "gen_ai.usage.reasoning.output_tokens"))
                        .isEqualTo(Integer.toString(count.reasoningTokenCount()));
                assertThat(attribute(span, "llm.token_count.completion_details.reasoning"))
                        .isEqualTo(Integer.toString(count.reasoningTokenCount()));
            }
        }
        assertThat(withTotal).as("Spring AI's spans, with its total").isPositive();
        assertThat(withoutTotal).as("LangChain4j's spans, llamatrace's own").isPositive();
        assertThat(exported.values())
                .filteredOn((span) -> attribute(span, "gen_ai.response.time_to_first_chunk") != null)
                .as("the streams through the ChatClient")
                .isNotEmpty()
                .allSatisfy(
                        (span) -> assertThat(Double.parseDouble(attribute(span, "gen_ai.response.time_to_first_chunk")))
                                .isPositive());
    }

    @Test
    void theEndpointShowsTheSameTotalsAndTheSameCountOnEverySpanOfItsTrees() throws Exception {
        JsonNode tokens = get("/actuator/llamatrace").get("tokens");
        TokenCountingHandler handler = handler();
        assertThat(tokens.get("prompt").asLong()).isEqualTo(handler.promptLlmTokenCount());
        assertThat(tokens.get("completion").asLong()).isEqualTo(handler.completionLlmTokenCount());
        assertThat(tokens.get("embedding").asLong()).isEqualTo(handler.totalEmbeddingTokenCount());
        assertThat(tokens.get("cachedInput").asLong()).isEqualTo(3L * OpenAiStub.CALL_USAGE_DETAILS[0]);
        assertThat(tokens.get("reasoning").asLong()).isEqualTo(3L * OpenAiStub.CALL_USAGE_DETAILS[1]);
        Map<String, JsonNode> nodes = new HashMap<>();
        for (JsonNode trace : get("/actuator/llamatrace/traces?limit=100")) {
            collect(
                    get("/actuator/llamatrace/traces/" + trace.get("id").asString())
                            .get("root"),
                    nodes);
        }
        for (TokenCountingEvent count : counts()) {
            JsonNode node = nodes.get(count.spanId());
            assertThat(node).as(count.toString()).isNotNull();
            JsonNode shown = node.get("tokens");
            assertThat(shown.get("prompt").asLong()).isEqualTo(count.promptTokenCount());
            assertThat(shown.get("completion").asLong()).isEqualTo(count.completionTokenCount());
            assertThat(shown.get("total").asLong()).isEqualTo(count.totalTokenCount());
            assertThat(shown.get("cachedInput").asLong()).isEqualTo(count.cachedInputTokenCount());
            assertThat(shown.get("reasoning").asLong()).isEqualTo(count.reasoningTokenCount());
            assertThat(shown.get("source").asString()).isEqualTo(count.source().value());
        }
    }

    @Test
    void thePrometheusScrapeSumsTheSameCountsInConventionShapedHistograms() throws Exception {
        PrometheusScrape scrape = PrometheusScrape.parse(scrape());
        // Ours; Spring AI's own timer of its observations (gen_ai_client_operation_seconds) has no help text.
        assertThat(scrape.problems(
                        "gen_ai_client_token_usage",
                        "gen_ai_client_operation_duration",
                        "gen_ai_client_operation_time_to_first_chunk",
                        "llamatrace_"))
                .isEmpty();
        assertThat(scrape.problems("gen_ai_client_operation_seconds"))
                .as("the checks can fail")
                .isNotEmpty();
        assertThat(scrape.families().keySet())
                .as("one meter per name: no Spring AI token counter, no llamatrace.observation timer")
                .noneMatch((name) -> name.startsWith("gen_ai_client_token_usage_") && !name.endsWith("_max"))
                .noneMatch((name) -> name.startsWith("llamatrace_observation"));
        PrometheusScrape.Family tokens = scrape.family("gen_ai_client_token_usage");
        assertThat(tokens.type()).isEqualTo("histogram");
        assertThat(tokens.help()).isEqualTo(GenAiMeter.CLIENT_TOKEN_USAGE.description());
        assertThat(PrometheusScrape.bucketBounds(tokens, Map.of()))
                .containsExactlyElementsOf(boxed(GenAiMeter.CLIENT_TOKEN_USAGE.boundaries()));
        TokenCountingHandler handler = handler();
        assertThat(sum(tokens, "input", "chat")).isEqualTo(handler.promptLlmTokenCount());
        assertThat(sum(tokens, "output", "chat")).isEqualTo(handler.completionLlmTokenCount());
        assertThat(sum(tokens, "input", "embeddings")).isEqualTo(handler.totalEmbeddingTokenCount());
        assertThat(tokens.sum(
                        "gen_ai_client_token_usage_count",
                        Map.of("gen_ai_token_type", "input", "gen_ai_operation_name", "chat")))
                .isEqualTo(handler.llmCallCount());
        PrometheusScrape.Family duration = scrape.family("gen_ai_client_operation_duration_seconds");
        assertThat(duration.type()).isEqualTo("histogram");
        assertThat(PrometheusScrape.bucketBounds(duration, Map.of()))
                .containsExactlyElementsOf(boxed(GenAiMeter.CLIENT_OPERATION_DURATION.boundaries()));
        assertThat(duration.samples("gen_ai_client_operation_duration_seconds_count"))
                .extracting((sample) -> sample.labels().get("error_type"))
                .contains("none")
                .anyMatch((type) -> !type.equals("none"));
        PrometheusScrape.Family firstChunk = scrape.family("gen_ai_client_operation_time_to_first_chunk_seconds");
        assertThat(firstChunk.type()).isEqualTo("histogram");
        assertThat(firstChunk.sum("gen_ai_client_operation_time_to_first_chunk_seconds_count", Map.of()))
                // At most one sample per model call streamed through the ChatClient: "Hi stream" and the two rounds of
                // the streamed tool loop. A round's first chunk can race that round's end, so a round may show in the
                // meter and not on its span, or on its span and not in the meter: the two are not compared.
                .as("one sample per model call streamed through the ChatClient")
                .isPositive()
                .isLessThanOrEqualTo(STREAMED_CHAT_CLIENT_ROUNDS);
    }

    private static double sum(PrometheusScrape.Family family, String tokenType, String operation) {
        return family.sum(
                family.name() + "_sum", Map.of("gen_ai_token_type", tokenType, "gen_ai_operation_name", operation));
    }

    private static List<Double> boxed(double[] values) {
        return DoubleStream.of(values).boxed().toList();
    }

    private TokenCountingHandler handler() {
        return this.context.getBean(TokenCountingHandler.class);
    }

    private List<TokenCountingEvent> counts() {
        List<TokenCountingEvent> counts = new ArrayList<>(handler().llmTokenCounts());
        counts.addAll(handler().embeddingTokenCounts());
        return counts;
    }

    private List<String> spanIds() {
        return counts().stream().map(TokenCountingEvent::spanId).toList();
    }

    private Map<String, SpanData> exportedById() {
        Map<String, SpanData> spans = new HashMap<>();
        for (SpanData span : this.context.getBean(InMemorySpanExporter.class).getFinishedSpanItems()) {
            String id = attribute(span, "llamatrace.span.id");
            if (id != null) {
                spans.put(id, span);
            }
        }
        return spans;
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream()
                .filter((entry) -> entry.getKey().getKey().equals(key))
                .map((entry) -> String.valueOf(entry.getValue()))
                .findFirst()
                .orElse(null);
    }

    private static void collect(JsonNode node, Map<String, JsonNode> nodes) {
        nodes.put(node.get("id").asString(), node);
        for (JsonNode child : node.get("children")) {
            collect(child, nodes);
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send(path, "application/json"));
    }

    private String scrape() throws IOException, InterruptedException {
        return send("/actuator/prometheus", "text/plain;version=0.0.4");
    }

    private String send(String path, String accept) throws IOException, InterruptedException {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create(this.baseUrl + path))
                        .header("Accept", accept)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }

    static final class WeatherTools {

        @Tool(name = "weather", description = "Current weather of a city")
        String weather(String city) {
            return "sunny in " + city;
        }
    }
}
