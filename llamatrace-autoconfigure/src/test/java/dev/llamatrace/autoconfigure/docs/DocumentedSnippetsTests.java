package dev.llamatrace.autoconfigure.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.aop.LlamaTraceAopAutoConfiguration;
import dev.llamatrace.autoconfigure.endpoint.LlamaTraceEndpointAutoConfiguration;
import dev.llamatrace.autoconfigure.langchain4j.LlamaTraceLangChain4jAutoConfiguration;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMetricsAutoConfiguration;
import dev.llamatrace.autoconfigure.springai.LlamaTraceSpringAiAutoConfiguration;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.tracing.LlamaTraceTracingAutoConfiguration;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.Dispatchers;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.conversation.Conversation;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.span.SpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Runs every Spring snippet the docs show (the classes of this package, which {@link SnippetsAreDocumentedTests}
 * compares with the docs) in an application context with llamatrace switched on and switched off: each one starts,
 * gives the application the same answer, and is traced only when llamatrace is on.
 */
class DocumentedSnippetsTests {

    /** System property the snippets' test-only lines read the OpenAI stub's base URL from. */
    static final String BASE_URL = "llamatrace.docs.openai-base-url";

    private final OpenAiStub stub = OpenAiStub.start();

    @BeforeEach
    void pointSnippetsAtTheStub() {
        System.setProperty(BASE_URL, this.stub.baseUrl());
    }

    @AfterEach
    void stopTheStub() {
        System.clearProperty(BASE_URL);
        this.stub.close();
        TraceContext.clear();
    }

    /** An application with the starter's auto-configurations, its own handler bean, and llamatrace on or off. */
    private static ApplicationContextRunner application(boolean enabled) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class,
                        LlamaTraceAopAutoConfiguration.class,
                        LlamaTraceMetricsAutoConfiguration.class,
                        LlamaTraceTracingAutoConfiguration.class,
                        LlamaTraceEndpointAutoConfiguration.class,
                        LlamaTraceSpringAiAutoConfiguration.class,
                        LlamaTraceLangChain4jAutoConfiguration.class,
                        AopAutoConfiguration.class,
                        ObservationAutoConfiguration.class,
                        TaskExecutionAutoConfiguration.class))
                .withPropertyValues("llamatrace.enabled=" + enabled)
                .withBean("recorder", Recorder.class);
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void handlerBeanWithADispatcherStartsAndIsAttachedOnlyWhenEnabled(boolean enabled) {
        application(enabled).withUserConfiguration(AuditConfiguration.class).run((context) -> {
            assertThat(context).hasNotFailed();
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            Object audit = context.getBean("ragAudit");
            List<Object> attached = List.copyOf(registry.get("com.example.rag").eventHandlers());
            if (enabled) {
                assertThat(attached).containsExactly(audit);
            } else {
                assertThat(attached).isEmpty();
                assertThat(registry).isNotSameAs(Dispatchers.registry());
            }
            registry.get("com.example.rag").event(new Event() {});
        });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void llamaSpanMethodsAnswerTheSameAndAreSpansOnlyWhenEnabled(boolean enabled) {
        application(enabled).withBean(RagService.class).run((context) -> {
            RagService service = context.getBean(RagService.class);
            assertThat(service.answer("the index")).isEqualTo("It depends on the index");
            assertThat(service.answerAsync("soon").join()).isEqualTo("Later: soon");
            assertThat(service.answerStream("it").collectList().block())
                    .containsExactly("It ", "depends ", "on ", "it");
            Recorder recorder = recorder(context);
            if (enabled) {
                recorder.awaitEnded(3);
                assertThat(recorder.spans())
                        .extracting(Recorder.Recorded::name)
                        .containsExactlyInAnyOrder(
                                "RagService.answer", "RagService.answerAsync", "RagService.answerStream");
                assertThat(recorder.span("RagService.answer").invocation().tags())
                        .containsEntry("component", "rag");
            } else {
                assertThat(recorder.spans()).isEmpty();
            }
        });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void contextPropagatingTaskDecoratorCarriesTheSpanOnlyWhenEnabled(boolean enabled) {
        application(enabled).withUserConfiguration(AsyncConfiguration.class).run((context) -> {
            AsyncTaskExecutor executor = context.getBean("applicationTaskExecutor", AsyncTaskExecutor.class);
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            @Nullable
            SpanInvocation[] seen = registry.root().span("caller", () -> new @Nullable SpanInvocation[] {
                TraceContext.currentSpan(),
                executor.submit(TraceContext::currentSpan).get()
            });
            if (enabled) {
                assertThat(seen[0]).isNotNull();
                assertThat(seen[1]).isSameAs(seen[0]);
            } else {
                assertThat(seen).containsOnlyNulls();
            }
        });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void langChain4jListenersAnswerTheSameAndAreSpansOnlyWhenEnabled(boolean enabled) {
        application(enabled)
                .withBean(EmbeddingStore.class, DocumentedSnippetsTests::storeWithOneCatSegment)
                .withUserConfiguration(LangChain4jConfiguration.class)
                .withBean(Rag.class)
                .run((context) -> {
                    assertThat(context.getBean(Rag.class).answer("Tell me about cats"))
                            .isEqualTo(OpenAiStub.ANSWER);
                    assertThat(this.stub.requests()).hasSize(2);
                    Recorder recorder = recorder(context);
                    if (enabled) {
                        recorder.awaitEnded(4);
                        Recorder.Recorded answer = recorder.span("Rag.answer");
                        Recorder.Recorded retrieval = recorder.span("retrieval");
                        assertThat(retrieval.parentId()).isEqualTo(answer.id());
                        assertThat(recorder.span("embeddings text-embedding-3-small")
                                        .parentId())
                                .isEqualTo(retrieval.id());
                        assertThat(recorder.span("chat gpt-4o-mini").parentId()).isEqualTo(answer.id());
                    } else {
                        assertThat(recorder.spans()).isEmpty();
                        assertThat(recorder.events()).isEmpty();
                    }
                });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void langChain4jAssistantAnswersTheSameAndIsAnAgentSpanOnlyWhenEnabled(boolean enabled) {
        application(enabled)
                .withBean(EmbeddingStore.class, DocumentedSnippetsTests::storeWithOneCatSegment)
                .withUserConfiguration(LangChain4jConfiguration.class, AssistantConfiguration.class)
                .run((context) -> {
                    assertThat(context.getBean(AssistantConfiguration.Assistant.class)
                                    .chat("Weather in Paris?"))
                            .isEqualTo(OpenAiStub.ANSWER);
                    assertThat(this.stub.requests()).hasSize(2);
                    Recorder recorder = recorder(context);
                    if (enabled) {
                        recorder.awaitEnded(4);
                        assertThat(recorder.spans())
                                .extracting(Recorder.Recorded::name)
                                .containsExactly(
                                        "invoke_agent Assistant",
                                        "chat gpt-4o-mini",
                                        "execute_tool weather",
                                        "chat gpt-4o-mini");
                        String agent = recorder.span("invoke_agent Assistant").id();
                        assertThat(recorder.spans().subList(1, 4)).allSatisfy((span) -> assertThat(span.parentId())
                                .isEqualTo(agent));
                    } else {
                        assertThat(recorder.spans()).isEmpty();
                        assertThat(recorder.events()).isEmpty();
                    }
                });
    }

    @Test
    void langChain4jListenersStayBeansWhenOnlyTheIntegrationIsSwitchedOff() {
        application(true)
                .withPropertyValues("llamatrace.langchain4j.enabled=false")
                .withBean(EmbeddingStore.class, DocumentedSnippetsTests::storeWithOneCatSegment)
                .withUserConfiguration(LangChain4jConfiguration.class)
                .withBean(Rag.class)
                .run((context) -> {
                    assertThat(context.getBean(Rag.class).answer("Tell me about cats"))
                            .isEqualTo(OpenAiStub.ANSWER);
                    Recorder recorder = recorder(context);
                    recorder.awaitEnded(1);
                    assertThat(recorder.spans())
                            .extracting(Recorder.Recorded::name)
                            .containsExactly("Rag.answer");
                });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void handBuiltSpringAiClientAnswersTheSameAndIsTracedOnlyWhenEnabled(boolean enabled) {
        application(enabled)
                .withPropertyValues("OPENAI_API_KEY=test-key")
                .withUserConfiguration(SpringAiConfiguration.class)
                .run((context) -> {
                    ChatClient client = context.getBean(ChatClient.class);
                    assertThat(client.prompt("Hi").call().content()).isEqualTo(OpenAiStub.ANSWER);
                    assertThat(client.prompt("Hi").stream()
                                    .content()
                                    .collectList()
                                    .block())
                            .containsExactlyElementsOf(OpenAiStub.STREAM_CHUNKS);
                    Recorder recorder = recorder(context);
                    if (enabled) {
                        recorder.awaitEnded(4);
                        assertThat(recorder.spans())
                                .extracting(Recorder.Recorded::name)
                                .containsExactlyInAnyOrder(
                                        "ChatClient.call", "chat gpt-4o-mini", "ChatClient.stream", "chat gpt-4o-mini");
                        assertThat(recorder.events(LLMChatInProgressEvent.class))
                                .hasSize(1);
                    } else {
                        assertThat(recorder.spans()).isEmpty();
                        assertThat(recorder.events()).isEmpty();
                    }
                });
    }

    @ParameterizedTest(name = "llamatrace.enabled={0}")
    @ValueSource(booleans = {true, false})
    void chatServiceAnswersTheSameAndItsSpansAreInTheConversationOnlyWhenEnabled(boolean enabled) {
        application(enabled)
                .withBean(
                        ChatClient.Builder.class,
                        () -> ChatClient.builder(OpenAiChatModel.builder()
                                .options(OpenAiChatOptions.builder()
                                        .baseUrl(System.getProperty(BASE_URL))
                                        .apiKey("test-key")
                                        .model("gpt-4o-mini")
                                        .build())
                                .build()))
                .withBean(ChatService.class)
                .run((context) -> {
                    assertThat(context.getBean(ChatService.class).chat("c-1", "u-1", "Hi"))
                            .isEqualTo(OpenAiStub.ANSWER);
                    Recorder recorder = recorder(context);
                    if (enabled) {
                        recorder.awaitEnded(1);
                        assertThat(recorder.span("ChatService.chat")
                                        .invocation()
                                        .conversation())
                                .isEqualTo(new Conversation("c-1", "u-1"));
                    } else {
                        assertThat(recorder.spans()).isEmpty();
                    }
                });
    }

    private static Recorder recorder(AssertableApplicationContext context) {
        Recorder recorder = context.getBean(Recorder.class);
        assertThat(recorder).isInstanceOf(SpanHandler.class);
        return recorder;
    }

    private static EmbeddingStore<TextSegment> storeWithOneCatSegment() {
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        store.add(Embedding.from(new float[] {1.0f, 0.0f, 0.1f}), TextSegment.from("Cats sleep a lot."));
        return store;
    }
}
