package dev.llamatrace.autoconfigure.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.langchain4j.memory.chat.MessageWindowChatMemory;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.MemoryId;
import dev.llamatrace.autoconfigure.aop.ConversationId;
import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.autoconfigure.aop.UserId;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceAiServiceListeners;
import dev.llamatrace.autoconfigure.support.ExportedApplication;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.OtlpReceiver.Received;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.Conversations;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Conversation and user ids in a Spring Boot application exporting over OTLP to a receiver inside the test: set around
 * Spring AI and LangChain4j calls made over HTTP to a local OpenAI stub, across {@code @Async}, Reactor and a
 * {@code CompletableFuture} chain, and picked up from Spring AI's chat-memory advisor parameter and LangChain4j's
 * {@code @MemoryId}. Every exported span inside carries them under the GenAI, OpenInference and Langfuse keys; no meter
 * is tagged with them.
 */
class ConversationExportTests {

    private static final String SPRING_AI_CHAT = "chat gpt-4o-mini";

    private static final String LANGCHAIN4J_CHAT = "chat gpt-4o";

    @RegisterExtension
    final ExportedApplication application = new ExportedApplication(ConversationApplication.class);

    private final ExecutorService pool = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        this.pool.shutdownNow();
        TraceContext.clear();
    }

    @Test
    void parameterAnnotationsPutTheMethodSpanAndTheSpringAiCallInTheConversation() {
        run((context) -> context.getBean(ConversationService.class).ask("c-param", "u-param", "Hi"));
        Received method = awaitSpan("ConversationService.ask", "c-param");
        Received chat = awaitSpan(SPRING_AI_CHAT, "c-param");
        assertCarries(method, "c-param", "u-param");
        assertCarries(chat, "c-param", "u-param");
    }

    @Test
    void asyncMethodsKeepTheCallersConversation() {
        run((context) -> {
            ConversationService service = context.getBean(ConversationService.class);
            try (TraceContext.Scope scope =
                    Conversations.open(Conversation.of("c-async").withUser("u-async"))) {
                assertThat(service.askAsync("Hi").join()).isEqualTo(OpenAiStub.ANSWER);
            }
        });
        assertCarries(awaitSpan("ConversationService.askAsync", "c-async"), "c-async", "u-async");
        assertCarries(awaitSpan(SPRING_AI_CHAT, "c-async"), "c-async", "u-async");
    }

    @Test
    void reactorPipelinesOnAnotherSchedulerKeepTheConversation() {
        Hooks.enableAutomaticContextPropagation();
        try {
            run((context) -> {
                ChatModel model = context.getBean(ChatModel.class);
                try (TraceContext.Scope scope = Conversations.open(Conversation.of("c-reactor"))) {
                    String answer = Mono.fromCallable(() -> model.call("Hi"))
                            .subscribeOn(Schedulers.boundedElastic())
                            .block(Duration.ofSeconds(10));
                    assertThat(answer).isEqualTo(OpenAiStub.ANSWER);
                }
            });
        } finally {
            Hooks.disableAutomaticContextPropagation();
        }
        Received chat = awaitSpan(SPRING_AI_CHAT, "c-reactor");
        assertCarries(chat, "c-reactor", null);
    }

    @Test
    void aCompletableFutureChainCarriesTheConversationToSpringAiAndLangChain4jCalls() {
        run((context) -> {
            ChatModel springAi = context.getBean(ChatModel.class);
            OpenAiChatModel langChain4j = langChain4jModel(context);
            CompletableFuture<String> chain;
            try (TraceContext.Scope scope =
                    Conversations.open(Conversation.of("c-future").withUser("u-future"))) {
                chain = CompletableFuture.supplyAsync(TraceContext.wrapSupplier(() -> springAi.call("Hi")), this.pool)
                        .thenApplyAsync(TraceContext.wrapFunction((answer) -> langChain4j.chat(answer)), this.pool);
            }
            assertThat(chain.join()).isEqualTo(OpenAiStub.ANSWER);
        });
        assertCarries(awaitSpan(SPRING_AI_CHAT, "c-future"), "c-future", "u-future");
        assertCarries(awaitSpan(LANGCHAIN4J_CHAT, "c-future"), "c-future", "u-future");
    }

    @Test
    void springAiChatMemoryConversationIdIsPickedUpAndCompletesTheUserSetAround() {
        run((context) -> {
            ChatClient client = context.getBean(ChatClient.Builder.class).build();
            try (TraceContext.Scope scope = Conversations.open(Conversation.ofUser("u-memory"))) {
                String answer = client.prompt("Hi")
                        .advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "c-memory"))
                        .call()
                        .content();
                assertThat(answer).isEqualTo(OpenAiStub.ANSWER);
            }
            assertNoMeterIsTaggedWith(context, "c-memory", "u-memory");
        });
        Received chat = awaitSpan(SPRING_AI_CHAT, "c-memory");
        assertCarries(chat, "c-memory", "u-memory");
        Received chatClient = this.application.spans().stream()
                .filter((span) -> "chat_client".equals(span.attribute("spring.ai.kind")))
                .findFirst()
                .orElseThrow();
        assertCarries(chatClient, "c-memory", "u-memory");
    }

    @Test
    void langChain4jMemoryIdOfAnAiServiceIsTheConversationOfItsAgentAndChatSpansOnly() {
        run((context) -> {
            OpenAiChatModel model = langChain4jModel(context);
            Assistant assistant = AiServices.builder(Assistant.class)
                    .chatModel(model)
                    .chatMemoryProvider((id) -> MessageWindowChatMemory.withMaxMessages(10))
                    .registerListeners(
                            context.getBean(LlamaTraceAiServiceListeners.class).listeners())
                    .build();
            assertThat(assistant.chat("c-lc4j", "Hi")).isEqualTo(OpenAiStub.ANSWER);
            assertThat(model.chat("Hi again")).isEqualTo(OpenAiStub.ANSWER);
            assertNoMeterIsTaggedWith(context, "c-lc4j");
        });
        assertCarries(awaitSpan("invoke_agent Assistant", "c-lc4j"), "c-lc4j", null);
        assertCarries(awaitSpan(LANGCHAIN4J_CHAT, "c-lc4j"), "c-lc4j", null);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> spansNamed(LANGCHAIN4J_CHAT).size() == 2);
        assertThat(spansNamed(LANGCHAIN4J_CHAT))
                .filteredOn((span) -> span.attribute("gen_ai.conversation.id") == null)
                .hasSize(1);
    }

    private static void assertCarries(Received span, String conversationId, @Nullable String userId) {
        assertThat(span.attribute("gen_ai.conversation.id")).isEqualTo(conversationId);
        assertThat(span.attribute("session.id")).isEqualTo(conversationId);
        assertThat(span.attribute("langfuse.session.id")).isEqualTo(conversationId);
        assertThat(span.attribute("user.id")).isEqualTo(userId);
        assertThat(span.attribute("langfuse.user.id")).isEqualTo(userId);
    }

    private static void assertNoMeterIsTaggedWith(ConfigurableApplicationContext context, String... values) {
        List<Meter> meters = context.getBean(MeterRegistry.class).getMeters();
        assertThat(meters).isNotEmpty();
        assertThat(meters)
                .flatExtracting((meter) -> meter.getId().getTags())
                .extracting(Tag::getValue)
                .isNotEmpty()
                .doesNotContain(values);
    }

    private OpenAiChatModel langChain4jModel(ConfigurableApplicationContext context) {
        return OpenAiChatModel.builder()
                .baseUrl(this.application.stub().baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o")
                .maxRetries(0)
                .listeners(List.copyOf(
                        context.getBeansOfType(ChatModelListener.class).values()))
                .build();
    }

    private void run(Consumer<ConfigurableApplicationContext> callback) {
        this.application.run(List.of(), callback);
    }

    private Received awaitSpan(String name, String conversationId) {
        return this.application.awaitSpan(
                name, (span) -> conversationId.equals(span.attribute("gen_ai.conversation.id")));
    }

    private List<Received> spansNamed(String name) {
        return this.application.spansNamed(name);
    }

    /** A LangChain4j AI service with one chat memory per conversation. */
    interface Assistant {

        String chat(@MemoryId String conversationId, @dev.langchain4j.service.UserMessage String message);
    }

    /** {@code @LlamaSpan} methods around Spring AI calls. */
    static class ConversationService {

        private final ChatModel chatModel;

        ConversationService(ChatModel chatModel) {
            this.chatModel = chatModel;
        }

        @LlamaSpan
        public String ask(@ConversationId String conversationId, @UserId String userId, String question) {
            return this.chatModel.call(question);
        }

        @Async
        @LlamaSpan
        public CompletableFuture<String> askAsync(String question) {
            return CompletableFuture.completedFuture(this.chatModel.call(question));
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @EnableAsync
    static class ConversationApplication {

        @Bean
        DispatcherRegistry dispatcherRegistry() {
            return new DispatcherRegistry();
        }

        @Bean
        ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
            return new ContextPropagatingTaskDecorator();
        }

        @Bean
        ConversationService conversationService(ChatModel chatModel) {
            return new ConversationService(chatModel);
        }
    }
}
