package dev.llamatrace.autoconfigure.export;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Turns an enabled export preset ({@code llamatrace.export.phoenix.*} or {@code llamatrace.export.weave.*}) into
 * Spring Boot's own OTLP trace export properties (endpoint, headers, resource attributes) and a sampling probability
 * of 1. They go into a property source of the lowest precedence, so any {@code management.*} value the application
 * sets itself wins; Boot's OTLP exporter does the export. Misconfiguration fails at startup with a clear message.
 */
public final class ExportPresetEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    /** The name of the property source holding the preset's values. */
    public static final String PROPERTY_SOURCE_NAME = "llamatraceExportPreset";

    static final String OTLP_ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    static final String OTLP_HEADERS = "management.opentelemetry.tracing.export.otlp.headers";

    static final String RESOURCE_ATTRIBUTES = "management.opentelemetry.resource-attributes";

    static final String SAMPLING_PROBABILITY = "management.tracing.sampling.probability";

    static final String PHOENIX_API_KEY_ENV = "PHOENIX_API_KEY";

    static final String WANDB_API_KEY_ENV = "WANDB_API_KEY";

    /** Phoenix selects the project from this resource attribute. */
    static final String PHOENIX_PROJECT_ATTRIBUTE = "openinference.project.name";

    /** Weave routes by this header ({@code <entity>/<project>}) and by the two resource attributes below. */
    static final String WEAVE_PROJECT_HEADER = "project_id";

    static final String WEAVE_ENTITY_ATTRIBUTE = "wandb.entity";

    static final String WEAVE_PROJECT_ATTRIBUTE = "wandb.project";

    static final String AUTHORIZATION = "authorization";

    @Override
    public int getOrder() {
        // After application.properties/yml and profiles are loaded, so the presets are read from them.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        LlamaTraceExportProperties properties = Binder.get(environment)
                .bind(LlamaTraceExportProperties.PREFIX, LlamaTraceExportProperties.class)
                .orElseGet(LlamaTraceExportProperties::new);
        Map<String, Object> values = presetValues(properties, environment);
        if (!values.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE_NAME, values));
        }
    }

    static Map<String, Object> presetValues(
            LlamaTraceExportProperties properties, ConfigurableEnvironment environment) {
        LlamaTraceExportProperties.Phoenix phoenix = properties.getPhoenix();
        LlamaTraceExportProperties.Weave weave = properties.getWeave();
        if (phoenix.isEnabled() && weave.isEnabled()) {
            throw new IllegalStateException("Both llamatrace.export.phoenix.enabled and llamatrace.export.weave.enabled"
                    + " are true, but Spring Boot exports traces to one OTLP endpoint: enable one of them");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (phoenix.isEnabled()) {
            values.put(OTLP_ENDPOINT, phoenix.getEndpoint());
            String apiKey = firstText(phoenix.getApiKey(), environment.getProperty(PHOENIX_API_KEY_ENV));
            if (apiKey != null) {
                values.put(header(AUTHORIZATION), "Bearer " + apiKey);
            }
            if (StringUtils.hasText(phoenix.getProjectName())) {
                values.put(resourceAttribute(PHOENIX_PROJECT_ATTRIBUTE), phoenix.getProjectName());
            }
        } else if (weave.isEnabled()) {
            String entity = require(weave.getEntity(), "llamatrace.export.weave.entity");
            String project = require(weave.getProject(), "llamatrace.export.weave.project");
            String apiKey = require(
                    firstText(weave.getApiKey(), environment.getProperty(WANDB_API_KEY_ENV)),
                    "llamatrace.export.weave.api-key (or the " + WANDB_API_KEY_ENV + " environment variable)");
            values.put(OTLP_ENDPOINT, weave.getEndpoint());
            values.put(header(AUTHORIZATION), "Basic " + basic("api", apiKey));
            values.put(header(WEAVE_PROJECT_HEADER), entity + "/" + project);
            values.put(resourceAttribute(WEAVE_ENTITY_ATTRIBUTE), entity);
            values.put(resourceAttribute(WEAVE_PROJECT_ATTRIBUTE), project);
        } else {
            return values;
        }
        // Boot samples 10% of traces by default; an LLM trace backend is of little use with nine in ten missing.
        values.put(SAMPLING_PROBABILITY, "1.0");
        return values;
    }

    private static String header(String name) {
        return OTLP_HEADERS + "[" + name + "]";
    }

    private static String resourceAttribute(String name) {
        return RESOURCE_ATTRIBUTES + "[" + name + "]";
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static @Nullable String firstText(@Nullable String first, @Nullable String second) {
        if (StringUtils.hasText(first)) {
            return first;
        }
        return StringUtils.hasText(second) ? second : null;
    }

    private static String require(@Nullable String value, String property) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException(
                    "llamatrace.export.weave.enabled is true but " + property + " is not set; Weave needs it");
        }
        return value;
    }
}
