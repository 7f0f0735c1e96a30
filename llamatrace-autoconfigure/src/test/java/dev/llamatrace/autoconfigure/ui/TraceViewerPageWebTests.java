package dev.llamatrace.autoconfigure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** The page over a real port: served only when enabled, from the jar, pointing at the endpoint and nothing else. */
class TraceViewerPageWebTests {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePageAndItsAssetsAre404WhenNotEnabled() throws Exception {
        try (ConfigurableApplicationContext app = start("--management.endpoints.web.exposure.include=llamatrace")) {
            for (String path : new String[] {"/llamatrace", "/llamatrace/", "/llamatrace/viewer.js"}) {
                assertThat(get(app, path).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(get(app, "/actuator/llamatrace").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void thePageIsServedFromTheJarWithAStrictContentSecurityPolicy() throws Exception {
        try (ConfigurableApplicationContext app =
                start("--llamatrace.ui.enabled=true", "--management.endpoints.web.exposure.include=llamatrace")) {
            HttpResponse<String> page = get(app, "/llamatrace");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type"))
                    .hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
            assertThat(page.headers().firstValue("Content-Security-Policy"))
                    .hasValue(TraceViewerPage.CONTENT_SECURITY_POLICY);
            assertThat(page.body())
                    .contains("data-endpoint=\"/actuator/llamatrace\"")
                    .contains("src=\"/llamatrace/viewer.js\"")
                    .contains("href=\"/llamatrace/viewer.css\"")
                    .doesNotContain("{{")
                    .doesNotContain("http://")
                    .doesNotContain("https://");
            assertThat(get(app, "/llamatrace/").body()).isEqualTo(page.body());
            HttpResponse<String> script = get(app, "/llamatrace/viewer.js");
            assertThat(script.statusCode()).isEqualTo(200);
            assertThat(script.headers().firstValue("Content-Type"))
                    .hasValueSatisfying((type) -> assertThat(type).startsWith("text/javascript"));
            assertThat(script.body())
                    .contains("fetch(ENDPOINT")
                    .doesNotContain("http://")
                    .doesNotContain("https://");
            HttpResponse<String> style = get(app, "/llamatrace/viewer.css");
            assertThat(style.headers().firstValue("Content-Type"))
                    .hasValueSatisfying((type) -> assertThat(type).startsWith("text/css"));
            assertThat(get(app, "/llamatrace/other.js").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePageFollowsItsPathTheContextPathAndTheEndpointMapping() throws Exception {
        try (ConfigurableApplicationContext app = start(
                "--llamatrace.ui.enabled=true",
                "--llamatrace.ui.path=/ops/traces",
                "--server.servlet.context-path=/shop",
                "--management.endpoints.web.base-path=/manage/",
                "--management.endpoints.web.path-mapping.llamatrace=llm",
                "--management.endpoints.web.exposure.include=llamatrace")) {
            HttpResponse<String> page = get(app, "/shop/ops/traces");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body())
                    .contains("data-endpoint=\"/shop/manage/llm\"")
                    .contains("src=\"/shop/ops/traces/viewer.js\"");
            assertThat(get(app, "/shop/manage/llm").statusCode()).isEqualTo(200);
            assertThat(get(app, "/shop/llamatrace").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void thePageDoesNotWidenAccessToAnEndpointThatIsNotExposed() throws Exception {
        try (ConfigurableApplicationContext app = start("--llamatrace.ui.enabled=true")) {
            assertThat(get(app, "/llamatrace").statusCode()).isEqualTo(200);
            // The page has no data route of its own; what it could read is what the browser can read.
            assertThat(get(app, "/actuator/llamatrace").statusCode()).isEqualTo(404);
            assertThat(get(app, "/actuator/llamatrace/traces").statusCode()).isEqualTo(404);
            assertThat(get(app, "/llamatrace/traces").statusCode()).isEqualTo(404);
        }
    }

    private static ConfigurableApplicationContext start(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.main.banner-mode=off",
                // Other modules' test dependencies (Spring AI's OpenAI client, OTLP export) are on this class path.
                "--spring.ai.openai.api-key=unused",
                "--management.otlp.metrics.export.enabled=false",
                "--management.tracing.export.enabled=false"));
        all.addAll(List.of(args));
        return new SpringApplicationBuilder(App.class).run(all.toArray(String[]::new));
    }

    private HttpResponse<String> get(ConfigurableApplicationContext app, String path)
            throws IOException, InterruptedException {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {}
}
