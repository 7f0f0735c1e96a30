package dev.llamatrace.autoconfigure.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

/** Tests for {@link ExportPresetEnvironmentPostProcessor}. */
class ExportPresetEnvironmentPostProcessorTests {

    private static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

    private static final String HEADERS = "management.opentelemetry.tracing.export.otlp.headers";

    private static final String RESOURCE = "management.opentelemetry.resource-attributes";

    private final ExportPresetEnvironmentPostProcessor processor = new ExportPresetEnvironmentPostProcessor();

    @Test
    void phoenixPresetSetsEndpointBearerTokenFromTheEnvironmentProjectAndFullSampling() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.enabled", "true")
                .withProperty("llamatrace.export.phoenix.project-name", "rag-app")
                .withProperty("PHOENIX_API_KEY", "phx-secret");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("http://localhost:6006/v1/traces");
        assertThat(map(environment, HEADERS))
                .containsOnly(Map.entry("authorization", "Bearer phx-secret"), Map.entry("x-project-name", "rag-app"));
        assertThat(map(environment, RESOURCE)).containsExactly(Map.entry("openinference.project.name", "rag-app"));
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
        // Phoenix renders spans by their OpenInference attributes.
        assertThat(environment.getProperty("llamatrace.tracing.open-inference")).isEqualTo("true");
    }

    @Test
    void theApplicationCanTurnOpenInferenceOffUnderThePhoenixPreset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.enabled", "true")
                .withProperty("llamatrace.tracing.open-inference", "false");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("llamatrace.tracing.open-inference")).isEqualTo("false");
    }

    @Test
    void phoenixPresetWithoutAKeySendsNoAuthorization() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.enabled", "true")
                .withProperty("llamatrace.export.phoenix.endpoint", "http://phoenix:6006/v1/traces");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("http://phoenix:6006/v1/traces");
        assertThat(map(environment, HEADERS)).isEmpty();
    }

    @Test
    void applicationManagementSettingsWinOverThePreset() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.enabled", "true")
                .withProperty("llamatrace.export.phoenix.api-key", "phx-preset")
                .withProperty(ENDPOINT, "http://collector:4318/v1/traces")
                .withProperty(HEADERS + ".authorization", "Bearer mine")
                .withProperty("management.tracing.sampling.probability", "0.5");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("http://collector:4318/v1/traces");
        assertThat(map(environment, HEADERS)).containsExactly(Map.entry("authorization", "Bearer mine"));
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.5");
    }

    @Test
    void weavePresetSendsTheApiKeyHeaderAndRoutesByResourceAttributesAsWandbDocuments() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.weave.enabled", "true")
                .withProperty("llamatrace.export.weave.entity", "acme")
                .withProperty("llamatrace.export.weave.project", "support-bot")
                .withProperty("WANDB_API_KEY", "wandb-secret");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("https://trace.wandb.ai/otel/v1/traces");
        assertThat(map(environment, HEADERS)).containsOnly(Map.entry("wandb-api-key", "wandb-secret"));
        assertThat(map(environment, RESOURCE))
                .containsOnly(Map.entry("wandb.entity", "acme"), Map.entry("wandb.project", "support-bot"));
        assertThat(environment.getProperty("llamatrace.tracing.open-inference")).isNull();
    }

    @Test
    void weavePresetWithoutAnApiKeyFailsAtStartup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.weave.enabled", "true")
                .withProperty("llamatrace.export.weave.entity", "acme")
                .withProperty("llamatrace.export.weave.project", "support-bot");

        assertThatIllegalStateException()
                .isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("WANDB_API_KEY");
    }

    @Test
    void langfusePresetTakesHostAndKeysFromTheEnvironmentByDefault() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.langfuse.enabled", "true")
                .withProperty("LANGFUSE_HOST", "https://langfuse.example.com/")
                .withProperty("LANGFUSE_PUBLIC_KEY", "pk-lf-1")
                .withProperty("LANGFUSE_SECRET_KEY", "sk-lf-2");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT))
                .isEqualTo("https://langfuse.example.com/api/public/otel/v1/traces");
        String basic = Base64.getEncoder().encodeToString("pk-lf-1:sk-lf-2".getBytes(StandardCharsets.UTF_8));
        assertThat(map(environment, HEADERS)).containsOnly(Map.entry("authorization", "Basic " + basic));
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("1.0");
    }

    @Test
    void langfusePresetPropertiesWinOverTheEnvironmentAndTheCloudIsTheDefaultHost() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.langfuse.enabled", "true")
                .withProperty("llamatrace.export.langfuse.public-key", "pk-lf-own")
                .withProperty("llamatrace.export.langfuse.secret-key", "sk-lf-own")
                .withProperty("LANGFUSE_PUBLIC_KEY", "pk-lf-env");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ENDPOINT)).isEqualTo("https://cloud.langfuse.com/api/public/otel/v1/traces");
        String basic = Base64.getEncoder().encodeToString("pk-lf-own:sk-lf-own".getBytes(StandardCharsets.UTF_8));
        assertThat(map(environment, HEADERS)).containsOnly(Map.entry("authorization", "Basic " + basic));
    }

    @Test
    void langfusePresetWithoutASecretKeyFailsAtStartupNamingIt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.langfuse.enabled", "true")
                .withProperty("LANGFUSE_PUBLIC_KEY", "pk-lf-1");

        assertThatIllegalStateException()
                .isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("llamatrace.export.langfuse.secret-key")
                .withMessageContaining("LANGFUSE_SECRET_KEY");
    }

    @Test
    void enablingLangfuseWithAnotherPresetFailsAtStartup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.langfuse.enabled", "true")
                .withProperty("llamatrace.export.phoenix.enabled", "true");

        assertThatIllegalStateException()
                .isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("enable one of them");
    }

    @Test
    void enablingBothPresetsFailsAtStartup() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.enabled", "true")
                .withProperty("llamatrace.export.weave.enabled", "true");

        assertThatIllegalStateException()
                .isThrownBy(() -> this.processor.postProcessEnvironment(environment, new SpringApplication()))
                .withMessageContaining("enable one of them");
    }

    @Test
    void aPresetSwitchedOnByAnEnvironmentVariableIsApplied() {
        MockEnvironment environment = new MockEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("LLAMATRACE_EXPORT_PHOENIX_ENABLED", "true")));

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(ExportPresetEnvironmentPostProcessor.OTLP_ENDPOINT))
                .isNotBlank();
    }

    @Test
    void presetSettingsWithoutTheirSwitchAddNothing() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("llamatrace.export.phoenix.project-name", "demo")
                .withProperty("llamatrace.export.weave.enabled", "false");

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(ExportPresetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isFalse();
    }

    @Test
    void noPresetAddsNothing() {
        MockEnvironment environment = new MockEnvironment();

        this.processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(ExportPresetEnvironmentPostProcessor.PROPERTY_SOURCE_NAME))
                .isFalse();
        assertThat(environment.getPropertySources().stream().filter(MapPropertySource.class::isInstance))
                .hasSize(1);
    }

    private static Map<String, String> map(MockEnvironment environment, String prefix) {
        return Binder.get(environment)
                .bind(prefix, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }
}
