package dev.llamatrace.autoconfigure.ui;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Auto-configuration of the trace viewer page at {@code llamatrace.ui.path}, when {@code llamatrace.ui.enabled=true}
 * in a servlet web application with Spring MVC. Off by default, like Boot's H2 console: the page itself holds no data,
 * it reads the {@code llamatrace} actuator endpoint from the browser, so it shows only what that endpoint's exposure
 * and access let the browser's user see.
 */
@AutoConfiguration(after = LlamaTraceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.UI_ENABLED)
@ConditionalOnBean(LlamaTraceProperties.class)
public final class LlamaTraceUiAutoConfiguration {

    LlamaTraceUiAutoConfiguration() {}

    @Bean
    RouterFunction<ServerResponse> llamatraceTraceViewer(LlamaTraceProperties properties, Environment environment) {
        return new TraceViewerPage(properties.getUi().getPath(), EndpointPath.of(environment)).routes();
    }
}
