package dev.llamatrace.demo.web;

import dev.llamatrace.demo.DemoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/** Request size limits of the API and of the local model endpoints. */
@Configuration(proxyBeanMethods = false)
class ApiConfiguration {

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> apiRequestSizeLimitFilter(DemoProperties properties) {
        return sizeLimit(properties.getApi().getMaxRequestSize(), "/api/*");
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> modelRequestSizeLimitFilter(DemoProperties properties) {
        return sizeLimit(properties.getApi().getMaxModelRequestSize(), "/v1/*");
    }

    private static FilterRegistrationBean<RequestSizeLimitFilter> sizeLimit(DataSize limit, String urlPattern) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration =
                new FilterRegistrationBean<>(new RequestSizeLimitFilter(limit.toBytes()));
        registration.addUrlPatterns(urlPattern);
        return registration;
    }
}
