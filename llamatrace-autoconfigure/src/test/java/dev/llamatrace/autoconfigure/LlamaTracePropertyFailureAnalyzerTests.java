package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

@ExtendWith(OutputCaptureExtension.class)
class LlamaTracePropertyFailureAnalyzerTests {

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "llamatrace.content-max-length|0|an integer from 1 to 1000000",
                "llamatrace.content-max-length|1000001|an integer from 1 to 1000000",
                "llamatrace.handlers.spans.capacity|-1|an integer from 1 to 1000000",
                "llamatrace.handlers.spans.capacity|2147483647|an integer from 1 to 1000000",
                "llamatrace.handlers.spans.max-events-per-span|100001|an integer from 0 to 100000",
                "llamatrace.handlers.debug.max-events|0|an integer from 1 to 1000000",
                "llamatrace.handlers.debug.max-events|2147483647|an integer from 1 to 1000000",
                "llamatrace.handlers.debug.max-traces|-5|an integer from 1 to 1000000",
                "llamatrace.handlers.token-counting.max-records|0|an integer from 1 to 1000000",
                "llamatrace.handlers.token-counting.max-records|2147483647|an integer from 1 to 1000000",
                "llamatrace.handlers.token-counting.token-budget|-10|an integer of at least 0, or unset",
                "llamatrace.handlers.fine-tuning.max-examples|0|an integer from 1 to 1000000",
                "llamatrace.handlers.fine-tuning.max-examples|2147483647|an integer from 1 to 1000000",
                "llamatrace.handlers.token-counting.encoding|cl50k|one of [auto, r50k_base, p50k_base, p50k_edit,"
                        + " cl100k_base, o200k_base]",
                "llamatrace.handlers.dispatchers.audit|com..example|a dotted dispatcher name without empty segments,"
                        + " e.g. com.example.rag"
            })
    void badValueFailsStartupNamingThePropertyTheValueAndWhatIsAllowed(String property, String value, String allowed) {
        this.runner.withPropertyValues(property + "=" + value).run((context) -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new LlamaTracePropertyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .isEqualTo("The llamatrace property '" + property + "' has the invalid value '" + value
                            + "'. Allowed: " + allowed + ".");
            assertThat(analysis.getAction()).contains(property).contains(allowed);
        });
    }

    @Test
    void validValuesStartTheContext() {
        this.runner
                .withPropertyValues(
                        "llamatrace.handlers.token-counting.encoding=o200k_base",
                        "llamatrace.handlers.token-counting.token-budget=0",
                        "llamatrace.handlers.spans.capacity=1",
                        "llamatrace.handlers.dispatchers.audit=com.example")
                .run((context) -> assertThat(context).hasNotFailed());
    }

    @Test
    void analyzerIsRegisteredSoTheApplicationReportsTheFailure(CapturedOutput output) {
        SpringApplicationBuilder application = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("llamatrace.handlers.spans.capacity=-3");
        assertThatException().isThrownBy(application::run);
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("The llamatrace property 'llamatrace.handlers.spans.capacity' has the invalid value '-3'");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "llamatrace.enabled|maybe",
                "llamatrace.enabled|2",
                "llamatrace.enabled|yes",
                "llamatrace.handlers.debug.enabled|off",
                "llamatrace.metrics.enabled|",
                "llamatrace.export.phoenix.enabled|sure"
            })
    void aSwitchThatIsNeitherTrueNorFalseFailsStartupNamingTheProperty(
            String property, String value, CapturedOutput output) {
        String shown = (value != null) ? value : "";
        SpringApplicationBuilder application = new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties(property + "=" + shown);
        assertThatException()
                .isThrownBy(application::run)
                .isInstanceOfSatisfying(InvalidLlamaTracePropertyException.class, (ex) -> {
                    assertThat(ex.property()).isEqualTo(property);
                    assertThat(ex.allowed()).isEqualTo("true or false");
                });
        assertThat(output)
                .contains("APPLICATION FAILED TO START")
                .contains("The llamatrace property '" + property + "' has the invalid value '" + shown + "'");
    }

    @Test
    void switchesFromEnvironmentVariablesAreCheckedUnderTheirPropertyName() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new SystemEnvironmentPropertySource(
                        "test-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("LLAMATRACE_HANDLERS_SPANS_ENABLED", "2")));
        assertThatException()
                .isThrownBy(() ->
                        new LlamaTraceSwitchValidator().postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOfSatisfying(InvalidLlamaTracePropertyException.class, (ex) -> assertThat(ex.property())
                        .isEqualTo("llamatrace.handlers.spans.enabled"));
    }

    @Test
    void switchesSetToTrueOrFalseInAnyCaseStart() {
        new SpringApplicationBuilder(App.class)
                .web(WebApplicationType.NONE)
                .properties("llamatrace.enabled=TRUE", "llamatrace.handlers.debug.enabled=False")
                .run()
                .close();
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration(LlamaTraceAutoConfiguration.class)
    static class App {}
}
