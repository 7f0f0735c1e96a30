package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.llamatrace.autoconfigure.IntegrationDispatchers;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMeterBinder;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Instruments LangChain4j: provides a {@link ChatModelListener} bean (LangChain4j's Spring Boot starters attach every
 * such bean to the chat models they create), the AI-service listeners ({@link LlamaTraceAiServiceListeners}, one line
 * where an AI service is built) and embedding-model, embedding-store and content-retriever listener beans for the
 * application to attach. Spans and events go to the dispatcher named after this package, below the root.
 *
 * <p>With {@code llamatrace.langchain4j.enabled=false} or {@code llamatrace.enabled=false} the listener beans stay, so
 * code that attaches them starts and runs the same, but they emit on a dispatcher no handler listens to.
 */
@AutoConfiguration(afterName = "dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration")
@ConditionalOnClass(ChatModelListener.class)
@ConditionalOnBean(DispatcherRegistry.class)
public final class LlamaTraceLangChain4jAutoConfiguration {

    /** The name of the dispatcher the LangChain4j instrumentation emits on. */
    public static final String DISPATCHER_NAME = "dev.llamatrace.autoconfigure.langchain4j";

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceChatModelListener llamatraceChatModelListener(DispatcherRegistry registry, Environment environment) {
        return new LlamaTraceChatModelListener(dispatcher(registry, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceEmbeddingModelListener llamatraceEmbeddingModelListener(
            DispatcherRegistry registry, Environment environment) {
        return new LlamaTraceEmbeddingModelListener(dispatcher(registry, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceContentRetrieverListener llamatraceContentRetrieverListener(
            DispatcherRegistry registry, Environment environment) {
        return new LlamaTraceContentRetrieverListener(dispatcher(registry, environment));
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceEmbeddingStoreListener llamatraceEmbeddingStoreListener(
            DispatcherRegistry registry, Environment environment) {
        return new LlamaTraceEmbeddingStoreListener(dispatcher(registry, environment));
    }

    /** The integration's switch, bound (and checked) only while llamatrace is on: switched off, nothing reads it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
    @EnableConfigurationProperties(LlamaTraceLangChain4jProperties.class)
    static class PropertiesConfiguration {}

    /** AI-service listeners, when the LangChain4j core on the classpath has the AI-service listener API. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(AiServiceListener.class)
    static class AiServiceListenersConfiguration {

        @Bean
        @ConditionalOnMissingBean
        LlamaTraceAiServiceListeners llamatraceAiServiceListeners(
                DispatcherRegistry registry, Environment environment) {
            return new LlamaTraceAiServiceListeners(dispatcher(registry, environment));
        }

        /** The open-invocation cap's evictions as a {@code llamatrace.evictions} series, when llamatrace and its meters are on. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        @ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
        @ConditionalOnBooleanProperty(name = LlamaTraceProperties.METRICS_ENABLED, matchIfMissing = true)
        static class AiServiceListenersMetricsConfiguration {

            @Bean
            MeterBinder llamatraceAiServiceEvictions(LlamaTraceAiServiceListeners listeners) {
                return (registry) -> LlamaTraceMeterBinder.evictions(
                        registry,
                        "LlamaTraceAiServiceListeners",
                        LlamaTraceMeterBinder.EvictionCount.of(listeners, LlamaTraceAiServiceListeners::evictedCount));
            }
        }
    }

    private static Dispatcher dispatcher(DispatcherRegistry registry, Environment environment) {
        return IntegrationDispatchers.get(
                registry, DISPATCHER_NAME, environment, LlamaTraceLangChain4jProperties.ENABLED);
    }
}
