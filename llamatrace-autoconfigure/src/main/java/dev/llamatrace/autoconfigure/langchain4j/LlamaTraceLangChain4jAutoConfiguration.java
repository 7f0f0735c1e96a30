package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Instruments LangChain4j: provides a {@link ChatModelListener} bean (LangChain4j's Spring Boot starters attach every
 * such bean to the chat models they create) and embedding-model and content-retriever listener beans for the
 * application to attach. Spans and events go to the dispatcher named after this package, below the root.
 */
@AutoConfiguration(afterName = "dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration")
@ConditionalOnClass(ChatModelListener.class)
@ConditionalOnBean(DispatcherRegistry.class)
@ConditionalOnBooleanProperty(name = LlamaTraceLangChain4jProperties.ENABLED, matchIfMissing = true)
@EnableConfigurationProperties(LlamaTraceLangChain4jProperties.class)
public final class LlamaTraceLangChain4jAutoConfiguration {

    /** The name of the dispatcher the LangChain4j instrumentation emits on. */
    public static final String DISPATCHER_NAME = "dev.llamatrace.autoconfigure.langchain4j";

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceChatModelListener llamatraceChatModelListener(DispatcherRegistry registry) {
        return new LlamaTraceChatModelListener(dispatcher(registry));
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceEmbeddingModelListener llamatraceEmbeddingModelListener(DispatcherRegistry registry) {
        return new LlamaTraceEmbeddingModelListener(dispatcher(registry));
    }

    @Bean
    @ConditionalOnMissingBean
    LlamaTraceContentRetrieverListener llamatraceContentRetrieverListener(DispatcherRegistry registry) {
        return new LlamaTraceContentRetrieverListener(dispatcher(registry));
    }

    private static Dispatcher dispatcher(DispatcherRegistry registry) {
        return registry.get(DISPATCHER_NAME);
    }
}
