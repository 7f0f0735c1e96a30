package dev.llamatrace.autoconfigure.propagation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.core.DispatcherRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;

class LlamaTracePropagationAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    LlamaTraceAutoConfiguration.class, LlamaTracePropagationAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    LlamaTraceAutoConfiguration.class, LlamaTracePropagationAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    @Test
    void clientsGetCustomizersByDefault() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(HttpPropagation.class);
            assertThat(context).hasSingleBean(RestClientCustomizer.class);
            assertThat(context).hasSingleBean(WebClientCustomizer.class);
            assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
        });
    }

    @Test
    void servletApplicationsGetTheRestoringFilterRightAfterTheObservationFilter() {
        this.webRunner.run((context) -> {
            assertThat(context)
                    .getBean("llamatracePropagationFilter", FilterRegistrationBean.class)
                    .satisfies((registration) -> {
                        assertThat(registration.getFilter()).isInstanceOf(PropagationServletFilter.class);
                        assertThat(registration.getOrder())
                                .isEqualTo(LlamaTracePropagationAutoConfiguration.FILTER_ORDER);
                    });
        });
    }

    @Test
    void thePropertyTurnsPropagationOff() {
        this.webRunner
                .withPropertyValues("llamatrace.propagation.enabled=false")
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(HttpPropagation.class);
                    assertThat(context).doesNotHaveBean(RestClientCustomizer.class);
                    assertThat(context).doesNotHaveBean(WebClientCustomizer.class);
                    assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
                });
    }

    @Test
    void llamatraceOffMeansNoPropagation() {
        this.webRunner.withPropertyValues("llamatrace.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(HttpPropagation.class);
            assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
        });
    }

    @Test
    void userPropagationBeanWins() {
        HttpPropagation own = new HttpPropagation(new DispatcherRegistry().root());
        this.runner.withBean(HttpPropagation.class, () -> own).run((context) -> assertThat(context)
                .getBean(HttpPropagation.class)
                .isSameAs(own));
    }

    @Test
    void withoutRestClientOnlyWebClientIsCustomized() {
        this.runner
                .withClassLoader(new FilteredClassLoader(RestClientCustomizer.class))
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(RestClientCustomizer.class);
                    assertThat(context).hasSingleBean(WebClientCustomizer.class);
                });
    }

    @Test
    void withoutWebClientOnlyRestClientIsCustomized() {
        this.runner
                .withClassLoader(new FilteredClassLoader(WebClientCustomizer.class))
                .run((context) -> {
                    assertThat(context).hasSingleBean(RestClientCustomizer.class);
                    assertThat(context).doesNotHaveBean(WebClientCustomizer.class);
                });
    }
}
