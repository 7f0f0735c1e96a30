package dev.llamatrace.autoconfigure.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.InvalidLlamaTracePropertyException;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.servlet.function.RouterFunction;

class LlamaTraceUiAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(LlamaTraceAutoConfiguration.class, LlamaTraceUiAutoConfiguration.class));

    @Test
    void thePageIsOffByDefault() {
        this.runner.run((context) -> assertThat(context).doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void thePageIsServedWhenEnabled() {
        this.runner.withPropertyValues("llamatrace.ui.enabled=true").run((context) -> assertThat(context)
                .hasSingleBean(RouterFunction.class));
    }

    @Test
    void thePageIsOffWhenLlamatraceIsOff() {
        this.runner
                .withPropertyValues("llamatrace.ui.enabled=true", "llamatrace.enabled=false")
                .run((context) -> assertThat(context).doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void thePageNeedsSpringMvc() {
        this.runner
                .withPropertyValues("llamatrace.ui.enabled=true")
                .withClassLoader(new FilteredClassLoader(RouterFunction.class))
                .run((context) -> assertThat(context).doesNotHaveBean("llamatraceTraceViewer"));
    }

    @Test
    void thePageNeedsAServletWebApplication() {
        new ApplicationContextRunner()
                .withConfiguration(
                        AutoConfigurations.of(LlamaTraceAutoConfiguration.class, LlamaTraceUiAutoConfiguration.class))
                .withPropertyValues("llamatrace.ui.enabled=true")
                .run((context) -> assertThat(context).doesNotHaveBean(RouterFunction.class));
    }

    @Test
    void aBadPathFailsStartupNamingTheProperty() {
        for (String path : new String[] {"llamatrace", "/", "/llamatrace/", "/a//b", "/a/*", "/a b"}) {
            this.runner
                    .withPropertyValues("llamatrace.ui.enabled=true", "llamatrace.ui.path=" + path)
                    .run((context) -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .isInstanceOf(InvalidLlamaTracePropertyException.class)
                            .hasMessageContaining("llamatrace.ui.path"));
        }
    }
}
