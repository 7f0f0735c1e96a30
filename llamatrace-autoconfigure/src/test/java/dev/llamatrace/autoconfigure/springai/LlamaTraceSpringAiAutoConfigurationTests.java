package dev.llamatrace.autoconfigure.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Tests for {@link LlamaTraceSpringAiAutoConfiguration}. */
class LlamaTraceSpringAiAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlamaTraceSpringAiAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    @Test
    void registersAHandlerPerObservationContextAndTheFirstChunkAdvisor() {
        this.runner.run((context) -> assertThat(context)
                .hasSingleBean(ChatModelObservationHandler.class)
                .hasSingleBean(EmbeddingModelObservationHandler.class)
                .hasSingleBean(ToolCallingObservationHandler.class)
                .hasSingleBean(ChatClientObservationHandler.class)
                .hasSingleBean(VectorStoreObservationHandler.class)
                .hasSingleBean(FirstChunkStreamAdvisor.class)
                .hasSingleBean(ChatClientCustomizer.class));
    }

    @Test
    void backsOffWithoutADispatcherRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceSpringAiAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(ChatModelObservationHandler.class));
    }

    @Test
    void canBeSwitchedOffKeepingTheAdvisorBeanForHandBuiltClients() {
        this.runner
                .withPropertyValues(LlamaTraceSpringAiProperties.ENABLED + "=false")
                .run((context) -> assertThat(context)
                        .doesNotHaveBean(ChatModelObservationHandler.class)
                        .doesNotHaveBean(ChatClientObservationHandler.class)
                        .doesNotHaveBean(ChatClientCustomizer.class)
                        .hasSingleBean(FirstChunkStreamAdvisor.class));
    }

    @Test
    void disabledLlamaTraceRegistersNoHandlers() {
        this.runner.withPropertyValues("llamatrace.enabled=false").run((context) -> assertThat(context)
                .doesNotHaveBean(ChatModelObservationHandler.class)
                .doesNotHaveBean(ChatClientCustomizer.class)
                .hasSingleBean(FirstChunkStreamAdvisor.class));
    }

    @Test
    void firstChunkAdvisorCanBeSwitchedOff() {
        this.runner
                .withPropertyValues(LlamaTraceSpringAiProperties.TIME_TO_FIRST_CHUNK + "=false")
                .run((context) -> assertThat(context)
                        .hasSingleBean(ChatClientObservationHandler.class)
                        .hasSingleBean(FirstChunkStreamAdvisor.class)
                        .doesNotHaveBean(ChatClientCustomizer.class));
    }

    @Test
    void withoutChatClientOrVectorStoreOnlyTheModelHandlersRemain() {
        this.runner
                .withClassLoader(new FilteredClassLoader(
                        "org.springframework.ai.chat.client", "org.springframework.ai.vectorstore"))
                .run((context) -> assertThat(context)
                        .hasSingleBean(ChatModelObservationHandler.class)
                        .hasSingleBean(ToolCallingObservationHandler.class)
                        .doesNotHaveBean(ChatClientObservationHandler.class)
                        .doesNotHaveBean(FirstChunkStreamAdvisor.class)
                        .doesNotHaveBean(VectorStoreObservationHandler.class));
    }

    @Test
    void aUserHandlerReplacesTheDefault() {
        ChatModelObservationHandler custom = new ChatModelObservationHandler(new DispatcherRegistry().root());
        this.runner.withBean(ChatModelObservationHandler.class, () -> custom).run((context) -> assertThat(
                        context.getBean(ChatModelObservationHandler.class))
                .isSameAs(custom));
    }

    @Test
    void autoConfiguredSpringAiClientsAreTracedWithNoApplicationCode() throws Exception {
        Recorder recorder = new Recorder();
        try (OpenAiStub stub = new OpenAiStub()) {
            this.runner
                    .withConfiguration(AutoConfigurations.of(
                            ObservationAutoConfiguration.class,
                            ToolCallingAutoConfiguration.class,
                            OpenAiChatAutoConfiguration.class,
                            ChatClientAutoConfiguration.class))
                    .withPropertyValues(
                            "spring.ai.openai.base-url=" + stub.baseUrl(),
                            "spring.ai.openai.api-key=test-key",
                            "spring.ai.openai.max-retries=0",
                            "spring.ai.openai.chat.model=gpt-4o-mini")
                    .run((context) -> {
                        DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
                        registry.root().addEventHandler(recorder);
                        registry.root().addSpanHandler(recorder);
                        assertThat(context.getBean(ChatModel.class).call("Hi")).isEqualTo(OpenAiStub.ANSWER);
                        ChatClient client =
                                context.getBean(ChatClient.Builder.class).build();
                        assertThat(String.join(
                                        "",
                                        client.prompt("Hi").stream()
                                                .content()
                                                .collectList()
                                                .block()))
                                .isEqualTo("Hello stream");

                        recorder.awaitEnded(3);
                        Recorded chatClient = recorder.span(ChatClientObservationHandler.STREAM);
                        assertThat(recorder.spans())
                                .filteredOn((span) -> span.name().equals("chat gpt-4o-mini"))
                                .extracting(Recorded::parentId)
                                .containsExactly(null, chatClient.id());
                        assertThat(recorder.events(LLMChatEndEvent.class)).hasSize(2);
                        assertThat(recorder.events(LLMChatInProgressEvent.class))
                                .hasSize(1);
                    });
        }
    }
}
