package dev.llamatrace.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenBudgetExceededException;
import dev.llamatrace.core.handler.TokenCountPublisher;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class BuiltInHandlersConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new);

    @Test
    void defaultHandlersAreRegisteredAndAttachedToTheRoot() {
        this.runner.run((context) -> {
            assertThat(context).hasSingleBean(TokenCountingHandler.class);
            assertThat(context).hasSingleBean(LlamaDebugHandler.class);
            assertThat(context).hasSingleBean(SimpleSpanHandler.class);
            assertThat(context).hasSingleBean(CallbackManager.class);
            assertThat(context).doesNotHaveBean(OpenAIFineTuningHandler.class);
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            SimpleSpanHandler spans = context.getBean(SimpleSpanHandler.class);
            assertThat(List.<Object>copyOf(root.spanHandlers())).containsExactly(spans);
            assertThat(callbackHandlers(root.eventHandlers()))
                    .containsExactlyInAnyOrder(context.getBean(LlamaDebugHandler.class));
            assertThat(List.<Object>copyOf(root.eventHandlers()))
                    .contains(
                            spans,
                            context.getBean(TokenCountingHandler.class),
                            context.getBean(TokenCountPublisher.class));
        });
    }

    @Test
    void everyBuiltInHandlerSeesAnEventBeforeTheCountingStepDispatchesItsCount() {
        this.runner
                .withPropertyValues("llamatrace.handlers.fine-tuning.enabled=true")
                .run((context) -> {
                    Dispatcher root = context.getBean(DispatcherRegistry.class).root();
                    List<Object> attached = root.eventHandlers().stream()
                            .map((handler) -> (handler instanceof CallbackEventHandler callbacks)
                                    ? callbacks.handler()
                                    : (Object) handler)
                            .toList();
                    // The counting step dispatches a count while it handles the event counted: handlers after it would
                    // see
                    // the count before the event.
                    assertThat(attached)
                            .containsExactly(
                                    context.getBean(OpenAIFineTuningHandler.class),
                                    context.getBean(SimpleSpanHandler.class),
                                    context.getBean(LlamaDebugHandler.class),
                                    context.getBean(TokenCountingHandler.class),
                                    context.getBean(TokenCountPublisher.class));
                });
    }

    @Test
    void handlersSeeAnLlmCallOnce() {
        this.runner.run((context) -> {
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            chat(root);
            TokenCountingHandler tokens = context.getBean(TokenCountingHandler.class);
            assertThat(tokens.promptLlmTokenCount()).isEqualTo(7);
            assertThat(tokens.completionLlmTokenCount()).isEqualTo(3);
            assertThat(context.getBean(LlamaDebugHandler.class).getLlmInputsOutputs())
                    .singleElement()
                    .satisfies((pair) -> assertThat(pair).hasSize(2));
            assertThat(context.getBean(SimpleSpanHandler.class).completedCount())
                    .isOne();
        });
    }

    @Test
    void propertiesConfigureTheHandlers() {
        this.runner
                .withPropertyValues(
                        "llamatrace.handlers.token-counting.token-budget=5",
                        "llamatrace.handlers.spans.capacity=3",
                        "llamatrace.handlers.fine-tuning.enabled=true")
                .run((context) -> {
                    assertThat(context.getBean(SimpleSpanHandler.class).capacity())
                            .isEqualTo(3);
                    assertThat(context.getBean(TokenCountingHandler.class).tokenBudget())
                            .hasValue(5);
                    assertThat(context).hasSingleBean(OpenAIFineTuningHandler.class);
                    Dispatcher root = context.getBean(DispatcherRegistry.class).root();
                    chat(root);
                    assertThatExceptionOfType(TokenBudgetExceededException.class)
                            .isThrownBy(() -> chat(root));
                });
    }

    @Test
    void eachHandlerCanBeSwitchedOff() {
        this.runner
                .withPropertyValues(
                        "llamatrace.handlers.token-counting.enabled=false",
                        "llamatrace.handlers.debug.enabled=false",
                        "llamatrace.handlers.spans.enabled=false")
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(TokenCountingHandler.class);
                    assertThat(context).doesNotHaveBean(LlamaDebugHandler.class);
                    assertThat(context).doesNotHaveBean(SimpleSpanHandler.class);
                    assertThat(context.getBean(DispatcherRegistry.class).root().eventHandlers())
                            .containsExactly(context.getBean(TokenCountPublisher.class));
                });
    }

    @Test
    void userHandlerBeansWin() {
        SimpleSpanHandler spans = new SimpleSpanHandler(7);
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.runner
                .withBean("mySpans", SimpleSpanHandler.class, () -> spans)
                .withBean("myTokens", TokenCountingHandler.class, () -> tokens)
                .run((context) -> {
                    assertThat(context).getBean(SimpleSpanHandler.class).isSameAs(spans);
                    assertThat(context).getBean(TokenCountingHandler.class).isSameAs(tokens);
                    assertThat(List.<Object>copyOf(context.getBean(DispatcherRegistry.class)
                                    .root()
                                    .spanHandlers()))
                            .containsExactly(spans);
                });
    }

    @Test
    void callbackHandlersAreDetachedOnClose() {
        DispatcherRegistry registry = new DispatcherRegistry();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(LlamaTraceAutoConfiguration.class))
                .withBean(DispatcherRegistry.class, () -> registry)
                .run((context) -> assertThat(registry.root().eventHandlers()).isNotEmpty());
        assertThat(registry.root().eventHandlers()).isEmpty();
        assertThat(registry.root().spanHandlers()).isEmpty();
    }

    static void chat(Dispatcher root) {
        List<ChatMessage> messages = List.of(ChatMessage.user("What is the capital of France?"));
        root.span("ChatModel.chat", () -> {
            root.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            root.event(new LLMChatEndEvent(
                    messages, ChatResponse.of(ChatMessage.assistant("Paris"), UsageKeys.rawUsage(7, 3))));
            return null;
        });
    }

    private static List<Object> callbackHandlers(List<EventHandler> handlers) {
        return handlers.stream()
                .filter(CallbackEventHandler.class::isInstance)
                .map((handler) -> (Object) ((CallbackEventHandler) handler).handler())
                .toList();
    }
}
