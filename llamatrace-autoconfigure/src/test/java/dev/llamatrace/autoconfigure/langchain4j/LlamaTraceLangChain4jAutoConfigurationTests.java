package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.llamatrace.core.DispatcherRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Tests for {@link LlamaTraceLangChain4jAutoConfiguration}. */
class LlamaTraceLangChain4jAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlamaTraceLangChain4jAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    @Test
    void providesTheListenerBeans() {
        this.runner.run((context) -> {
            assertThat(context)
                    .hasSingleBean(LlamaTraceEmbeddingModelListener.class)
                    .hasSingleBean(LlamaTraceContentRetrieverListener.class);
            // LangChain4j's starters inject every ChatModelListener bean into the models they create.
            assertThat(context.getBeansOfType(ChatModelListener.class).values())
                    .singleElement()
                    .isInstanceOf(LlamaTraceChatModelListener.class);
        });
    }

    @Test
    void backsOffWithoutADispatcherRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceLangChain4jAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(ChatModelListener.class));
    }

    @Test
    void canBeSwitchedOff() {
        this.runner
                .withPropertyValues(LlamaTraceLangChain4jProperties.ENABLED + "=false")
                .run((context) -> assertThat(context).doesNotHaveBean(LlamaTraceChatModelListener.class));
    }
}
