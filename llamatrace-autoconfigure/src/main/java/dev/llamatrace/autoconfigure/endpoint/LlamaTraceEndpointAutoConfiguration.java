package dev.llamatrace.autoconfigure.endpoint;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.cost.PriceTable;
import dev.llamatrace.core.handler.AsyncHandler;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link LlamaTraceEndpoint}, when actuator is on the class path and the endpoint is
 * available (exposed, e.g. {@code management.endpoints.web.exposure.include=llamatrace}, and not switched off).
 */
@AutoConfiguration(after = LlamaTraceAutoConfiguration.class)
@ConditionalOnClass(
        name = {
            "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            "org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint"
        })
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBean(DispatcherRegistry.class)
public final class LlamaTraceEndpointAutoConfiguration {

    LlamaTraceEndpointAutoConfiguration() {}

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnAvailableEndpoint(LlamaTraceEndpoint.class)
    LlamaTraceEndpoint llamatraceEndpoint(
            DispatcherRegistry registry,
            ObjectProvider<TokenCountingHandler> tokens,
            ObjectProvider<LlamaDebugHandler> debug,
            ObjectProvider<SimpleSpanHandler> spans,
            ObjectProvider<OpenAIFineTuningHandler> fineTuning,
            ObjectProvider<AsyncHandler> asyncHandlers,
            LlamaTraceProperties properties,
            ObjectProvider<ContentCapture> content,
            ObjectProvider<PriceTable> prices) {
        return new LlamaTraceEndpoint(
                registry,
                tokens.getIfUnique(),
                debug.getIfUnique(),
                spans.getIfUnique(),
                fineTuning.getIfUnique(),
                content.getIfAvailable(() -> ContentCapture.of(properties)),
                asyncHandlers.orderedStream().toList(),
                prices.getIfAvailable());
    }
}
