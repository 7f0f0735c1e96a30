package dev.llamatrace.autoconfigure.export;

import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
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
 * Turns an enabled export preset ({@code llamatrace.export.phoenix.*}, {@code llamatrace.export.weave.*} or
 * {@code llamatrace.export.langfuse.*}) into
 * Spring Boot's own OTLP trace export properties (endpoint, headers, resource attributes) and a sampling probability
 * of 1; the Phoenix preset also turns on the OpenInference span attributes ({@code llamatrace.tracing.open-inference}),
 * which Phoenix renders spans by. They go into a property source of the lowest precedence, so any
 * {@code management.*} value the application sets itself wins; Boot's OTLP exporter does the export. Misconfiguration
 * fails at startup with a clear message.
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

    /** Phoenix (15.5 and later) routes by this header before the resource attribute. */
    static final String PHOENIX_PROJECT_HEADER = "x-project-name";

    /** Weave authenticates by this header and routes by the two resource attributes below. */
    static final String WEAVE_API_KEY_HEADER = "wandb-api-key";

    static final String WEAVE_ENTITY_ATTRIBUTE = "wandb.entity";

    static final String WEAVE_PROJECT_ATTRIBUTE = "wandb.project";

    static final String AUTHORIZATION = "authorization";

    static final String LANGFUSE_HOST_ENV = "LANGFUSE_HOST";

    static final String LANGFUSE_PUBLIC_KEY_ENV = "LANGFUSE_PUBLIC_KEY";

    static final String LANGFUSE_SECRET_KEY_ENV = "LANGFUSE_SECRET_KEY";

    /** Langfuse's EU cloud, its SDKs' default. */
    static final String LANGFUSE_DEFAULT_HOST = "https://cloud.langfuse.com";

    /** Langfuse's OTLP/HTTP trace endpoint, below its base URL. */
    static final String LANGFUSE_TRACES_PATH = "/api/public/otel/v1/traces";

    /** The presets' switches: one of them on is what makes this post-processor do anything. */
    static final List<String> PRESET_SWITCHES = Stream.of("phoenix", "weave", "langfuse")
            .map((preset) -> LlamaTraceExportProperties.PREFIX + "." + preset + ".enabled")
            .toList();

    @Override
    public int getOrder() {
        // After application.properties/yml and profiles are loaded, so the presets are read from them.
        return ConfigDataEnvironmentPostProcessor.ORDER + 1;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        // Binding the presets' JavaBeans introspects four classes on every start; with no preset on, nothing to do.
        if (PRESET_SWITCHES.stream()
                .noneMatch((name) -> binder.bind(name, Boolean.class).orElse(false))) {
            return;
        }
        LlamaTraceExportProperties properties = binder.bind(
                        LlamaTraceExportProperties.PREFIX, LlamaTraceExportProperties.class)
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
        LlamaTraceExportProperties.Langfuse langfuse = properties.getLangfuse();
        long enabled = Stream.of(phoenix.isEnabled(), weave.isEnabled(), langfuse.isEnabled())
                .filter(Boolean::booleanValue)
                .count();
        if (enabled > 1) {
            throw new IllegalStateException("More than one of llamatrace.export.phoenix.enabled,"
                    + " llamatrace.export.weave.enabled and llamatrace.export.langfuse.enabled are true, but Spring"
                    + " Boot exports traces to one OTLP endpoint: enable one of them");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (phoenix.isEnabled()) {
            phoenix(phoenix, environment, values);
        } else if (weave.isEnabled()) {
            weave(weave, environment, values);
        } else if (langfuse.isEnabled()) {
            langfuse(langfuse, environment, values);
        } else {
            return values;
        }
        // Boot samples 10% of traces by default; an LLM trace backend is of little use with nine in ten missing.
        values.put(SAMPLING_PROBABILITY, "1.0");
        return values;
    }

    private static void phoenix(
            LlamaTraceExportProperties.Phoenix phoenix,
            ConfigurableEnvironment environment,
            Map<String, Object> values) {
        values.put(OTLP_ENDPOINT, phoenix.getEndpoint());
        // Phoenix renders spans by their OpenInference attributes (kind, model, tokens, messages).
        values.put(LlamaTraceProperties.TRACING_OPEN_INFERENCE, "true");
        String apiKey = firstText(phoenix.getApiKey(), environment.getProperty(PHOENIX_API_KEY_ENV));
        if (apiKey != null) {
            values.put(header(AUTHORIZATION), "Bearer " + apiKey);
        }
        if (StringUtils.hasText(phoenix.getProjectName())) {
            // Phoenix routes by the header first (15.5 and later), by the resource attribute otherwise.
            values.put(header(PHOENIX_PROJECT_HEADER), phoenix.getProjectName());
            values.put(resourceAttribute(PHOENIX_PROJECT_ATTRIBUTE), phoenix.getProjectName());
        }
    }

    private static void weave(
            LlamaTraceExportProperties.Weave weave, ConfigurableEnvironment environment, Map<String, Object> values) {
        String entity = require(weave.getEntity(), "weave", "llamatrace.export.weave.entity");
        String project = require(weave.getProject(), "weave", "llamatrace.export.weave.project");
        String apiKey = require(
                firstText(weave.getApiKey(), environment.getProperty(WANDB_API_KEY_ENV)),
                "weave",
                "llamatrace.export.weave.api-key (or the " + WANDB_API_KEY_ENV + " environment variable)");
        values.put(OTLP_ENDPOINT, weave.getEndpoint());
        // W&B's OTLP docs: the API key in its own header, the project from two resource attributes.
        values.put(header(WEAVE_API_KEY_HEADER), apiKey);
        values.put(resourceAttribute(WEAVE_ENTITY_ATTRIBUTE), entity);
        values.put(resourceAttribute(WEAVE_PROJECT_ATTRIBUTE), project);
    }

    private static void langfuse(
            LlamaTraceExportProperties.Langfuse langfuse,
            ConfigurableEnvironment environment,
            Map<String, Object> values) {
        String host = firstText(langfuse.getHost(), environment.getProperty(LANGFUSE_HOST_ENV));
        String publicKey = require(
                firstText(langfuse.getPublicKey(), environment.getProperty(LANGFUSE_PUBLIC_KEY_ENV)),
                "langfuse",
                "llamatrace.export.langfuse.public-key (or the " + LANGFUSE_PUBLIC_KEY_ENV + " environment variable)");
        String secretKey = require(
                firstText(langfuse.getSecretKey(), environment.getProperty(LANGFUSE_SECRET_KEY_ENV)),
                "langfuse",
                "llamatrace.export.langfuse.secret-key (or the " + LANGFUSE_SECRET_KEY_ENV + " environment variable)");
        String base = (host != null) ? host : LANGFUSE_DEFAULT_HOST;
        values.put(OTLP_ENDPOINT, stripTrailingSlashes(base) + LANGFUSE_TRACES_PATH);
        values.put(header(AUTHORIZATION), "Basic " + basic(publicKey, secretKey));
    }

    private static String stripTrailingSlashes(String url) {
        String stripped = url.strip();
        while (stripped.endsWith("/")) {
            stripped = stripped.substring(0, stripped.length() - 1);
        }
        return stripped;
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

    private static String require(@Nullable String value, String preset, String property) {
        if (!StringUtils.hasText(value)) {
            throw new IllegalStateException("llamatrace.export." + preset + ".enabled is true but " + property
                    + " is not set; the preset needs it");
        }
        return value;
    }
}
