package dev.llamatrace.autoconfigure.metrics;

import dev.llamatrace.autoconfigure.AsyncHandlers;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.autoconfigure.cost.LlamaTraceCostProperties;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.handler.AsyncHandler;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.span.AbstractSpanHandler;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of llamatrace's Micrometer meters, when a {@link MeterRegistry} exists (e.g. with
 * {@code spring-boot-starter-actuator}). The meter handlers are ordinary handler beans, attached to the root
 * dispatcher like any other; the names are in {@link LlamaTraceMeterNames}.
 */
@AutoConfiguration(
        after = LlamaTraceAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
@ConditionalOnBooleanProperty(name = LlamaTraceProperties.METRICS_ENABLED, matchIfMissing = true)
@ConditionalOnBean({MeterRegistry.class, DispatcherRegistry.class})
public final class LlamaTraceMetricsAutoConfiguration {

    LlamaTraceMetricsAutoConfiguration() {}

    /** Static: meter filters are applied when a registry is created, before this configuration is. */
    @Bean
    @ConditionalOnMissingBean
    static GenAiMeterFilter llamatraceGenAiMeterFilter() {
        return new GenAiMeterFilter();
    }

    /** Boot's timers of the tracing bridge's observations duplicate the span timers; they are not registered. */
    @Bean
    static MeterFilter llamatraceObservationTimerFilter() {
        return LlamaTraceMeterFilters.observationTimers();
    }

    /** Spring AI's token counter would share the name of the token histogram; it is dropped unless kept. */
    @Bean
    @ConditionalOnBooleanProperty(
            name = LlamaTraceProperties.METRICS_KEEP_SPRING_AI_TOKEN_USAGE,
            havingValue = false,
            matchIfMissing = true)
    static MeterFilter llamatraceTokenUsageCounterFilter() {
        return LlamaTraceMeterFilters.tokenUsageCounters();
    }

    @Bean
    @ConditionalOnMissingBean
    SpanMetrics llamatraceSpanMetrics(MeterRegistry registry) {
        return new SpanMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    EventMetrics llamatraceEventMetrics(MeterRegistry registry) {
        return new EventMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    EvaluationMetrics llamatraceEvaluationMetrics(MeterRegistry registry) {
        return new EvaluationMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    GenAiClientMetrics llamatraceGenAiClientMetrics(MeterRegistry registry) {
        return new GenAiClientMetrics(registry);
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceMeterBinder llamatraceMeterBinder(
            DispatcherRegistry dispatchers,
            GenAiClientMetrics genAiClientMetrics,
            ObjectProvider<TokenCountingHandler> tokenCounting,
            ObjectProvider<LlamaDebugHandler> debug,
            ObjectProvider<SimpleSpanHandler> spans,
            ObjectProvider<OpenAIFineTuningHandler> fineTuning,
            ObjectProvider<AbstractSpanHandler<?>> openSpanHandlers,
            ObjectProvider<AsyncHandler> asyncHandlers) {
        Map<String, LlamaTraceMeterBinder.EvictionCount> evictions = new LinkedHashMap<>();
        evictions.put(
                "GenAiClientMetrics",
                LlamaTraceMeterBinder.EvictionCount.of(genAiClientMetrics, GenAiClientMetrics::evictedCount));
        tokenCounting.ifUnique((handler) -> evictions.put(
                "TokenCountingHandler",
                LlamaTraceMeterBinder.EvictionCount.of(handler, TokenCountingHandler::evictedEvents)));
        debug.ifUnique((handler) -> {
            evictions.put(
                    "LlamaDebugHandler.events",
                    LlamaTraceMeterBinder.EvictionCount.of(handler, LlamaDebugHandler::evictedEvents));
            evictions.put(
                    "LlamaDebugHandler.traces",
                    LlamaTraceMeterBinder.EvictionCount.of(handler, LlamaDebugHandler::evictedTraces));
        });
        spans.ifUnique((handler) -> {
            evictions.put(
                    "SimpleSpanHandler",
                    LlamaTraceMeterBinder.EvictionCount.of(handler, SimpleSpanHandler::evictionCount));
        });
        openSpanHandlers
                .orderedStream()
                .forEach((handler) -> evictions.put(
                        handler.getClass().getSimpleName() + ".open",
                        LlamaTraceMeterBinder.EvictionCount.of(handler, AbstractSpanHandler::evictedOpenSpanCount)));
        asyncHandlers
                .orderedStream()
                .forEach((handler) -> evictions.put(
                        AsyncHandlers.name(handler),
                        LlamaTraceMeterBinder.EvictionCount.of(handler, AsyncHandler::droppedCount)));
        fineTuning.ifUnique((handler) -> evictions.put(
                "OpenAIFineTuningHandler",
                LlamaTraceMeterBinder.EvictionCount.of(handler, OpenAIFineTuningHandler::evictedExamples)));
        return new LlamaTraceMeterBinder(dispatchers, evictions);
    }

    /** Cost comes from the counts on the bus too: the amount each count carries. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = LlamaTraceCostProperties.ENABLED, matchIfMissing = true)
    CostMetrics llamatraceCostMetrics(MeterRegistry registry) {
        return new CostMetrics(registry);
    }

    /** Prometheus names carry units; the conventions' annotation units are left out of them. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(PrometheusMeterRegistry.class)
    static class PrometheusConfiguration {

        @Bean
        static MeterRegistryCustomizer<PrometheusMeterRegistry> llamatracePrometheusAnnotationUnits() {
            return (registry) -> registry.config().meterFilter(LlamaTraceMeterFilters.annotationUnits());
        }
    }

    /** Token usage comes from the counts on the bus, whichever handler beans exist. */
    @Bean
    @ConditionalOnMissingBean
    TokenUsageMetrics llamatraceTokenUsageMetrics(MeterRegistry registry) {
        return new TokenUsageMetrics(registry);
    }
}
