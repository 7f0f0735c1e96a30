package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The generated configuration metadata gives IDEs every key of {@link LlamaTraceProperties} with its description. */
class LlamaTracePropertiesMetadataTests {

    @Test
    void everyPropertyIsDocumentedInTheGeneratedMetadata() throws IOException {
        String json = metadata();
        List<Map<String, Object>> properties = JsonPath.read(
                json, "$.properties[?(@.sourceType =~ /dev.llamatrace.autoconfigure.LlamaTraceProperties.*/)]");
        assertThat(properties)
                .extracting((property) -> (String) property.get("name"))
                .contains(
                        "llamatrace.enabled",
                        "llamatrace.capture-content",
                        "llamatrace.content-max-length",
                        "llamatrace.content-redaction.built-in-rules",
                        "llamatrace.content-redaction.rules",
                        "llamatrace.handlers.dispatchers",
                        "llamatrace.handlers.token-counting.enabled",
                        "llamatrace.handlers.token-counting.encoding",
                        "llamatrace.handlers.token-counting.token-budget",
                        "llamatrace.handlers.token-counting.max-records",
                        "llamatrace.handlers.debug.enabled",
                        "llamatrace.handlers.debug.max-events",
                        "llamatrace.handlers.debug.max-traces",
                        "llamatrace.handlers.debug.print-trace-on-end",
                        "llamatrace.handlers.spans.enabled",
                        "llamatrace.handlers.spans.capacity",
                        "llamatrace.handlers.spans.max-events-per-span",
                        "llamatrace.handlers.fine-tuning.enabled",
                        "llamatrace.handlers.fine-tuning.max-examples",
                        "llamatrace.aop.enabled",
                        "llamatrace.aop.capture-arguments",
                        "llamatrace.metrics.enabled",
                        "llamatrace.tracing.enabled",
                        "llamatrace.propagation.enabled");
        assertThat(properties).allSatisfy((property) -> assertThat((String) property.get("description"))
                .as("description of %s", property.get("name"))
                .isNotBlank());
        List<String> encodings = JsonPath.read(
                json, "$.hints[?(@.name == 'llamatrace.handlers.token-counting.encoding')].values[*].value");
        assertThat(encodings).containsExactlyInAnyOrderElementsOf(LlamaTraceProperties.allowedEncodings());
    }

    private static String metadata() throws IOException {
        try (InputStream in = LlamaTraceProperties.class
                .getClassLoader()
                .getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
