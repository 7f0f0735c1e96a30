package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.llamatrace.autoconfigure.IntegrationDispatchers;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Instruments LangChain4j: provides a {@link ChatModelListener} bean (LangChain4j's Spring Boot starters attach every
 * such bean to the chat models they create) and embedding-model and content-retriever listener beans for the
 * application to attach, and an AI-service listener ({@link LlamaTraceAiServiceListener}) that puts an AI service's
 * chat calls in the conversation of its chat memory id. Spans and events go to the dispatcher named after this package, below the root.
 *
 * <p>With {@code llamatrace.langchain4j.enabled=false} or {@code llamatrace.enabled=false} the listener beans stay, so
 * code that attaches them starts and runs the same, but they emit on a dispatcher no handler listens to.
 */
@AutoConfiguration(afterName = "dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration")
@ConditionalOnClass(ChatModelListener.class)
@ConditionalOnBean(DispatcherRegistry.class)
@EnableConfigurationProperties(LlamaTraceLangChain4jProperties.class)
public final class LlamaTraceLangChain4jAutoConfiguration {

    /** The name of the dispatcher the LangChain4j instrumentation emits on. */
    public static final String DISPATCHER_NAME = "dev.llamatrace.autoconfigure.langchain4j";

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceAiServiceListener llamatraceAiServiceListener() {
        return new LlamaTraceAiServiceListener();
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceChatModelListener llamatraceChatModelListener(
            DispatcherRegistry registry,
            Environment environment,
            ObjectProvider<LlamaTraceAiServiceListener> aiServiceListener) {
        return new LlamaTraceChatModelListener(dispatcher(registry, environment), aiServiceListener.getIfUnique());
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

    private static Dispatcher dispatcher(DispatcherRegistry registry, Environment environment) {
        return IntegrationDispatchers.get(
                registry, DISPATCHER_NAME, environment, LlamaTraceLangChain4jProperties.ENABLED);
    }
}
