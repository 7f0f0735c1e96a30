package dev.llamatrace.autoconfigure.propagation;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.DispatcherRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webclient.WebClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Propagates the llamatrace context across HTTP calls (see {@link HttpPropagation}): {@code RestClient} and
 * {@code WebClient} builders get a customizer adding the {@value HttpPropagation#HEADER} header, and servlet
 * applications a filter restoring it. Micrometer Tracing's own W3C propagation is untouched and runs beside it. Switch
 * it off with {@code llamatrace.propagation.enabled=false}.
 */
@AutoConfiguration(after = LlamaTraceAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.PROPAGATION_ENABLED, matchIfMissing = true)
@ConditionalOnBean(DispatcherRegistry.class)
public final class LlamaTracePropagationAutoConfiguration {

    /** Order of the restoring filter: right after Boot's server observation filter, before application filters. */
    public static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    LlamaTracePropagationAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    HttpPropagation llamatraceHttpPropagation(DispatcherRegistry registry) {
        return new HttpPropagation(registry.root());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(RestClientCustomizer.class)
    static final class RestClientConfiguration {

        @Bean
        RestClientCustomizer llamatracePropagationRestClientCustomizer(HttpPropagation propagation) {
            return (builder) -> builder.requestInterceptor(new PropagationRequestInterceptor(propagation));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(WebClientCustomizer.class)
    static final class WebClientConfiguration {

        @Bean
        WebClientCustomizer llamatracePropagationWebClientCustomizer(HttpPropagation propagation) {
            return (builder) -> builder.filter(new PropagationExchangeFilter(propagation));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(OncePerRequestFilter.class)
    static final class ServletConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "llamatracePropagationFilter")
        FilterRegistrationBean<OncePerRequestFilter> llamatracePropagationFilter(HttpPropagation propagation) {
            FilterRegistrationBean<OncePerRequestFilter> registration =
                    new FilterRegistrationBean<>(new PropagationServletFilter(propagation));
            registration.setOrder(FILTER_ORDER);
            return registration;
        }
    }
}
