package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.core.DispatcherRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
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
                    .hasSingleBean(LlamaTraceContentRetrieverListener.class)
                    .hasSingleBean(LlamaTraceEmbeddingStoreListener.class)
                    .hasSingleBean(LlamaTraceAiServiceListeners.class);
            // LangChain4j's starters inject every ChatModelListener bean into the models they create.
            assertThat(context.getBeansOfType(ChatModelListener.class).values())
                    .singleElement()
                    .isInstanceOf(LlamaTraceChatModelListener.class);
        });
    }

    @Test
    void openInvocationEvictionsArePublishedWithTheOtherEvictionCounts() {
        this.runner
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .run((context) -> assertThat(context.getBean(MeterRegistry.class)
                                .get("llamatrace.evictions")
                                .tag("handler", "LlamaTraceAiServiceListeners")
                                .functionCounter()
                                .count())
                        .isZero());
    }

    @ParameterizedTest
    @ValueSource(strings = {"llamatrace.metrics.enabled=false", "llamatrace.enabled=false"})
    void noEvictionMeterWhenMetersOrLlamatraceAreSwitchedOff(String switchedOff) {
        this.runner
                .withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class))
                .withBean(SimpleMeterRegistry.class)
                .withPropertyValues(switchedOff)
                .run((context) -> assertThat(context.getBean(MeterRegistry.class)
                                .find("llamatrace.evictions")
                                .functionCounter())
                        .isNull());
    }

    @Test
    void backsOffWithoutADispatcherRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceLangChain4jAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(ChatModelListener.class));
    }

    @Test
    void switchedOffListenersStayBeansButEmitWhereNoHandlerListens() {
        DispatcherRegistry registry = new DispatcherRegistry();
        Recorder recorder = new Recorder();
        registry.root().addSpanHandler(recorder);
        registry.root().addEventHandler(recorder);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceLangChain4jAutoConfiguration.class))
                .withBean(DispatcherRegistry.class, () -> registry)
                .withPropertyValues(LlamaTraceLangChain4jProperties.ENABLED + "=false")
                .run((context) -> {
                    ChatModelListener listener = context.getBean(LlamaTraceChatModelListener.class);
                    Map<Object, Object> attributes = new HashMap<>();
                    listener.onRequest(new ChatModelRequestContext(
                            ChatRequest.builder()
                                    .messages(UserMessage.from("Hi"))
                                    .build(),
                            ModelProvider.OPEN_AI,
                            attributes));
                    assertThat(recorder.spans()).isEmpty();
                    assertThat(recorder.events()).isEmpty();
                });
    }
}
