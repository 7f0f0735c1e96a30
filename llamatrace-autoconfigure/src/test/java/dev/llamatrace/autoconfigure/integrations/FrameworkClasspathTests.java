package dev.llamatrace.autoconfigure.integrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceChatModelListener;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceLangChain4jAutoConfiguration;
import dev.llamatrace.autoconfigure.springai.ChatModelObservationHandler;
import dev.llamatrace.autoconfigure.springai.LlamaTraceSpringAiAutoConfiguration;
import dev.llamatrace.core.DispatcherRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Proves the starter works whichever LLM frameworks are on the classpath: neither, only Spring AI, only LangChain4j,
 * or both. Both integrations are optional dependencies guarded by {@code @ConditionalOnClass}.
 */
class FrameworkClasspathTests {

    private static final String SPRING_AI = "org.springframework.ai";

    private static final String LANGCHAIN4J = "dev.langchain4j";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    LlamaTraceSpringAiAutoConfiguration.class, LlamaTraceLangChain4jAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    @Test
    void startsWithNeitherFramework() {
        this.runner
                .withClassLoader(new FilteredClassLoader(SPRING_AI, LANGCHAIN4J))
                .run((context) -> assertThat(context)
                        .hasNotFailed()
                        .hasSingleBean(DispatcherRegistry.class)
                        .doesNotHaveBean(ChatModelObservationHandler.class)
                        .doesNotHaveBean(LlamaTraceChatModelListener.class));
    }

    @Test
    void startsWithOnlySpringAi() {
        this.runner.withClassLoader(new FilteredClassLoader(LANGCHAIN4J)).run((context) -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(ChatModelObservationHandler.class)
                .doesNotHaveBean(LlamaTraceChatModelListener.class));
    }

    @Test
    void startsWithOnlyLangChain4j() {
        this.runner.withClassLoader(new FilteredClassLoader(SPRING_AI)).run((context) -> assertThat(context)
                .hasNotFailed()
                .doesNotHaveBean(ChatModelObservationHandler.class)
                .hasSingleBean(LlamaTraceChatModelListener.class));
    }

    @Test
    void startsWithBothFrameworks() {
        this.runner.run((context) -> assertThat(context)
                .hasNotFailed()
                .hasSingleBean(ChatModelObservationHandler.class)
                .hasSingleBean(LlamaTraceChatModelListener.class));
    }
}
