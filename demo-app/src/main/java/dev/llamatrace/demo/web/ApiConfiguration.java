package dev.llamatrace.demo.web;

import dev.llamatrace.demo.DemoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Web settings of the API. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimitFilter(DemoProperties properties) {
        long maxBytes = properties.getApi().getMaxRequestSize().toBytes();
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(maxBytes));
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
