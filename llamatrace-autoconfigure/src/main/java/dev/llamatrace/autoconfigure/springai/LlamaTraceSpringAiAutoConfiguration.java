package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.IntegrationDispatchers;
import dev.llamatrace.autoconfigure.LlamaTraceProperties;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import io.micrometer.observation.ObservationHandler;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.client.observation.ChatClientObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;
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
 * Instruments Spring AI with no application code: registers observation handlers (Spring Boot attaches every
 * {@link ObservationHandler} bean to the application's {@code ObservationRegistry}) that turn Spring AI's chat,
 * embedding, tool, chat client, advisor and vector store observations into llamatrace spans and events, and adds the
 * time-to-first-chunk advisor to auto-configured {@code ChatClient} builders. Spans and events go to the dispatcher
 * named after this package, below the root, so every application handler sees them.
 *
 * <p>With the tracing bridge, Spring AI's observations are exported once, as Spring AI's own spans carrying the
 * llamatrace GenAI and OpenInference attributes (see {@code ObservationSpanHandler}); Boot registers these handlers
 * after its tracing handler, which is what lets them add attributes before the span ends.
 *
 * <p>With {@code llamatrace.spring-ai.enabled=false} or {@code llamatrace.enabled=false} no observation handler is
 * registered and no advisor is added, but the {@link FirstChunkStreamAdvisor} bean stays (code that adds it to its own
 * {@code ChatClient} keeps working) and emits on a dispatcher no handler listens to.
 */
@AutoConfiguration(afterName = LlamaTraceSpringAiAutoConfiguration.CORE_AUTO_CONFIGURATION)
@ConditionalOnClass({ChatModelObservationContext.class, ObservationHandler.class})
@ConditionalOnBean(DispatcherRegistry.class)
public final class LlamaTraceSpringAiAutoConfiguration {

    /** The auto-configuration that defines the {@link DispatcherRegistry}; named so it stays an ordering hint only. */
    static final String CORE_AUTO_CONFIGURATION = "dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration";

    /** The name of the dispatcher the Spring AI instrumentation emits on. */
    public static final String DISPATCHER_NAME = "dev.llamatrace.autoconfigure.springai";

    static Dispatcher dispatcher(DispatcherRegistry registry) {
        return registry.get(DISPATCHER_NAME);
    }

    /** The observation handlers, when llamatrace and its Spring AI instrumentation are on. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = LlamaTraceProperties.ENABLED, matchIfMissing = true)
    @ConditionalOnBooleanProperty(name = LlamaTraceSpringAiProperties.ENABLED, matchIfMissing = true)
    @EnableConfigurationProperties(LlamaTraceSpringAiProperties.class)
    static class ObservationHandlersConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ChatModelObservationHandler llamatraceChatModelObservationHandler(DispatcherRegistry registry) {
            return new ChatModelObservationHandler(dispatcher(registry));
        }

        @Bean
        @ConditionalOnMissingBean
        EmbeddingModelObservationHandler llamatraceEmbeddingModelObservationHandler(DispatcherRegistry registry) {
            return new EmbeddingModelObservationHandler(dispatcher(registry));
        }

        @Bean
        @ConditionalOnMissingBean
        ToolCallingObservationHandler llamatraceToolCallingObservationHandler(DispatcherRegistry registry) {
            return new ToolCallingObservationHandler(dispatcher(registry));
        }

        /** Chat client spans, when {@code spring-ai-client-chat} is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(ChatClientObservationContext.class)
        static class ChatClientConfiguration {

            @Bean
            @ConditionalOnMissingBean
            ChatClientObservationHandler llamatraceChatClientObservationHandler(DispatcherRegistry registry) {
                return new ChatClientObservationHandler(dispatcher(registry));
            }

            @Bean
            @ConditionalOnMissingBean
            AdvisorObservationHandler llamatraceAdvisorObservationHandler(DispatcherRegistry registry) {
                return new AdvisorObservationHandler(dispatcher(registry));
            }

            @Bean
            @ConditionalOnBooleanProperty(
                    name = LlamaTraceSpringAiProperties.TIME_TO_FIRST_CHUNK,
                    matchIfMissing = true)
            ChatClientCustomizer llamatraceFirstChunkChatClientCustomizer(FirstChunkStreamAdvisor advisor) {
                return (builder) -> builder.defaultAdvisors(advisor);
            }
        }

        /** Retrieval spans, when {@code spring-ai-vector-store} is present. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(VectorStoreObservationContext.class)
        static class VectorStoreConfiguration {

            @Bean
            @ConditionalOnMissingBean
            VectorStoreObservationHandler llamatraceVectorStoreObservationHandler(DispatcherRegistry registry) {
                return new VectorStoreObservationHandler(dispatcher(registry));
            }
        }
    }

    /** The first-chunk advisor, a bean whether or not the instrumentation is on, when a chat client is possible. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ChatClientObservationContext.class)
    static class FirstChunkAdvisorConfiguration {

        @Bean
        @ConditionalOnMissingBean
        FirstChunkStreamAdvisor llamatraceFirstChunkStreamAdvisor(
                DispatcherRegistry registry, Environment environment) {
            return new FirstChunkStreamAdvisor(IntegrationDispatchers.get(
                    registry, DISPATCHER_NAME, environment, LlamaTraceSpringAiProperties.ENABLED));
        }
    }
}
