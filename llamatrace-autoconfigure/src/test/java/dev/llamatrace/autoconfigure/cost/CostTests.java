package dev.llamatrace.autoconfigure.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.llamatrace.autoconfigure.support.CompletingHandler;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.PrometheusScrape;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.cost.Cost;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.handler.CostBudgetExceededException;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Cost end to end: a Spring Boot application with real Spring AI and LangChain4j OpenAI clients talking HTTP to a
 * local OpenAI-compatible stub that reports usage. Each call's cost must be the same in the endpoint's JSON (over a
 * real port), the {@code llamatrace.cost} meter and the exported span; an unknown model is listed as unpriced.
 */
@ExtendWith(OutputCaptureExtension.class)
class CostTests {

    private static final String CHAT_MINI = "chat gpt-4o-mini";

    private static final String TOKENIZED_EMBEDDINGS = "text-embedding-3-large";

    private final OpenAiStub stub = OpenAiStub.start();

    private final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        this.stub.close();
    }

    /** What the shipped table charges for the stub's usage of a non-streamed call, cached and reasoning included. */
    private static Cost expected(String model) {
        return PriceTable.defaults()
                .cost(
                        model,
                        OpenAiStub.CALL_USAGE[0],
                        OpenAiStub.CALL_USAGE_DETAILS[0],
                        0,
                        OpenAiStub.CALL_USAGE[1],
                        OpenAiStub.CALL_USAGE_DETAILS[1]);
    }

    @Test
    void everyCallHasTheSameCostInTheEndpointTheMeterAndTheExportedSpan() {
        Cost mini = expected("gpt-4o-mini");
        Cost gpt4o = expected("gpt-4o");
        // 11 input of which 6 cached, 4 output of which 3 reasoning: 5 * 0.15 + 6 * 0.075 + 1 * 0.60 + 3 * 0.60 and
        // 5 * 2.50 + 6 * 1.25 + 1 * 10 + 3 * 10 per million tokens
        assertThat(mini.plainAmount()).isEqualTo("0.0000036");
        assertThat(gpt4o.plainAmount()).isEqualTo("0.00006");
        run(List.of(), (context) -> {
            assertThat(context.getBean(ChatModel.class).call("Hi")).isEqualTo(OpenAiStub.ANSWER);
            assertThat(langChain4j(context, "gpt-4o")
                            .chat(UserMessage.from("Hi"))
                            .aiMessage()
                            .text())
                    .isEqualTo(OpenAiStub.ANSWER);
            assertThat(langChain4j(context, "my-local-model")
                            .chat(UserMessage.from("Hi"))
                            .aiMessage()
                            .text())
                    .isEqualTo(OpenAiStub.ANSWER);

            String summary = get(context, "");
            assertThat((String) JsonPath.read(summary, "$.cost.total.USD")).isEqualTo("0.0000636");
            assertThat((String) JsonPath.read(summary, "$.cost.models['gpt-4o-mini'].amount"))
                    .isEqualTo(mini.plainAmount());
            assertThat((String) JsonPath.read(summary, "$.cost.models['gpt-4o-mini'].currency"))
                    .isEqualTo("USD");
            assertThat((String) JsonPath.read(summary, "$.cost.models['gpt-4o'].amount"))
                    .isEqualTo(gpt4o.plainAmount());
            assertThat((Integer) JsonPath.read(summary, "$.cost.models['gpt-4o'].counts"))
                    .isEqualTo(1);
            assertThat((Integer) JsonPath.read(summary, "$.cost.unpriced['my-local-model']"))
                    .isEqualTo(1);
            assertThat((Map<String, Object>) JsonPath.read(summary, "$.cost.models"))
                    .doesNotContainKey("my-local-model");
            assertThat((String) JsonPath.read(summary, "$.cost.pricesAsOf")).isEqualTo("2025-08");
            assertThat((Object) JsonPath.read(summary, "$.cost.budget")).isNull();

            String traces = get(context, "/traces");
            List<String> traceCosts = JsonPath.read(traces, "$[*].cost.USD");
            assertThat(traceCosts).containsExactlyInAnyOrder(mini.plainAmount(), gpt4o.plainAmount());
            String miniTrace = JsonPath.<List<String>>read(traces, "$[?(@.rootSpanName == '" + CHAT_MINI + "')].id")
                    .get(0);
            String tree = get(context, "/traces/" + miniTrace);
            assertThat((String) JsonPath.read(tree, "$.root.cost.amount")).isEqualTo(mini.plainAmount());
            assertThat((String) JsonPath.read(tree, "$.root.cost.source")).isEqualTo("local");

            MeterRegistry meters = context.getBean(MeterRegistry.class);
            assertThat(cost(meters, "gpt-4o-mini").count()).isCloseTo(3.6e-6, within(1e-15));
            assertThat(cost(meters, "gpt-4o").count()).isCloseTo(6e-5, within(1e-15));
            assertThat(meters.get("llamatrace.cost.unpriced")
                            .tag("gen_ai.request.model", "my-local-model")
                            .tag("gen_ai.provider.name", "openai")
                            .counter()
                            .count())
                    .isEqualTo(1);
            assertThat(meters.find("llamatrace.cost")
                            .tag("gen_ai.request.model", "my-local-model")
                            .counters())
                    .isEmpty();

            List<SpanData> spans = exported(context);
            SpanData miniSpan = span(spans, CHAT_MINI);
            assertThat(miniSpan.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                    .isEqualTo(mini.plainAmount());
            assertThat(miniSpan.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.currency")))
                    .isEqualTo("USD");
            assertThat(miniSpan.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.source")))
                    .isEqualTo("local");
            assertThat(miniSpan.getAttributes().get(AttributeKey.stringKey("llm.cost.total")))
                    .isEqualTo(mini.plainAmount());
            assertThat(span(spans, "chat gpt-4o")
                            .getAttributes()
                            .get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                    .isEqualTo(gpt4o.plainAmount());
            assertThat(span(spans, "chat my-local-model")
                            .getAttributes()
                            .get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                    .as("an unpriced call carries no cost")
                    .isNull();
        });
    }

    @Test
    void eachModelsCostIsOneNumberInTheEndpointThePrometheusScrapeAndTheExportedSpans() {
        run(List.of(), (context) -> {
            context.getBean(ChatModel.class).call("Hi");
            langChain4j(context, "gpt-4o").chat(UserMessage.from("Hi"));
            langChain4j(context, "my-local-model").chat(UserMessage.from("Hi"));
            context.getBean(EmbeddingModel.class).embed(List.of("a cat", "a dog on a mat"));
            // No usage reported: the tokenizer counts each text, and the span's cost is the sum of their costs.
            OpenAiEmbeddingModel.builder()
                    .baseUrl(this.stub.baseUrl())
                    .apiKey("test-key")
                    .modelName(TOKENIZED_EMBEDDINGS)
                    .maxRetries(0)
                    .listeners(List.copyOf(
                            context.getBeansOfType(EmbeddingModelListener.class).values()))
                    .build()
                    .embedAll(List.of(
                            TextSegment.from("a cat " + OpenAiStub.NO_USAGE), TextSegment.from("a dog on a mat")));

            String summary = get(context, "");
            List<SpanData> spans = exported(context);
            List<String> trees = JsonPath.<List<String>>read(get(context, "/traces"), "$[*].id").stream()
                    .map((id) -> get(context, "/traces/" + id))
                    .toList();
            PrometheusScrape scrape = PrometheusScrape.parse(send(context, "GET", "/actuator/prometheus"));
            assertThat(scrape.problems("llamatrace_cost")).isEmpty();
            PrometheusScrape.Family family = scrape.family("llamatrace_cost_total");
            assertThat(family.type()).isEqualTo("counter");
            assertThat(family.help()).isEqualTo("Cost of GenAI client operations, in the currency of the currency tag");
            assertThat(family.samples()).hasSize(4).allSatisfy((sample) -> assertThat(sample.labels())
                    .containsOnlyKeys("gen_ai_provider_name", "gen_ai_request_model", "currency")
                    .containsEntry("gen_ai_provider_name", "openai")
                    .containsEntry("currency", "USD"));
            assertThat(scrape.family("llamatrace_cost_unpriced_total").samples())
                    .singleElement()
                    .satisfies((sample) -> {
                        assertThat(sample.labels()).containsEntry("gen_ai_request_model", "my-local-model");
                        assertThat(sample.value()).isEqualTo(1);
                    });

            for (String model : List.of("gpt-4o-mini", "gpt-4o", "text-embedding-3-small", TOKENIZED_EMBEDDINGS)) {
                String amount = JsonPath.read(summary, "$.cost.models['" + model + "'].amount");
                SpanData span = spanOf(spans, model);
                assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                        .as(model)
                        .isEqualTo(amount);
                assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.currency")))
                        .isEqualTo("USD");
                assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.source")))
                        .isEqualTo("local");
                String tree = trees.stream()
                        .filter((candidate) -> !JsonPath.<List<Object>>read(
                                        candidate, "$..[?(@.model == '" + model + "' && @.cost)]")
                                .isEmpty())
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no trace with a priced span of " + model));
                assertThat(JsonPath.<List<String>>read(tree, "$..[?(@.model == '" + model + "')].cost.amount"))
                        .as("the span in the trace tree")
                        .containsExactly(amount);
                assertThat((String) JsonPath.read(tree, "$.cost.USD"))
                        .as("the trace's total")
                        .isEqualTo(amount);
                assertThat(family.sum("llamatrace_cost_total", Map.of("gen_ai_request_model", model)))
                        .as("the scraped meter of " + model)
                        .isCloseTo(Double.parseDouble(amount), within(1e-18));
            }
            assertThat((String) JsonPath.read(summary, "$.cost.models['text-embedding-3-small'].amount"))
                    .as("5 tokens reported by the provider at 0.02 per million")
                    .isEqualTo("0.0000001");
            SpanData tokenized = spanOf(spans, TOKENIZED_EMBEDDINGS);
            int tokens = Integer.parseInt(
                    tokenized.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens")));
            assertThat(context.getBean(TokenCountingHandler.class).embeddingTokenCounts())
                    .filteredOn((count) -> count.model().equals(TOKENIZED_EMBEDDINGS))
                    .as("one count per text")
                    .hasSize(2)
                    .extracting(TokenCountingEvent::promptTokenCount)
                    .allSatisfy((count) -> assertThat(count).isPositive().isLessThan(tokens));
            assertThat(tokenized.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                    .as("the cost of both texts")
                    .isEqualTo(PriceTable.defaults()
                            .cost(TOKENIZED_EMBEDDINGS, tokens, 0, 0, 0, 0)
                            .plainAmount());
        });
    }

    @Test
    void aCostTheProviderReportsInTheUsageWinsForSpringAiAndLangChain4jCalls() {
        run(List.of(), (context) -> {
            context.getBean(ChatModel.class).call("Hi " + OpenAiStub.REPORT_COST);
            langChain4j(context, "gpt-4o").chat(UserMessage.from("Hi " + OpenAiStub.REPORT_COST));
            langChain4j(context, "my-local-model").chat(UserMessage.from("Hi " + OpenAiStub.REPORT_COST));
            CompletableFuture<ChatResponse> streamed = new CompletableFuture<>();
            OpenAiStreamingChatModel.builder()
                    .baseUrl(this.stub.baseUrl())
                    .apiKey("test-key")
                    .modelName("o4-mini")
                    .listeners(List.copyOf(
                            context.getBeansOfType(ChatModelListener.class).values()))
                    .build()
                    .chat("Hi stream " + OpenAiStub.REPORT_COST, CompletingHandler.completing(streamed));
            streamed.join();
            // The stream's span ends on the provider's thread, after the handler saw the response.
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> exported(context).stream().anyMatch((span) -> "o4-mini"
                            .equals(span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))));

            String summary = get(context, "");
            List<SpanData> spans = exported(context);
            for (String model : List.of("gpt-4o-mini", "gpt-4o", "my-local-model", "o4-mini")) {
                assertThat((String) JsonPath.read(summary, "$.cost.models['" + model + "'].amount"))
                        .as(model)
                        .isEqualTo(OpenAiStub.REPORTED_COST);
                assertThat((Integer) JsonPath.read(summary, "$.cost.models['" + model + "'].providerReported"))
                        .isEqualTo(1);
                SpanData span = spanOf(spans, model);
                assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                        .isEqualTo(OpenAiStub.REPORTED_COST);
                assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.cost.source")))
                        .isEqualTo("provider");
            }
            assertThat((Map<String, Object>) JsonPath.read(summary, "$.cost.unpriced"))
                    .as("a model without a price is priced by what its provider reported")
                    .isEmpty();
            assertThat((String) JsonPath.read(summary, "$.cost.total.USD")).isEqualTo("0.00168");
        });
    }

    @Test
    void configuredPricesComeBeforeTheShippedOnesAndTheShippedOnesCanBeLeftOut() {
        run(
                List.of(
                        "--llamatrace.cost.models[0].model=gpt-4o-mini*",
                        "--llamatrace.cost.models[0].currency=EUR",
                        "--llamatrace.cost.models[0].input=1",
                        "--llamatrace.cost.models[0].output=2.5",
                        "--llamatrace.cost.default-prices=false"),
                (context) -> {
                    context.getBean(ChatModel.class).call("Hi");
                    langChain4j(context, "gpt-4o").chat(UserMessage.from("Hi"));
                    String summary = get(context, "");
                    // 11 * 1 + 4 * 2.5 = 21 per million
                    assertThat((String) JsonPath.read(summary, "$.cost.total.EUR"))
                            .isEqualTo("0.000021");
                    assertThat((Map<String, Object>) JsonPath.read(summary, "$.cost.total"))
                            .containsOnlyKeys("EUR");
                    assertThat((Integer) JsonPath.read(summary, "$.cost.unpriced['gpt-4o']"))
                            .isEqualTo(1);
                    assertThat((Object) JsonPath.read(summary, "$.cost.pricesAsOf"))
                            .isNull();
                    assertThat(context.getBean(MeterRegistry.class)
                                    .get("llamatrace.cost")
                                    .tag("currency", "EUR")
                                    .counter()
                                    .count())
                            .isCloseTo(2.1e-5, within(1e-15));
                });
    }

    @Test
    void aCostBudgetRefusesTheNextCallOnceExceeded() {
        // Two calls cost 0.0000072, over a budget of 0.000005: the third is refused before it reaches the provider.
        run(List.of("--llamatrace.cost.budget=0.000005"), (context) -> {
            ChatModel model = context.getBean(ChatModel.class);
            model.call("one");
            model.call("two");
            int requests = this.stub.requests().size();
            assertThatThrownBy(() -> model.call("three"))
                    .isInstanceOf(CostBudgetExceededException.class)
                    .hasMessage("Cost budget exceeded: limit 0.000005 USD, current 0.0000072 USD");
            assertThat(this.stub.requests()).hasSize(requests);
            String summary = get(context, "");
            assertThat((String) JsonPath.read(summary, "$.cost.budget.limit")).isEqualTo("0.000005");
            assertThat((String) JsonPath.read(summary, "$.cost.budget.spent")).isEqualTo("0.0000072");
            // Resetting the endpoint clears the spend: calls start again.
            delete(context);
            assertThat(model.call("four")).isEqualTo(OpenAiStub.ANSWER);
        });
    }

    @Test
    void aBadPriceEntryFailsStartupNamingTheProperty(CapturedOutput output) {
        assertThatThrownBy(() -> run(
                        List.of("--llamatrace.cost.models[0].model=gpt-4o", "--llamatrace.cost.models[0].input=-1"),
                        (context) -> {}))
                .hasRootCauseInstanceOf(dev.llamatrace.autoconfigure.InvalidLlamaTracePropertyException.class);
        assertThat(output)
                .contains("The llamatrace property 'llamatrace.cost.models[0].input' has the invalid value '-1'")
                .contains("a price per million tokens from 0 to 100000 with at most 6 decimals");
    }

    @Test
    void pricingCanBeSwitchedOff() {
        run(List.of("--llamatrace.cost.enabled=false"), (context) -> {
            context.getBean(ChatModel.class).call("Hi");
            assertThat((Object) JsonPath.read(get(context, ""), "$.cost")).isNull();
            String trace = JsonPath.read(get(context, "/traces"), "$[0].id");
            assertThat((Object) JsonPath.read(get(context, "/traces/" + trace), "$.cost"))
                    .as("no trace cost: the viewer shows neither amounts nor 'unpriced'")
                    .isNull();
            assertThat(context.getBean(MeterRegistry.class)
                            .find("llamatrace.cost.unpriced")
                            .counters())
                    .isEmpty();
            assertThat(span(exported(context), CHAT_MINI)
                            .getAttributes()
                            .get(AttributeKey.stringKey("gen_ai.usage.cost.amount")))
                    .isNull();
        });
    }

    private static Counter cost(MeterRegistry meters, String model) {
        return meters.get("llamatrace.cost")
                .tag("gen_ai.request.model", model)
                .tag("gen_ai.provider.name", "openai")
                .tag("currency", "USD")
                .counter();
    }

    private OpenAiChatModel langChain4j(ConfigurableApplicationContext context, String model) {
        return OpenAiChatModel.builder()
                .baseUrl(this.stub.baseUrl())
                .apiKey("test-key")
                .modelName(model)
                .maxRetries(0)
                .listeners(List.copyOf(
                        context.getBeansOfType(ChatModelListener.class).values()))
                .build();
    }

    private static List<SpanData> exported(ConfigurableApplicationContext context) {
        context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
        return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
    }

    /** The one exported span of a call to a model. */
    private static SpanData spanOf(List<SpanData> spans, String model) {
        List<SpanData> calls = spans.stream()
                .filter((span) -> model.equals(span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))
                        && span.getAttributes().get(AttributeKey.stringKey("gen_ai.usage.input_tokens")) != null)
                .toList();
        assertThat(calls).as("the spans of " + model).hasSize(1);
        return calls.get(0);
    }

    private static SpanData span(List<SpanData> spans, String name) {
        return spans.stream()
                .filter((span) -> span.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " in "
                        + spans.stream().map(SpanData::getName).toList()));
    }

    private String get(ConfigurableApplicationContext context, String path) {
        return send(context, "GET", "/actuator/llamatrace" + path);
    }

    private void delete(ConfigurableApplicationContext context) {
        send(context, "DELETE", "/actuator/llamatrace");
    }

    private String send(ConfigurableApplicationContext context, String method, String path) {
        String port = context.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json, text/plain;version=0.0.4;q=0.5")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path).isBetween(200, 204);
            return response.body();
        } catch (java.io.IOException ex) {
            throw new java.io.UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void run(List<String> extraArguments, Consumer<ConfigurableApplicationContext> callback) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--management.endpoints.web.exposure.include=llamatrace,prometheus",
                "--management.tracing.sampling.probability=1.0",
                // The OpenInference twin of the cost is checked too.
                "--llamatrace.tracing.open-inference=true",
                "--management.otlp.metrics.export.enabled=false",
                "--spring.ai.openai.base-url=" + this.stub.baseUrl(),
                "--spring.ai.openai.api-key=test-key",
                "--spring.ai.openai.max-retries=0",
                "--spring.ai.openai.chat.model=gpt-4o-mini",
                "--spring.ai.openai.embedding.model=text-embedding-3-small"));
        arguments.addAll(extraArguments);
        try (ConfigurableApplicationContext context =
                new SpringApplicationBuilder(CostApplication.class).run(arguments.toArray(String[]::new))) {
            callback.accept(context);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class CostApplication {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        InMemorySpanExporter inMemorySpanExporter() {
            return InMemorySpanExporter.create();
        }
    }
}
