package dev.llamatrace.autoconfigure.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.within;

import dev.llamatrace.autoconfigure.LlamaTraceAutoConfiguration;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.ToolMetadata;
import dev.llamatrace.core.llm.UsageKeys;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.CountAtBucket;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class LlamaTraceMetricsAutoConfigurationTests {

    private static final List<ChatMessage> MESSAGES = List.of(ChatMessage.user("hi"));

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    MetricsAutoConfiguration.class,
                    LlamaTraceAutoConfiguration.class,
                    LlamaTraceMetricsAutoConfiguration.class))
            .withBean(DispatcherRegistry.class, DispatcherRegistry::new)
            .withBean(SimpleMeterRegistry.class);

    @Test
    void spanDurationsAreTimedByNameAndOutcomeAndActiveSpansAreGauged() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            double activeInside = dispatcher.span(
                    "Rag.answer",
                    () -> dispatcher.span("ChatModel.chat", () -> meters.get(LlamaTraceMeterNames.SPANS_ACTIVE)
                            .gauge()
                            .value()));
            IllegalStateException failure = new IllegalStateException("boom");
            assertThatException()
                    .isThrownBy(() -> dispatcher.span("ChatModel.chat", () -> {
                        throw failure;
                    }))
                    .isSameAs(failure);
            assertThat(activeInside).isEqualTo(2.0);
            assertThat(meters.get(LlamaTraceMeterNames.SPANS_ACTIVE).gauge().value())
                    .isZero();
            assertThat(timer(meters, "Rag.answer", "success").count()).isOne();
            assertThat(timer(meters, "ChatModel.chat", "success").count()).isOne();
            assertThat(timer(meters, "ChatModel.chat", "error").count()).isOne();
        });
    }

    @Test
    void eventsAreCountedByType() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("local", "minilm")));
            assertThat(meters.get(LlamaTraceMeterNames.EVENTS)
                            .tag(LlamaTraceMeterNames.TAG_EVENT_TYPE, "LLMChatStartEvent")
                            .counter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(meters.get(LlamaTraceMeterNames.EVENTS)
                            .tag(LlamaTraceMeterNames.TAG_EVENT_TYPE, "EmbeddingStartEvent")
                            .counter()
                            .count())
                    .isEqualTo(1.0);
        });
    }

    @Test
    void genAiOperationDurationIsRecordedPerOperationProviderModelAndError() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            dispatcher.span("ChatModel.chat", () -> {
                dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                dispatcher.event(
                        new LLMChatEndEvent(MESSAGES, ChatResponse.of(ChatMessage.assistant("hello"), Map.of())));
                return null;
            });
            dispatcher.span("Embedder.embed", () -> {
                dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("local", "minilm")));
                dispatcher.event(new EmbeddingEndEvent(List.of("a"), List.of(new float[] {1f})));
                return null;
            });
            IllegalStateException failure = new IllegalStateException("timeout");
            assertThatException()
                    .isThrownBy(() -> dispatcher.span("ChatModel.chat", () -> {
                        dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                        throw failure;
                    }))
                    .isSameAs(failure);
            assertThat(operation(meters, "chat", "openai", "gpt-4o", "none").count())
                    .isOne();
            assertThat(operation(meters, "embeddings", "local", "minilm", "none")
                            .count())
                    .isOne();
            assertThat(operation(meters, "chat", "openai", "gpt-4o", IllegalStateException.class.getName())
                            .count())
                    .isOne();
            assertThat(meters.find(LlamaTraceMeterNames.GEN_AI_CLIENT_OPERATION_DURATION)
                            .timers())
                    .hasSize(3);
        });
    }

    @Test
    void timeToFirstChunkIsRecordedOncePerStreamedCallOnly() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            ChatResponse chunk = ChatResponse.of(ChatMessage.assistant("he"), Map.of());
            dispatcher.span("ChatModel.stream", () -> {
                dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                dispatcher.event(new LLMChatInProgressEvent(MESSAGES, chunk));
                dispatcher.event(new LLMChatInProgressEvent(MESSAGES, chunk));
                dispatcher.event(new LLMChatEndEvent(MESSAGES, chunk));
                return null;
            });
            chatWithUsage(dispatcher, 1, 1);
            Timer firstChunk = meters.get(GenAiMeter.CLIENT_TIME_TO_FIRST_CHUNK_NAME)
                    .tag("gen_ai.operation.name", "chat")
                    .tag("gen_ai.provider.name", "openai")
                    .tag("gen_ai.request.model", "gpt-4o")
                    .timer();
            assertThat(firstChunk.count()).isOne();
            assertThat(operation(meters, "chat", "openai", "gpt-4o", "none").count())
                    .isEqualTo(2);
        });
    }

    @Test
    void springAiTokenCounterAndTheBridgeObservationTimersAreNotRegistered() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            meters.counter(GenAiMeter.CLIENT_TOKEN_USAGE_NAME, "gen_ai.system", "openai")
                    .increment();
            meters.timer(LlamaTraceMeterNames.OBSERVATION).record(Duration.ofMillis(1));
            meters.more()
                    .longTaskTimer(LlamaTraceMeterNames.OBSERVATION + ".active", Tags.empty())
                    .start()
                    .stop();
            assertThat(meters.find(GenAiMeter.CLIENT_TOKEN_USAGE_NAME).counters())
                    .isEmpty();
            assertThat(meters.find(LlamaTraceMeterNames.OBSERVATION).meters()).isEmpty();
            assertThat(meters.find(LlamaTraceMeterNames.OBSERVATION + ".active").meters())
                    .isEmpty();
        });
    }

    @Test
    void springAiTokenCounterIsKeptWhenAsked() {
        this.runner
                .withPropertyValues("llamatrace.metrics.keep-spring-ai-token-usage=true")
                .run((context) -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    meters.counter(GenAiMeter.CLIENT_TOKEN_USAGE_NAME, "gen_ai.system", "openai")
                            .increment();
                    assertThat(meters.find(GenAiMeter.CLIENT_TOKEN_USAGE_NAME).counters())
                            .hasSize(1);
                });
    }

    @Test
    void tokenUsageComesFromTheTokenCountingHandlerCountedOnce() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            dispatcher.span("ChatModel.chat", () -> {
                dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                dispatcher.event(new LLMChatEndEvent(
                        MESSAGES, ChatResponse.of(ChatMessage.assistant("hello"), UsageKeys.rawUsage(11, 4))));
                return null;
            });
            dispatcher.span("Embedder.embed", () -> {
                dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("local", "minilm")));
                dispatcher.event(new EmbeddingEndEvent(
                        List.of("one two three", "four"), List.of(new float[] {1f}, new float[] {2f})));
                return null;
            });
            DistributionSummary input = tokens(meters, "input", "chat", "openai", "gpt-4o");
            DistributionSummary output = tokens(meters, "output", "chat", "openai", "gpt-4o");
            assertThat(input.count()).isOne();
            assertThat(input.totalAmount()).isEqualTo(11);
            assertThat(output.totalAmount()).isEqualTo(4);
            assertThat(input.getId().getBaseUnit()).isEqualTo(GenAiMeter.UNIT_TOKEN);
            TokenCountingHandler handler = context.getBean(TokenCountingHandler.class);
            DistributionSummary embedding = tokens(meters, "input", "embeddings", "local", "minilm");
            assertThat(embedding.totalAmount())
                    .isEqualTo(handler.totalEmbeddingTokenCount())
                    .isPositive();
            assertThat(meters.find(LlamaTraceMeterNames.GEN_AI_CLIENT_TOKEN_USAGE)
                            .tag("gen_ai.operation.name", "embeddings")
                            .tag("gen_ai.token.type", "output")
                            .summary())
                    .isNull();
        });
    }

    @Test
    void genAiMetersHaveTheConventionsBucketBoundariesByDefault() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            chatWithUsage(dispatcher, 11, 4);
            assertThat(boundaries(
                            tokens(meters, "input", "chat", "openai", "gpt-4o").takeSnapshot()))
                    .containsExactly(GenAiMeter.CLIENT_TOKEN_USAGE.boundaries());
            double[] seconds = boundaries(
                    operation(meters, "chat", "openai", "gpt-4o", "none").takeSnapshot());
            for (int i = 0; i < seconds.length; i++) {
                seconds[i] /= 1e9;
            }
            assertThat(seconds).containsExactly(GenAiMeter.CLIENT_OPERATION_DURATION.boundaries(), within(1e-12));
        });
    }

    @Test
    void agentAndToolDurationsAreTimedWithTheirConventionsBuckets() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            ToolMetadata weather = new ToolMetadata("weather", "Current weather", null);
            dispatcher.span("invoke_agent Assistant", () -> {
                dispatcher.event(new AgentRunStepStartEvent("task-1", "Assistant", "Weather?"));
                dispatcher.span("execute_tool weather", () -> {
                    dispatcher.event(new AgentToolCallEvent("{}", weather));
                    dispatcher.event(new ToolCallResultEvent(weather, "sunny"));
                    return null;
                });
                chatWithUsage(dispatcher, 11, 4);
                dispatcher.event(new AgentRunStepEndEvent("sunny"));
                return null;
            });
            IllegalStateException failure = new IllegalStateException("boom");
            assertThatException()
                    .isThrownBy(() -> dispatcher.span("invoke_agent Assistant", () -> {
                        dispatcher.event(new AgentRunStepStartEvent("task-2", "Assistant", "Weather?"));
                        throw failure;
                    }));

            Timer agent = meters.get(GenAiMeter.INVOKE_AGENT_DURATION_NAME)
                    .tags(
                            "gen_ai.operation.name",
                            "invoke_agent",
                            "gen_ai.agent.name",
                            "Assistant",
                            "error.type",
                            "none")
                    .timer();
            assertThat(agent.count()).isEqualTo(1);
            assertThat(seconds(agent)).containsExactly(GenAiMeter.INVOKE_AGENT_DURATION.boundaries(), within(1e-12));
            assertThat(GenAiMeter.INVOKE_AGENT_DURATION.boundaries())
                    .hasSize(13)
                    .startsWith(0.1, 0.2, 0.4)
                    .endsWith(204.8, 409.6);
            assertThat(meters.get(GenAiMeter.INVOKE_AGENT_DURATION_NAME)
                            .tag("error.type", IllegalStateException.class.getName())
                            .timer()
                            .count())
                    .isEqualTo(1);
            Timer tool = meters.get(GenAiMeter.EXECUTE_TOOL_DURATION_NAME)
                    .tags(
                            "gen_ai.operation.name",
                            "execute_tool",
                            "gen_ai.tool.name",
                            "weather",
                            "gen_ai.tool.type",
                            "function",
                            "error.type",
                            "none")
                    .timer();
            assertThat(tool.count()).isEqualTo(1);
            assertThat(seconds(tool)).containsExactly(GenAiMeter.CLIENT_OPERATION_DURATION.boundaries(), within(1e-12));
            // The model round inside the agent is still a client operation of its own.
            assertThat(operation(meters, "chat", "openai", "gpt-4o", "none").count())
                    .isEqualTo(1);
            assertThat(agent.totalTime(TimeUnit.NANOSECONDS))
                    .isGreaterThanOrEqualTo(tool.totalTime(TimeUnit.NANOSECONDS));
        });
    }

    private static double[] seconds(Timer timer) {
        double[] seconds = boundaries(timer.takeSnapshot());
        for (int i = 0; i < seconds.length; i++) {
            seconds[i] /= 1e9;
        }
        return seconds;
    }

    @Test
    void bootsDistributionPropertiesOverrideTheDefaultBuckets() {
        this.runner
                .withPropertyValues("management.metrics.distribution.slo.gen_ai.client.token.usage=10,100")
                .run((context) -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    chatWithUsage(context.getBean(DispatcherRegistry.class).root(), 11, 4);
                    assertThat(boundaries(tokens(meters, "input", "chat", "openai", "gpt-4o")
                                    .takeSnapshot()))
                            .containsExactly(10, 100);
                    assertThat(boundaries(operation(meters, "chat", "openai", "gpt-4o", "none")
                                    .takeSnapshot()))
                            .hasSize(GenAiMeter.CLIENT_OPERATION_DURATION.boundaries().length);
                });
    }

    private static void chatWithUsage(Dispatcher dispatcher, int prompt, int completion) {
        dispatcher.span("ChatModel.chat", () -> {
            dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
            dispatcher.event(new LLMChatEndEvent(
                    MESSAGES, ChatResponse.of(ChatMessage.assistant("hello"), UsageKeys.rawUsage(prompt, completion))));
            return null;
        });
    }

    private static double[] boundaries(HistogramSnapshot snapshot) {
        CountAtBucket[] buckets = snapshot.histogramCounts();
        double[] boundaries = new double[buckets.length];
        for (int i = 0; i < buckets.length; i++) {
            boundaries[i] = buckets[i].bucket();
        }
        return boundaries;
    }

    @Test
    void textCompletionsThroughTheCallbackApiAreTaggedAsTextCompletions() {
        this.runner.run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            CallbackManager manager = context.getBean(CallbackManager.class);
            String id = manager.onEventStart(
                    CBEventType.LLM,
                    Map.of(
                            "formatted_prompt",
                            "Say hi",
                            "serialized",
                            ModelInfo.of("openai", "gpt-3.5-turbo-instruct")));
            manager.onEventEnd(
                    CBEventType.LLM,
                    Map.of(
                            "formatted_prompt",
                            "Say hi",
                            "completion",
                            CompletionResponse.of("hi", UsageKeys.rawUsage(3, 1))),
                    id);
            assertThat(tokens(meters, "input", "text_completion", "openai", "gpt-3.5-turbo-instruct")
                            .totalAmount())
                    .isEqualTo(3);
            assertThat(tokens(meters, "output", "text_completion", "openai", "gpt-3.5-turbo-instruct")
                            .totalAmount())
                    .isEqualTo(1);
            assertThat(meters.find(LlamaTraceMeterNames.GEN_AI_CLIENT_TOKEN_USAGE)
                            .tag("gen_ai.operation.name", "chat")
                            .summary())
                    .isNull();
        });
    }

    @Test
    void tokenUsageIsRecordedWithoutTheTokenCountingHandler() {
        this.runner
                .withPropertyValues("llamatrace.handlers.token-counting.enabled=false")
                .run((context) -> {
                    assertThat(context).doesNotHaveBean(TokenCountingHandler.class);
                    assertThat(context).hasSingleBean(TokenUsageMetrics.class);
                    Dispatcher dispatcher =
                            context.getBean(DispatcherRegistry.class).root();
                    dispatcher.span("ChatModel.chat", () -> {
                        dispatcher.event(new LLMChatStartEvent(MESSAGES, Map.of(), ModelInfo.of("openai", "gpt-4o")));
                        dispatcher.event(new LLMChatEndEvent(
                                MESSAGES, ChatResponse.of(ChatMessage.assistant("hello"), UsageKeys.rawUsage(11, 4))));
                        return null;
                    });
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    assertThat(tokens(meters, "input", "chat", "openai", "gpt-4o")
                                    .totalAmount())
                            .isEqualTo(11);
                    assertThat(tokens(meters, "output", "chat", "openai", "gpt-4o")
                                    .totalAmount())
                            .isEqualTo(4);
                });
    }

    @Test
    void evictionsOfTheBuiltInHandlersAreCounted() {
        this.runner.withPropertyValues("llamatrace.handlers.spans.capacity=1").run((context) -> {
            MeterRegistry meters = context.getBean(MeterRegistry.class);
            Dispatcher dispatcher = context.getBean(DispatcherRegistry.class).root();
            for (int i = 0; i < 3; i++) {
                dispatcher.span("Work.run", () -> null);
            }
            assertThat(meters.get(LlamaTraceMeterNames.EVICTIONS)
                            .tag(LlamaTraceMeterNames.TAG_HANDLER, "SimpleSpanHandler")
                            .functionCounter()
                            .count())
                    .isEqualTo(2.0);
            assertThat(meters.find(LlamaTraceMeterNames.EVICTIONS).functionCounters())
                    .extracting((counter) -> counter.getId().getTag(LlamaTraceMeterNames.TAG_HANDLER))
                    .contains("TokenCountingHandler", "LlamaDebugHandler.events", "LlamaDebugHandler.traces");
        });
    }

    @Test
    void handlerErrorsAndEvictionsAreCounted() {
        this.runner
                .withBean("failing", EventHandler.class, () -> (event) -> {
                    throw new IllegalStateException("handler bug");
                })
                .run((context) -> {
                    MeterRegistry meters = context.getBean(MeterRegistry.class);
                    Dispatcher dispatcher =
                            context.getBean(DispatcherRegistry.class).root();
                    dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("local", "minilm")));
                    dispatcher.event(new EmbeddingStartEvent(ModelInfo.of("local", "minilm")));
                    assertThat(meters.get(LlamaTraceMeterNames.HANDLER_ERRORS)
                                    .functionCounter()
                                    .count())
                            .isEqualTo(2.0);
                    assertThat(meters.get(LlamaTraceMeterNames.EVICTIONS)
                                    .tag(LlamaTraceMeterNames.TAG_HANDLER, "GenAiClientMetrics")
                                    .functionCounter()
                                    .count())
                            .isZero();
                });
    }

    @Test
    void spanNamesBeyondTheCapShareOneSeries() {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DispatcherRegistry registry = new DispatcherRegistry();
        registry.root().addSpanHandler(new SpanMetrics(meters));
        for (int i = 0; i < LlamaTraceMeterNames.MAX_SPAN_NAMES + 5; i++) {
            registry.root().span("generated-" + i, () -> null);
        }
        assertThat(meters.find(LlamaTraceMeterNames.SPAN_DURATION).timers())
                .hasSize(LlamaTraceMeterNames.MAX_SPAN_NAMES + 1);
        assertThat(timer(meters, LlamaTraceMeterNames.OTHER_SPAN_NAME, "success")
                        .count())
                .isEqualTo(5);
    }

    @Test
    void noMetersWithoutAMeterRegistry() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class, LlamaTraceMetricsAutoConfiguration.class))
                .run((context) -> assertThat(context).doesNotHaveBean(SpanMetrics.class));
    }

    @Test
    void noMetersWhenMicrometerIsMissing() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        LlamaTraceAutoConfiguration.class, LlamaTraceMetricsAutoConfiguration.class))
                .withClassLoader(new FilteredClassLoader("io.micrometer.core"))
                .run((context) -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(SpanMetrics.class);
                });
    }

    @Test
    void noMetersWhenSwitchedOff() {
        this.runner.withPropertyValues("llamatrace.metrics.enabled=false").run((context) -> {
            assertThat(context).doesNotHaveBean(SpanMetrics.class);
            assertThat(context).doesNotHaveBean(LlamaTraceMeterBinder.class);
        });
    }

    @Test
    void userMeterHandlerBeanWins() {
        SpanMetrics custom = new SpanMetrics(new SimpleMeterRegistry());
        this.runner
                .withBean("customSpanMetrics", SpanMetrics.class, () -> custom)
                .run((context) -> assertThat(context).getBean(SpanMetrics.class).isSameAs(custom));
    }

    private static Timer timer(MeterRegistry meters, String spanName, String outcome) {
        return meters.get(LlamaTraceMeterNames.SPAN_DURATION)
                .tag(LlamaTraceMeterNames.TAG_SPAN_NAME, spanName)
                .tag(LlamaTraceMeterNames.TAG_OUTCOME, outcome)
                .timer();
    }

    private static DistributionSummary tokens(
            MeterRegistry meters, String type, String operation, String provider, String model) {
        return meters.get(LlamaTraceMeterNames.GEN_AI_CLIENT_TOKEN_USAGE)
                .tag("gen_ai.token.type", type)
                .tag("gen_ai.operation.name", operation)
                .tag("gen_ai.provider.name", provider)
                .tag("gen_ai.request.model", model)
                .summary();
    }

    private static Timer operation(
            MeterRegistry meters, String operation, String provider, String model, String errorType) {
        return meters.get(LlamaTraceMeterNames.GEN_AI_CLIENT_OPERATION_DURATION)
                .tag("gen_ai.operation.name", operation)
                .tag("gen_ai.provider.name", provider)
                .tag("gen_ai.request.model", model)
                .tag("error.type", errorType)
                .timer();
    }
}
