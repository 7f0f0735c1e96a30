package dev.llamatrace.demo.viewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.demo.DemoApplication;
import dev.llamatrace.demo.DemoServer;
import dev.llamatrace.demo.ServerSentEvents;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The trace viewer in a real browser, on the demo: what a developer sees after asking questions. Every number the page
 * shows is compared with the endpoint's JSON for the same trace.
 */
class TraceViewerBrowserTests extends DemoServer {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final String QUESTION = "How do I export traces to Zipkin?";

    private Chromium chromium;

    @BeforeEach
    void openBrowser() {
        // Per test, not per class: surefire then reports each skipped test instead of none.
        Chromium.requireInstalled();
        this.chromium = Chromium.start();
    }

    @AfterEach
    void closeBrowser() {
        if (this.chromium != null) {
            this.chromium.close();
        }
    }

    @Test
    void theListTheWaterfallAFilterAndLiveUpdatesShowTheDemosTraces() {
        String asked = traceId(ask(QUESTION));
        String streamed = streamedTraceId("What is a span?");
        ChromeDriver browser = this.chromium.driver();
        browser.get(uri("/llamatrace").toString());

        // The list shows the trace with the endpoint's numbers.
        JsonNode summary = listed(asked);
        WebElement row = await().atMost(PATIENCE).ignoreExceptions().until(() -> row(asked), (found) -> true);
        List<String> cells = row.findElements(By.tagName("td")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(cells.get(0)).isEqualTo("QueryEngine.query");
        assertThat(cells.get(3)).isEqualTo("ok");
        assertThat(cells.get(4)).isEqualTo(summary.get("spanCount").asString());
        assertThat(digits(cells.get(5))).isEqualTo(summary.get("tokens").asLong());

        // Opening it (from the keyboard) shows the waterfall: one row per span, the LLM span with its tokens.
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() -> row(asked).findElement(By.tagName("a")).sendKeys(Keys.ENTER));
        JsonNode llm = llmSpan(trace(asked).get("root"));
        WebElement llmRow = await().atMost(PATIENCE)
                .ignoreExceptions()
                .until(() -> browser.findElement(By.cssSelector(".span-row[data-kind='LLM']")), (found) -> true);
        assertThat(browser.getCurrentUrl()).endsWith("#/trace/" + URLEncoder.encode(asked, StandardCharsets.UTF_8));
        assertThat(browser.findElements(By.cssSelector(".waterfall .span-row")))
                .hasSize(summary.get("spanCount").asInt());
        assertThat(llmRow.getAttribute("data-span-id")).isEqualTo(llm.get("id").asString());
        assertThat(digits(llmRow.findElement(By.className("span-tokens")).getText()))
                .isEqualTo(llm.get("tokens").get("total").asLong());
        assertThat(llmRow.findElement(By.className("kind")).getText()).isEqualTo("LLM");

        // The LLM span is selected: its usage, and the captured conversation as chat bubbles.
        WebElement detail = browser.findElement(By.id("span-detail"));
        assertThat(detail.findElement(By.className("usage")).getText())
                .contains(String.valueOf(llm.get("tokens").get("prompt").asLong()))
                .contains(String.valueOf(llm.get("tokens").get("completion").asLong()))
                .contains("reported by the provider");
        assertThat(detail.findElements(By.cssSelector(".bubble.role-user")))
                .anySatisfy((bubble) -> assertThat(bubble.getText()).contains(QUESTION));
        assertThat(detail.findElements(By.cssSelector(".bubble.role-assistant")))
                .hasSize(1);
        this.chromium.screenshot("trace-view");

        // Arrow keys move between spans; selecting the retriever span shows its documents with scores.
        llmRow.sendKeys(Keys.HOME);
        assertThat(browser.switchTo().activeElement().getAttribute("data-span-id"))
                .isEqualTo(asked);
        browser.switchTo().activeElement().sendKeys(Keys.ARROW_DOWN);
        WebElement retriever = browser.switchTo().activeElement();
        assertThat(retriever.getAttribute("data-kind")).isEqualTo("RETRIEVER");
        retriever.sendKeys(Keys.ENTER);
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(
                        browser.findElements(By.cssSelector("#span-detail .documents li")))
                .hasSize(3));

        // A filter narrows the list: only the streamed question is a QueryEngine.stream trace.
        await().atMost(PATIENCE).ignoreExceptions().until(() -> row(streamed), (found) -> true);
        browser.findElement(By.cssSelector("#f-name option[value='QueryEngine.stream']"))
                .click();
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(listedIds(browser))
                .contains(streamed)
                .doesNotContain(asked));
        browser.findElement(By.cssSelector("#f-name option[value='']")).click();
        browser.findElement(By.id("f-search")).sendKeys("no span is called this");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            assertThat(listedIds(browser)).isEmpty();
            assertThat(browser.findElement(By.id("list-empty")).isDisplayed()).isTrue();
        });
        browser.findElement(By.id("f-search")).clear();
        browser.findElement(By.id("f-search")).sendKeys("retriever");
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> assertThat(listedIds(browser))
                .contains(asked, streamed));

        // A new question appears without a reload: the marker set on this window survives.
        browser.executeScript("window.llamatraceTestMarker = 'same page';");
        String later = traceId(ask("Which handler counts tokens?"));
        await().atMost(PATIENCE)
                .ignoreExceptions()
                .untilAsserted(() -> assertThat(listedIds(browser)).first().isEqualTo(later));
        assertThat(browser.executeScript("return window.llamatraceTestMarker;")).isEqualTo("same page");
    }

    @Test
    void theSummaryChartsTokensPerModelAndEventTypes() {
        ask(QUESTION);
        ChromeDriver browser = this.chromium.driver();
        browser.get(uri("/llamatrace#/summary").toString());
        await().atMost(PATIENCE).ignoreExceptions().untilAsserted(() -> {
            String text = browser.findElement(By.id("summary-view")).getText();
            assertThat(text)
                    .contains("Tokens per model")
                    .contains("llamatrace-extractive")
                    .contains("all-minilm-l6-v2-q")
                    .contains("Average time per event type")
                    .contains("retrieve");
        });
        // Nothing else asks a question meanwhile: the cards show the endpoint's totals.
        JsonNode tokens = json(get("/actuator/llamatrace")).get("tokens");
        Map<String, Long> cards = new HashMap<>();
        for (WebElement card : browser.findElements(By.cssSelector(".card"))) {
            cards.put(
                    card.findElement(By.className("label")).getText(),
                    digits(card.findElement(By.className("value")).getText()));
        }
        assertThat(cards)
                .containsEntry("LLM calls", tokens.get("llmCalls").asLong())
                .containsEntry("LLM tokens", tokens.get("total").asLong())
                .containsEntry("Embedding tokens", tokens.get("embedding").asLong());
        assertThat(browser.findElements(By.cssSelector(".chart .bar-row"))).isNotEmpty();
    }

    @Test
    void eachCallsCostAndTheTracesTotalAreTheEndpointsAndAnUnpricedModelSaysSo() {
        // The demo's local model gets a price, its embedding model none.
        try (ConfigurableApplicationContext demo = startDemo(
                "--llamatrace.cost.models[0].model=llamatrace-extractive",
                "--llamatrace.cost.models[0].currency=EUR",
                "--llamatrace.cost.models[0].input=1.5",
                "--llamatrace.cost.models[0].output=6")) {
            int port = port(demo);
            String id = traceId(askOn(port, QUESTION));
            JsonNode trace = json(send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/actuator/llamatrace/traces/" + URLEncoder.encode(id, StandardCharsets.UTF_8)))
                    .GET()));
            JsonNode llm = llmSpan(trace.get("root"));
            JsonNode embedding = countedSpan(trace.get("root"), "EMBEDDING");
            assertThat(embedding).as("the question's embedding, counted").isNotNull();
            assertThat(embedding.get("cost").isNull())
                    .as("all-minilm-l6-v2-q has no price")
                    .isTrue();
            String llmCost = llm.get("cost").get("amount").asString() + " EUR";
            String traceCost = trace.get("cost").get("EUR").asString() + " EUR";
            assertThat(trace.get("cost").get("EUR").asString())
                    .as("the trace's only priced call")
                    .isEqualTo(llm.get("cost").get("amount").asString());

            ChromeDriver browser = this.chromium.driver();
            browser.get("http://localhost:" + port + "/llamatrace#/trace/" + id);
            WebElement llmRow = await().atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector(".span-row[data-kind='LLM']")), (found) -> true);
            assertThat(llmRow.findElement(By.className("span-cost")).getText()).isEqualTo(llmCost);
            assertThat(browser.findElement(By.cssSelector(".span-row[data-span-id='"
                                    + embedding.get("id").asString() + "'] .span-cost"))
                            .getText())
                    .isEqualTo("unpriced");
            assertThat(browser.findElement(By.className("trace-cost")).getText())
                    .isEqualTo("cost " + traceCost + ", 1 unpriced");
            assertThat(browser.findElement(By.cssSelector("#span-detail .usage .cost-row"))
                            .getText())
                    .contains(llmCost)
                    .contains("from the price table");
            assertThat(browser.findElement(By.cssSelector("#trace-rows tr[data-trace-id='" + id + "'] td.cost"))
                            .getText())
                    .isEqualTo(traceCost);
            this.chromium.screenshot("trace-cost");
        }
    }

    @Test
    void withContentCaptureOffNoPromptTextReachesThePage() {
        String question = "Which property switches content capture on?";
        try (ConfigurableApplicationContext demo = startDemo("--llamatrace.capture-content=false")) {
            int port = port(demo);
            String id = traceId(askOn(port, question));
            ChromeDriver browser = this.chromium.driver();
            browser.get("http://localhost:" + port + "/llamatrace#/trace/" + id);
            WebElement detail = await().atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.cssSelector("#span-detail .usage")), (found) -> true)
                    .findElement(By.xpath(".."));
            assertThat(detail.getText()).contains("Content is not captured");
            assertThat(browser.findElements(By.cssSelector(".bubble, .documents li, pre.content")))
                    .isEmpty();
            String dom = browser.getPageSource();
            assertThat(dom)
                    .contains("QueryEngine.query")
                    .doesNotContain(question)
                    .doesNotContain("documentation assistant")
                    .doesNotContain("capture-content=true</pre>");
        }
    }

    @Test
    void whenTheEndpointIsNotExposedThePageExplainsHowInsteadOfShowingData() {
        try (ConfigurableApplicationContext demo = startDemo("--management.endpoints.web.exposure.include=health")) {
            int port = port(demo);
            askOn(port, QUESTION);
            ChromeDriver browser = this.chromium.driver();
            browser.get("http://localhost:" + port + "/llamatrace");
            WebElement problem = await().atMost(PATIENCE)
                    .ignoreExceptions()
                    .until(() -> browser.findElement(By.id("problem")), WebElement::isDisplayed);
            assertThat(problem.getText())
                    .contains("not exposed")
                    .contains("management.endpoints.web.exposure.include=health,llamatrace");
            assertThat(browser.findElement(By.id("traces-view")).isDisplayed()).isFalse();
            assertThat(listedIds(browser)).isEmpty();
            assertThat(browser.getPageSource())
                    .doesNotContain("QueryEngine.query")
                    .doesNotContain("Zipkin");
            this.chromium.screenshot("endpoint-not-exposed");
        }
    }

    private WebElement row(String traceId) {
        return this.chromium.driver().findElement(By.cssSelector("#trace-rows tr[data-trace-id='" + traceId + "']"));
    }

    private static List<String> listedIds(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#trace-rows tr[data-trace-id]")).stream()
                .map((row) -> row.getAttribute("data-trace-id"))
                .toList();
    }

    private JsonNode listed(String traceId) {
        for (JsonNode trace : json(get("/actuator/llamatrace/traces"))) {
            if (trace.get("id").asString().equals(traceId)) {
                return trace;
            }
        }
        throw new AssertionError("Trace " + traceId + " is not listed");
    }

    private JsonNode trace(String traceId) {
        return json(get("/actuator/llamatrace/traces/" + URLEncoder.encode(traceId, StandardCharsets.UTF_8)));
    }

    private static JsonNode llmSpan(JsonNode node) {
        if (node.get("kind").asString().equals("LLM")) {
            return node;
        }
        for (JsonNode child : node.get("children")) {
            JsonNode found = llmSpan(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** The first span of a kind with a token count, depth first. */
    private static JsonNode countedSpan(JsonNode node, String kind) {
        if (node.get("kind").asString().equals(kind) && !node.get("tokens").isNull()) {
            return node;
        }
        for (JsonNode child : node.get("children")) {
            JsonNode found = countedSpan(child, kind);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private HttpResponse<String> ask(String question) {
        return postJson("/api/ask", "{\"question\": " + JSON.writeValueAsString(question) + "}");
    }

    private String streamedTraceId(String question) {
        HttpResponse<String> response =
                get("/api/ask/stream?question=" + URLEncoder.encode(question, StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        ServerSentEvents.Sse done = ServerSentEvents.parse(response.body()).stream()
                .filter((event) -> event.name().equals("done"))
                .findFirst()
                .orElseThrow();
        return JSON.readTree(done.data()).get("traceId").asString();
    }

    private static String traceId(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body()).get("traceId").asString();
    }

    private static long digits(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    private static ConfigurableApplicationContext startDemo(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--server.port=" + freePort();
        all[1] = "--spring.main.banner-mode=off";
        System.arraycopy(args, 0, all, 2, args.length);
        // A registry of its own: the default one is process-wide, and the shared demo of the other tests listens on it.
        // Returns once the index is built: ingestion runs on ApplicationReadyEvent.
        return new SpringApplicationBuilder(DemoApplication.class)
                .initializers((context) -> context.getBeanFactory()
                        .registerSingleton("isolatedDispatcherRegistry", new DispatcherRegistry()))
                .run(all);
    }

    private static int port(ConfigurableApplicationContext demo) {
        return Integer.parseInt(demo.getEnvironment().getProperty("server.port"));
    }

    private static HttpResponse<String> askOn(int port, String question) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/ask"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"question\": " + JSON.writeValueAsString(question) + "}"))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return response;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
