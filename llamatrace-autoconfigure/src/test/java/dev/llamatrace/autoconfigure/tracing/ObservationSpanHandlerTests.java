package dev.llamatrace.autoconfigure.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.autoconfigure.springai.LlamaTraceSpringAiAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.ToolMetadata;
import dev.llamatrace.core.llm.UsageKeys;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans reach an OpenTelemetry exporter through Boot's own tracing auto-configuration, with no user code. */
class ObservationSpanHandlerTests {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    ObservationAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class,
                    OpenTelemetrySdkAutoConfiguration.class,
                    OpenTelemetryTracingAutoConfiguration.class,
                    LlamaTraceAutoConfiguration.class,
                    LlamaTraceTracingAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withBean(InMemorySpanExporter.class, InMemorySpanExporter::create)
            .withPropertyValues("management.tracing.sampling.probability=1.0");

    @Test
    void micrometerTracingLookedUpByNameIsKnownToANativeImage() {
        RuntimeHints hints = new RuntimeHints();
        new LlamaTraceTracingAutoConfiguration.TracingTypeHints()
                .registerHints(hints, getClass().getClassLoader());
        assertThat(RuntimeHintsPredicates.reflection()
                        .onType(io.micrometer.tracing.handler.TracingObservationHandler.class))
                .accepts(hints);
    }

    @Test
    void spansArriveWithParentLinksAndGenAiAndOpenInferenceAttributes() {
        this.runner.withPropertyValues("llamatrace.tracing.open-inference=true").run((context) -> {
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).get("com.example.rag");
            ragQuery(dispatcher);
            Map<String, SpanData> spans = exported(context);
            assertThat(spans).containsOnlyKeys("RagService.answer", "Retriever.retrieve", "ChatModel.chat");
            SpanData root = spans.get("RagService.answer");
            SpanData retrieve = spans.get("Retriever.retrieve");
            SpanData chat = spans.get("ChatModel.chat");
            assertThat(retrieve.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(chat.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(chat.getTraceId()).isEqualTo(root.getTraceId());
            assertThat(attribute(root, "openinference.span.kind")).isEqualTo("CHAIN");
            assertThat(attribute(root, "llamatrace.tag.user")).isEqualTo("u1");
            assertThat(attribute(root, "llamatrace.dispatcher")).isEqualTo("com.example.rag");
            assertThat(attribute(retrieve, "openinference.span.kind")).isEqualTo("RETRIEVER");
            assertThat(attribute(retrieve, "gen_ai.operation.name")).isEqualTo("retrieval");
            assertThat(attribute(chat, "openinference.span.kind")).isEqualTo("LLM");
            assertThat(attribute(chat, "gen_ai.operation.name")).isEqualTo("chat");
            assertThat(attribute(chat, "gen_ai.provider.name")).isEqualTo("openai");
            assertThat(attribute(chat, "gen_ai.request.model")).isEqualTo("gpt-4o");
            assertThat(attribute(chat, "llm.model_name")).isEqualTo("gpt-4o");
            assertThat(attribute(chat, "llamatrace.span.id")).startsWith("ChatModel.chat-");
            assertThat(attribute(chat, "input.value")).isNull();
            assertThat(attribute(chat, "output.value")).isNull();
            assertThat(attribute(retrieve, "input.value")).isNull();
            assertThat(attribute(chat, "gen_ai.system")).isNull();
            assertThat(attribute(chat, "gen_ai.usage.input_tokens")).isEqualTo("12");
            assertThat(attribute(chat, "gen_ai.usage.output_tokens")).isEqualTo("1");
            assertThat(attribute(chat, "llm.token_count.prompt")).isEqualTo("12");
            assertThat(attribute(chat, "llm.token_count.completion")).isEqualTo("1");
            assertThat(attribute(chat, "llm.token_count.total")).isEqualTo("13");
        });
    }

    @Test
    void byDefaultSpansCarryTheGenAiAttributesAndNoOpenInferenceTwins() {
        this.runner.run((context) -> {
            ragQuery(context.getBean(DispatcherRegistry.class).get("com.example.rag"));
            Map<String, SpanData> spans = exported(context);
            SpanData root = spans.get("RagService.answer");
            SpanData chat = spans.get("ChatModel.chat");
            assertThat(chat.getParentSpanId()).isEqualTo(root.getSpanId());
            assertThat(attribute(chat, "gen_ai.operation.name")).isEqualTo("chat");
            assertThat(attribute(chat, "gen_ai.request.model")).isEqualTo("gpt-4o");
            assertThat(attribute(chat, "gen_ai.usage.input_tokens")).isEqualTo("12");
            assertThat(attribute(chat, "gen_ai.usage.output_tokens")).isEqualTo("1");
            assertThat(attribute(chat, "llamatrace.span.id")).startsWith("ChatModel.chat-");
            assertThat(attribute(chat, "llamatrace.dispatcher")).isEqualTo("com.example.rag");
            // The parent is the exported span's parent already; its llamatrace id is added only for a remote one.
            assertThat(attribute(chat, "llamatrace.span.parent_id")).isNull();
            spans.values()
                    .forEach((span) -> assertThat(span.getAttributes().asMap().keySet())
                            .extracting(AttributeKey::getKey)
                            .as(span.getName())
                            .noneMatch((key) -> key.startsWith("openinference.")
                                    || key.startsWith("llm.")
                                    || key.startsWith("retrieval.")
                                    || key.equals("session.id")));
        });
    }

    @Test
    void contentIsExportedOnlyWhenCaptureIsOnAndIsTruncated() {
        this.runner
                .withPropertyValues("llamatrace.capture-content=true", "llamatrace.content-max-length=12")
                .run((context) -> {
                    ragQuery(context.getBean(DispatcherRegistry.class).get("com.example.rag"));
                    Map<String, SpanData> spans = exported(context);
                    assertThat(attribute(spans.get("ChatModel.chat"), "input.value"))
                            .isEqualTo("system: be b...");
                    assertThat(attribute(spans.get("ChatModel.chat"), "output.value"))
                            .isEqualTo("Paris");
                    assertThat(attribute(spans.get("Retriever.retrieve"), "input.value"))
                            .isEqualTo("capital of F...");
                });
    }

    @Test
    void capturedPromptsAreExportedRedacted() {
        this.runner
                .withPropertyValues(
                        "llamatrace.capture-content=true",
                        "llamatrace.tracing.open-inference=true",
                        "llamatrace.content-redaction.rules.order-id=ORD-\\d{6}")
                .run((context) -> {
                    Dispatcher dispatcher =
                            context.getBean(DispatcherRegistry.class).root();
                    dispatcher.span("ChatModel.chat", () -> {
                        List<ChatMessage> messages = List.of(
                                ChatMessage.user(
                                        "Refund ORD-123456 to jane@example.com, card 4111 1111 1111 1111, key sk-proj-AbCdEf0123456789xyz"));
                        dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                        dispatcher.event(new LLMChatEndEvent(
                                messages,
                                ChatResponse.of(
                                        ChatMessage.assistant("Done, call +1 415 555 0100"),
                                        UsageKeys.rawUsage(12, 1))));
                        return "done";
                    });
                    SpanData chat = exported(context).get("ChatModel.chat");
                    String redactedPrompt = "Refund [order-id] to [email], card [card-number], key [api-key]";
                    assertThat(attribute(chat, "llm.input_messages.0.message.content"))
                            .isEqualTo(redactedPrompt);
                    assertThat(attribute(chat, "input.value"))
                            .contains(redactedPrompt)
                            .doesNotContain("jane@");
                    assertThat(attribute(chat, "llm.output_messages.0.message.content"))
                            .isEqualTo("Done, call [phone]");
                });
    }

    @Test
    void droppedSpanIsExportedWithErrorStatus() {
        this.runner.run((context) -> {
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            IllegalStateException failure = new IllegalStateException("provider down");
            try {
                dispatcher.span("ChatModel.chat", () -> {
                    throw failure;
                });
            } catch (IllegalStateException ex) {
                assertThat(ex).isSameAs(failure);
            }
            SpanData span = exported(context).get("ChatModel.chat");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(span.getEvents())
                    .anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
        });
    }

    @Test
    void afterTheOpenSpanCapFilledWithAbandonedSpansNewSpansAreStillExported() {
        this.runner.run((context) -> {
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            ObservationSpanHandler handler = context.getBean(ObservationSpanHandler.class);
            for (int i = 0; i < handler.maxOpenSpans(); i++) {
                dispatcher.spanEnter("abandoned", null, Map.of());
            }
            for (int i = 0; i < 5; i++) {
                dispatcher.span("healthy", () -> "v");
            }
            context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
            List<SpanData> finished =
                    context.getBean(InMemorySpanExporter.class).getFinishedSpanItems();
            assertThat(finished)
                    .filteredOn((span) -> span.getName().equals("healthy"))
                    .hasSize(5);
            assertThat(finished)
                    .filteredOn((span) -> span.getName().equals("abandoned"))
                    .hasSize((int) handler.evictedOpenSpanCount())
                    .allSatisfy((span) ->
                            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR));
            assertThat(handler.evictedOpenSpanCount()).isPositive();
        });
    }

    @Test
    void aFailedCallIsExportedWithItsExceptionClassButNotItsMessageWhileCaptureIsOff() {
        this.runner.run((context) -> {
            failWithPromptInMessage(context.getBean(DispatcherRegistry.class).root());
            SpanData span = exported(context).get("ChatModel.chat");
            assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attribute(span, "error.type")).isEqualTo(IllegalStateException.class.getName());
            assertThat(span.toString()).doesNotContain("secret plan");
            assertThat(span.getEvents())
                    .anySatisfy((event) -> assertThat(event.getName()).isEqualTo("exception"));
        });
        this.runner.withPropertyValues("llamatrace.capture-content=true").run((context) -> {
            failWithPromptInMessage(context.getBean(DispatcherRegistry.class).root());
            SpanData span = exported(context).get("ChatModel.chat");
            assertThat(span.toString()).contains("secret plan");
        });
    }

    private static void failWithPromptInMessage(Dispatcher dispatcher) {
        try {
            dispatcher.span("ChatModel.chat", () -> {
                throw new IllegalStateException("model refused: What is the secret plan?");
            });
        } catch (IllegalStateException expected) {
            // reaches the caller unchanged
        }
    }

    @Test
    void spansMirroringSpringAiObservationsAreNotExportedTwiceAndTheirChildrenNestUnderTheObservation() {
        this.runner.run((context) -> {
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            DispatcherRegistry registry = context.getBean(DispatcherRegistry.class);
            Dispatcher springAi = registry.get(LlamaTraceSpringAiAutoConfiguration.DISPATCHER_NAME);
            Observation tool = Observation.start("spring.ai.tool", observations).contextualName("execute_tool weather");
            try (Observation.Scope scope = tool.openScope()) {
                springAi.span("execute_tool weather", () -> registry.root().span("WeatherTool.lookup", () -> null));
            } finally {
                tool.stop();
            }
            Map<String, SpanData> spans = exported(context);
            assertThat(spans).containsOnlyKeys("execute_tool weather", "WeatherTool.lookup");
            assertThat(spans.get("WeatherTool.lookup").getParentSpanId())
                    .isEqualTo(spans.get("execute_tool weather").getSpanId());
            assertThat(attribute(spans.get("execute_tool weather"), "llamatrace.span.id"))
                    .isNull();
        });
    }

    @Test
    void flattenedMessagesAndDocumentsAreExportedOnlyWhenCaptureAndOpenInferenceAreOn() {
        this.runner
                .withPropertyValues("llamatrace.capture-content=true", "llamatrace.tracing.open-inference=true")
                .run((context) -> {
                    ragQuery(context.getBean(DispatcherRegistry.class).get("com.example.rag"));
                    Map<String, SpanData> spans = exported(context);
                    SpanData chat = spans.get("ChatModel.chat");
                    assertThat(attribute(chat, "llm.input_messages.0.message.role"))
                            .isEqualTo("system");
                    assertThat(attribute(chat, "llm.input_messages.0.message.content"))
                            .isEqualTo("be brief");
                    assertThat(attribute(chat, "llm.input_messages.1.message.role"))
                            .isEqualTo("user");
                    assertThat(attribute(chat, "llm.input_messages.1.message.content"))
                            .isEqualTo("capital of France?");
                    assertThat(attribute(chat, "llm.output_messages.0.message.role"))
                            .isEqualTo("assistant");
                    assertThat(attribute(chat, "llm.output_messages.0.message.content"))
                            .isEqualTo("Paris");
                    SpanData retrieve = spans.get("Retriever.retrieve");
                    assertThat(attribute(retrieve, "retrieval.documents.0.document.id"))
                            .isEqualTo("n1");
                    assertThat(attribute(retrieve, "retrieval.documents.0.document.content"))
                            .isEqualTo("Paris is the capital.");
                    assertThat(attribute(retrieve, "retrieval.documents.0.document.score"))
                            .isEqualTo("0.9");
                    // A chain span described by no event carries what its method returned.
                    assertThat(attribute(spans.get("RagService.answer"), "output.value"))
                            .isEqualTo("Paris");
                });
        this.runner.withPropertyValues("llamatrace.capture-content=true").run((context) -> {
            ragQuery(context.getBean(DispatcherRegistry.class).get("com.example.rag"));
            Map<String, SpanData> spans = exported(context);
            // Without OpenInference the content is still exported, as input.value and output.value only.
            assertThat(attribute(spans.get("ChatModel.chat"), "output.value")).isEqualTo("Paris");
            spans.values()
                    .forEach((span) -> assertThat(span.getAttributes().asMap().keySet())
                            .extracting(AttributeKey::getKey)
                            .noneMatch((key) -> key.startsWith("llm.input_messages")
                                    || key.startsWith("llm.output_messages")
                                    || key.startsWith("retrieval.documents")));
        });
        this.runner.withPropertyValues("llamatrace.tracing.open-inference=true").run((context) -> {
            ragQuery(context.getBean(DispatcherRegistry.class).get("com.example.rag"));
            exported(context).values().forEach((span) -> assertThat(
                            span.getAttributes().asMap().keySet())
                    .extracting(AttributeKey::getKey)
                    .noneMatch((key) -> key.startsWith("llm.input_messages")
                            || key.startsWith("llm.output_messages")
                            || key.startsWith("retrieval.documents")
                            || key.equals("output.value")));
        });
    }

    @Test
    void toolCallOfAMirroredObservationIsExportedOnceAsThatObservationWithToolAttributes() {
        this.runner.withPropertyValues("llamatrace.tracing.open-inference=true").run((context) -> {
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            Dispatcher springAi =
                    context.getBean(DispatcherRegistry.class).get(LlamaTraceSpringAiAutoConfiguration.DISPATCHER_NAME);
            Observation tool = Observation.start("spring.ai.tool", observations).contextualName("execute_tool weather");
            SpanInvocation span = springAi.spanEnter("execute_tool weather", null, tool.getContext(), Map.of());
            springAi.event(new AgentToolCallEvent(
                    span.id(), "{\"city\":\"Paris\"}", new ToolMetadata("weather", "Current weather", "{}")));
            springAi.spanExit(span, "sunny");
            tool.stop();

            Map<String, SpanData> spans = exported(context);
            assertThat(spans).containsOnlyKeys("execute_tool weather");
            SpanData exported = spans.get("execute_tool weather");
            assertThat(attribute(exported, "openinference.span.kind")).isEqualTo("TOOL");
            assertThat(attribute(exported, "tool.name")).isEqualTo("weather");
            assertThat(attribute(exported, "gen_ai.tool.name")).isEqualTo("weather");
            assertThat(attribute(exported, "gen_ai.operation.name")).isEqualTo("execute_tool");
            assertThat(attribute(exported, "llamatrace.span.id")).isEqualTo(span.id());
            // The owner's meters keep their tags: our keys are span attributes only.
            assertThat(tool.getContext().getLowCardinalityKeyValue("openinference.span.kind"))
                    .isNull();
        });
    }

    @Test
    void observationCreatedInsideALlamaTraceSpanBecomesItsChild() {
        this.runner.run((context) -> {
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).get("com.example.rag");
            Observation outer = Observation.start("http.server", observations).contextualName("GET /answer");
            try (Observation.Scope scope = outer.openScope()) {
                dispatcher.span("RagService.answer", () -> {
                    Observation.createNotStarted("http.client", observations)
                            .contextualName("POST openai")
                            .observe(() -> {});
                    return null;
                });
            } finally {
                outer.stop();
            }
            Map<String, SpanData> spans = exported(context);
            assertThat(spans.get("RagService.answer").getParentSpanId())
                    .isEqualTo(spans.get("GET /answer").getSpanId());
            assertThat(spans.get("POST openai").getParentSpanId())
                    .isEqualTo(spans.get("RagService.answer").getSpanId());
        });
    }

    @Test
    void parentSetExplicitlyAfterCreationWinsOverTheActiveSpan() {
        this.runner.run((context) -> {
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).get("com.example.rag");
            Observation outer = Observation.start("http.server", observations).contextualName("GET /answer");
            try (Observation.Scope scope = outer.openScope()) {
                Observation client =
                        Observation.start("chat.client", observations).contextualName("ChatClient");
                dispatcher.span("RagService.answer", () -> {
                    // As Spring AI's advisors do with the parent from the Reactor context.
                    Observation.createNotStarted("advisor", observations)
                            .contextualName("advisor")
                            .parentObservation(client)
                            .observe(() -> {});
                    return null;
                });
                client.stop();
            } finally {
                outer.stop();
            }
            Map<String, SpanData> spans = exported(context);
            assertThat(spans.get("advisor").getParentSpanId())
                    .isEqualTo(spans.get("ChatClient").getSpanId());
        });
    }

    @Test
    void observationWhoseScopeWasOpenedInsideTheSpanKeepsItsPlace() {
        this.runner.run((context) -> {
            ObservationRegistry observations = context.getBean(ObservationRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).get("com.example.rag");
            dispatcher.span("RagService.answer", () -> {
                Observation.createNotStarted("step", observations)
                        .contextualName("step")
                        .observe(() -> Observation.createNotStarted("http.client", observations)
                                .contextualName("POST openai")
                                .observe(() -> {}));
                return null;
            });
            Map<String, SpanData> spans = exported(context);
            assertThat(spans.get("step").getParentSpanId())
                    .isEqualTo(spans.get("RagService.answer").getSpanId());
            assertThat(spans.get("POST openai").getParentSpanId())
                    .isEqualTo(spans.get("step").getSpanId());
        });
    }

    @Test
    void noBridgeWhenSwitchedOff() {
        this.runner.withPropertyValues("llamatrace.tracing.enabled=false").run((context) -> assertThat(context)
                .doesNotHaveBean(ObservationSpanHandler.class));
    }

    @Test
    void noBridgeWithoutAnObservationRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class, LlamaTraceTracingAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(ObservationSpanHandler.class));
    }

    static void ragQuery(Dispatcher dispatcher) {
        try (TraceContext.Scope tags = TraceContext.withTags(Map.of("user", "u1"))) {
            dispatcher.span("RagService.answer", () -> {
                dispatcher.span("Retriever.retrieve", () -> {
                    dispatcher.event(new RetrievalStartEvent("capital of France?"));
                    dispatcher.event(new RetrievalEndEvent(
                            "capital of France?", List.of(NodeWithScore.of("n1", "Paris is the capital.", 0.9))));
                    return null;
                });
                return dispatcher.span("ChatModel.chat", () -> {
                    List<ChatMessage> messages =
                            List.of(ChatMessage.system("be brief"), ChatMessage.user("capital of France?"));
                    dispatcher.event(new LLMChatStartEvent(messages, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                    dispatcher.event(new LLMChatEndEvent(
                            messages, ChatResponse.of(ChatMessage.assistant("Paris"), UsageKeys.rawUsage(12, 1))));
                    return "Paris";
                });
            });
        }
    }

    static Map<String, SpanData> exported(AssertableApplicationContext context) {
        context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
        return context.getBean(InMemorySpanExporter.class).getFinishedSpanItems().stream()
                .collect(Collectors.toMap(SpanData::getName, Function.identity()));
    }

    static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }
}
