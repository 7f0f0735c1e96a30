package dev.llamatrace.autoconfigure.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.CapturedEvent;
import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.OpenAIFineTuningHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.trace.SimpleSpanHandler;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlamaTraceEndpointAutoConfigurationTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(LlamaTraceAutoConfiguration.class, LlamaTraceEndpointAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withPropertyValues("management.endpoints.web.exposure.include=llamatrace");

    @Test
    void endpointIsRegisteredWhenExposed() {
        this.runner.run((context) -> assertThat(context).hasSingleBean(LlamaTraceEndpoint.class));
    }

    @Test
    void noEndpointWhenNotExposed() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class, LlamaTraceEndpointAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(LlamaTraceEndpoint.class));
    }

    @Test
    void noEndpointWhenAccessIsNone() {
        this.runner
                .withPropertyValues("management.endpoint.llamatrace.access=NONE")
                .run((context) -> assertThat(context).doesNotHaveBean(LlamaTraceEndpoint.class));
    }

    @Test
    void noEndpointWithoutActuator() {
        this.runner
                .withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(LlamaTraceEndpoint.class);
                });
    }

    @Test
    void noEndpointWhenLlamaTraceIsDisabled() {
        this.runner.withPropertyValues("llamatrace.enabled=false").run((context) -> assertThat(context)
                .doesNotHaveBean(LlamaTraceEndpoint.class));
    }

    @Test
    void userEndpointBeanWins() {
        LlamaTraceEndpoint custom =
                new LlamaTraceEndpoint(new DispatcherRegistry(), null, null, null, null, ContentCapture.OFF);
        this.runner.withBean(LlamaTraceEndpoint.class, () -> custom).run((context) -> assertThat(context)
                .getBean(LlamaTraceEndpoint.class)
                .isSameAs(custom));
    }

    @Test
    void sectionsOfSwitchedOffHandlersAreNotFound() {
        this.runner
                .withPropertyValues(
                        "llamatrace.handlers.spans.enabled=false",
                        "llamatrace.handlers.debug.enabled=false",
                        "llamatrace.handlers.token-counting.enabled=false")
                .run((context) -> {
                    LlamaTraceEndpoint endpoint = context.getBean(LlamaTraceEndpoint.class);
                    assertThat(endpoint.section("traces", null, null, null, null, null, null, null))
                            .isNull();
                    assertThat(endpoint.section("events", null, null, null, null, null, null, null))
                            .isNull();
                    assertThat(endpoint.section("fine-tuning", null, null, null, null, null, null, null))
                            .isNull();
                    assertThat(endpoint.item("traces", "any")).isNull();
                    LlamaTraceDescriptors.Summary summary = endpoint.summary();
                    assertThat(summary.tokens()).isNull();
                    assertThat(summary.events()).isNull();
                    assertThat(summary.spans()).isNull();
                    assertThat(summary.recentTraceIds()).isEmpty();
                });
    }

    @Test
    void badSectionOrTypeAnswers400WithTheAllowedValues() {
        this.runner.run((context) -> {
            LlamaTraceEndpoint endpoint = context.getBean(LlamaTraceEndpoint.class);
            assertThat(endpoint.section("nope", null, null, null, null, null, null, null))
                    .isInstanceOfSatisfying(WebEndpointResponse.class, (response) -> {
                        assertThat(response.getStatus()).isEqualTo(400);
                        assertThat(((LlamaTraceDescriptors.BadRequest) response.getBody()).allowed())
                                .containsExactly("traces", "conversations", "events", "llm", "fine-tuning");
                    });
            assertThat(endpoint.item("events", "nope"))
                    .isInstanceOfSatisfying(WebEndpointResponse.class, (response) -> assertThat(
                                    ((LlamaTraceDescriptors.BadRequest) response.getBody()).message())
                            .isEqualTo(
                                    "Unknown event type 'nope'; allowed values are " + LlamaTraceEndpoint.EVENT_TYPES));
        });
    }

    @Test
    void contentIsShownTruncatedOnlyWhenCaptured() {
        this.runner
                .withPropertyValues("llamatrace.capture-content=true", "llamatrace.content-max-length=10")
                .run((context) -> {
                    chat(context.getBean(DispatcherRegistry.class).root());
                    LlamaTraceEndpoint endpoint = context.getBean(LlamaTraceEndpoint.class);
                    String id = endpoint.summary().recentTraceIds().get(0);
                    LlamaTraceDescriptors.Trace trace = (LlamaTraceDescriptors.Trace) endpoint.item("traces", id);
                    assertThat(trace.root().events())
                            .extracting(LlamaTraceDescriptors.SpanEvent::input, LlamaTraceDescriptors.SpanEvent::output)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("user: What...", null),
                                    org.assertj.core.groups.Tuple.tuple(null, "Paris"));
                    assertThat(trace.contentCaptured()).isTrue();
                    assertThat(trace.root().events())
                            .extracting(LlamaTraceDescriptors.SpanEvent::messages)
                            .containsExactly(
                                    List.of(new LlamaTraceDescriptors.Message("user", "What is th...")),
                                    List.of(new LlamaTraceDescriptors.Message("assistant", "Paris")));
                    LlamaTraceDescriptors.EventPairs pairs = (LlamaTraceDescriptors.EventPairs)
                            endpoint.section("llm", null, null, null, null, null, null, null);
                    assertThat(pairs.pairs().get(0).get(0).payload()).isNotEmpty();
                });
    }

    @Test
    void retrievedDocumentsAreShownWithTheirScoresOnlyWhenCaptured() {
        Consumer<DispatcherRegistry> retrieve = (registry) -> {
            Dispatcher root = registry.root();
            root.span("Retriever.retrieve", () -> {
                root.event(new RetrievalStartEvent("capital"));
                root.event(new RetrievalEndEvent(
                        "capital", List.of(NodeWithScore.of("geo#1", "Paris is the capital.", 0.91))));
                return null;
            });
        };
        this.runner.withPropertyValues("llamatrace.capture-content=true").run((context) -> {
            retrieve.accept(context.getBean(DispatcherRegistry.class));
            LlamaTraceDescriptors.SpanNode root = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
            assertThat(root.kind()).isEqualTo("RETRIEVER");
            assertThat(root.events().get(1).documents())
                    .containsExactly(new LlamaTraceDescriptors.Document("geo#1", 0.91, "Paris is the capital."));
        });
        this.runner.run((context) -> {
            retrieve.accept(context.getBean(DispatcherRegistry.class));
            LlamaTraceDescriptors.SpanNode root = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
            assertThat(root.kind()).isEqualTo("RETRIEVER");
            assertThat(root.events())
                    .extracting(LlamaTraceDescriptors.SpanEvent::documents)
                    .containsOnlyNulls();
        });
    }

    @Test
    void capturedContentAndErrorMessagesAreShownRedacted() {
        this.runner.withPropertyValues("llamatrace.capture-content=true").run((context) -> {
            Dispatcher root = context.getBean(DispatcherRegistry.class).root();
            try {
                root.span("Retriever.retrieve", () -> {
                    root.event(new RetrievalStartEvent("orders of jane@example.com"));
                    root.event(new RetrievalEndEvent(
                            "orders of jane@example.com",
                            List.of(NodeWithScore.of("o#1", "paid with 4111-1111-1111-1111", 0.5))));
                    throw new IllegalStateException("no account for jane@example.com");
                });
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessage("no account for jane@example.com");
            }
            LlamaTraceDescriptors.SpanNode span = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
            assertThat(span.events().get(0).input()).isEqualTo("orders of [email]");
            assertThat(span.events().get(1).documents())
                    .containsExactly(new LlamaTraceDescriptors.Document("o#1", 0.5, "paid with [card-number]"));
            assertThat(span.error()).isEqualTo("no account for [email]");
        });
    }

    @Test
    void spansSayTheirKindModelAndWhereTheirTokenCountsCameFrom() {
        this.runner.run((context) -> {
            chat(context.getBean(DispatcherRegistry.class).root());
            LlamaTraceDescriptors.SpanNode root = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
            assertThat(root.kind()).isEqualTo("LLM");
            assertThat(root.model()).isEqualTo("gpt-4o");
            assertThat(root.provider()).isEqualTo("openai");
            assertThat(root.tokens())
                    .isEqualTo(new LlamaTraceDescriptors.TokenCount(
                            7, 3, 10, "gpt-4o", "openai", "PROVIDER", "PROVIDER", 0, 0, 0, "provider"));
            assertThat(root.events())
                    .extracting(LlamaTraceDescriptors.SpanEvent::messages)
                    .containsOnlyNulls();
        });
    }

    @Test
    void fineTuningExamplesAreKeptAndServedOnlyWithContentCaptureOn() {
        ApplicationContextRunner fineTuning =
                this.runner.withPropertyValues("llamatrace.handlers.fine-tuning.enabled=true");
        fineTuning.run((context) -> {
            chat(context.getBean(DispatcherRegistry.class).root());
            Object answer = context.getBean(LlamaTraceEndpoint.class)
                    .section("fine-tuning", null, null, null, null, null, null, null);
            assertThat(answer).isInstanceOfSatisfying(WebEndpointResponse.class, (response) -> {
                assertThat(response.getStatus()).isEqualTo(403);
                assertThat(response.getBody())
                        .asString()
                        .contains("llamatrace.capture-content")
                        .doesNotContain("Paris");
            });
            assertThat(context.getBean(OpenAIFineTuningHandler.class).getFinetuningEvents())
                    .isEmpty();
        });
        fineTuning.withPropertyValues("llamatrace.capture-content=true").run((context) -> {
            chat(context.getBean(DispatcherRegistry.class).root());
            Object answer = context.getBean(LlamaTraceEndpoint.class)
                    .section("fine-tuning", null, null, null, null, null, null, null);
            assertThat(answer).isInstanceOfSatisfying(WebEndpointResponse.class, (response) -> {
                assertThat(response.getStatus()).isEqualTo(200);
                assertThat(new String((byte[]) response.getBody(), StandardCharsets.UTF_8))
                        .contains("Paris");
            });
        });
    }

    @Test
    void aFailedCallShowsItsExceptionClassButNotItsMessageWhileContentCaptureIsOff() {
        Consumer<DispatcherRegistry> fail = (registry) -> {
            try {
                registry.root().span("ChatModel.chat", () -> {
                    throw new IllegalStateException("model refused: What is the secret plan?");
                });
            } catch (IllegalStateException expected) {
                // reaches the caller unchanged
            }
        };
        this.runner.run((context) -> {
            fail.accept(context.getBean(DispatcherRegistry.class));
            LlamaTraceDescriptors.SpanNode root = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
            assertThat(root.errorType()).isEqualTo(IllegalStateException.class.getName());
            assertThat(root.error()).isEmpty();
            assertThat(context.getBean(SimpleSpanHandler.class).droppedSpans())
                    .singleElement()
                    .satisfies((span) -> assertThat(span.error()).doesNotContain("secret"));
        });
        this.runner
                .withPropertyValues("llamatrace.capture-content=true", "llamatrace.content-max-length=20")
                .run((context) -> {
                    fail.accept(context.getBean(DispatcherRegistry.class));
                    LlamaTraceDescriptors.SpanNode root = onlyTrace(context.getBean(LlamaTraceEndpoint.class));
                    assertThat(root.errorType()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(root.error()).isEqualTo("model refused: What ...");
                });
    }

    @Test
    void handlersKeepNoContentWhileCaptureIsOffAndCutItWhenTheyRecordWhileItIsOn() {
        String prompt = "x".repeat(32_000);
        Consumer<Dispatcher> longChat = (root) -> root.span("ChatModel.chat", () -> {
            List<ChatMessage> messages = List.of(ChatMessage.user(prompt));
            root.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            root.event(new LLMChatEndEvent(
                    messages, ChatResponse.of(ChatMessage.assistant(prompt), UsageKeys.rawUsage(7, 3))));
            return null;
        });
        this.runner
                .withPropertyValues("llamatrace.handlers.fine-tuning.enabled=true")
                .run((context) -> {
                    longChat.accept(context.getBean(DispatcherRegistry.class).root());
                    assertThat(context.getBean(LlamaDebugHandler.class).getEvents(null))
                            .isNotEmpty()
                            .allSatisfy((event) -> assertThat(event.payload()).isEmpty());
                    assertThat(context.getBean(TokenCountingHandler.class).llmTokenCounts())
                            .singleElement()
                            .satisfies((count) -> {
                                assertThat(count.prompt()).isEmpty();
                                assertThat(count.completion()).isEmpty();
                                assertThat(count.totalTokenCount()).isEqualTo(10);
                            });
                    assertThat(context.getBean(SimpleSpanHandler.class).completedSpans())
                            .singleElement()
                            .satisfies((span) -> assertThat(span.events())
                                    // the token count on the bus is the span's tokens, not content
                                    .filteredOn((event) -> !(event instanceof TokenCountingEvent))
                                    .hasSize(2)
                                    .allSatisfy((event) -> assertThat(event)
                                            .isInstanceOfSatisfying(CapturedEvent.class, (kept) -> {
                                                assertThat(kept.inputText()).isNull();
                                                assertThat(kept.outputText()).isNull();
                                                assertThat(kept.inputMessages()).isEmpty();
                                                assertThat(kept.outputMessages())
                                                        .isEmpty();
                                            })));
                    assertThat(context.getBean(OpenAIFineTuningHandler.class).getFinetuningEvents())
                            .isEmpty();
                });
        this.runner
                .withPropertyValues(
                        "llamatrace.capture-content=true",
                        "llamatrace.content-max-length=100",
                        "llamatrace.handlers.fine-tuning.enabled=true")
                .run((context) -> {
                    longChat.accept(context.getBean(DispatcherRegistry.class).root());
                    assertThat(context.getBean(LlamaDebugHandler.class).getEvents(null))
                            .flatMap((event) -> event.payload().values())
                            .isNotEmpty()
                            .allSatisfy((value) -> assertThat(value).asString().hasSizeLessThanOrEqualTo(103));
                    assertThat(context.getBean(TokenCountingHandler.class).llmTokenCounts())
                            .singleElement()
                            .satisfies((count) -> assertThat(count.prompt()).hasSize(103));
                    assertThat(context.getBean(SimpleSpanHandler.class)
                                    .completedSpans()
                                    .get(0)
                                    .events())
                            .filteredOn((event) -> !(event instanceof TokenCountingEvent))
                            .allSatisfy(
                                    (event) -> assertThat(event).isInstanceOfSatisfying(CapturedEvent.class, (kept) -> {
                                        assertThat(kept.inputMessages())
                                                .allSatisfy((message) -> assertThat(message.content())
                                                        .hasSizeLessThanOrEqualTo(103));
                                        assertThat(kept.outputMessages())
                                                .allSatisfy((message) -> assertThat(message.content())
                                                        .hasSizeLessThanOrEqualTo(103));
                                    }));
                    assertThat(context.getBean(OpenAIFineTuningHandler.class).getFinetuningEvents())
                            .singleElement()
                            .satisfies((example) -> assertThat(example.messages())
                                    .allSatisfy((message) ->
                                            assertThat(message.content()).hasSize(103)));
                });
    }

    private static LlamaTraceDescriptors.SpanNode onlyTrace(LlamaTraceEndpoint endpoint) {
        String id = endpoint.summary().recentTraceIds().get(0);
        return ((LlamaTraceDescriptors.Trace) endpoint.item("traces", id)).root();
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
}
