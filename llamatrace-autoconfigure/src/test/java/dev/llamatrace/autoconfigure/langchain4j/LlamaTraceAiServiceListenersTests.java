package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.agent.tool.P;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailResult;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.TokenStream;
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.ExceptionEvent;
import dev.llamatrace.core.event.GuardrailEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.handler.LlamaDebugHandler;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.handler.TokenCountingHandler;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link LlamaTraceAiServiceListeners}: real LangChain4j {@code AiServices} with a {@code @Tool}, over the real
 * OpenAI clients and HTTP against a stub that asks for the tool once.
 */
class LlamaTraceAiServiceListenersTests {

    private static final String AGENT = "invoke_agent Assistant";

    private static final String STREAMING_AGENT = "invoke_agent StreamingAssistant";

    private static final String CHAT = "chat gpt-4o-mini";

    private static final String TOOL = "execute_tool weather";

    @RegisterExtension
    final LangChain4jFixture fixture = new LangChain4jFixture();

    private final LlamaTraceAiServiceListeners listeners = new LlamaTraceAiServiceListeners(this.fixture.dispatcher);

    private final LlamaTraceChatModelListener chatListener = new LlamaTraceChatModelListener(this.fixture.dispatcher);

    private final WeatherTools tools = new WeatherTools();

    @Test
    void invocationIsAnAgentSpanHoldingEachModelRoundAndTheToolBetweenThem() {
        TokenCountingHandler tokens = TokenCountingHandler.create();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(tokens));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel())
                .tools(this.tools)
                .registerListeners(this.listeners.listeners())
                .build();

        String answer = this.fixture.registry.get("app").span("Controller.ask", () -> assistant.chat("Weather?"));

        assertThat(answer).isEqualTo(OpenAiStub.ANSWER);
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(5);
        assertThat(recorder.spans())
                .extracting(Recorded::name)
                .containsExactly("Controller.ask", AGENT, CHAT, TOOL, CHAT);
        Recorded agent = recorder.span(AGENT);
        assertThat(agent.parentId()).isEqualTo(recorder.span("Controller.ask").id());
        List<Recorded> children = recorder.spans().subList(2, 5);
        assertThat(children).allSatisfy((child) -> assertThat(child.parentId()).isEqualTo(agent.id()));
        assertThat(agent.result()).isEqualTo(OpenAiStub.ANSWER);
        // The tool ran while the agent was active on the calling thread, so the application's spans nest under it.
        assertThat(this.tools.activeSpanId.get()).isEqualTo(agent.id());
        assertThat(TraceContext.currentSpan()).isNull();

        Recorded tool = recorder.span(TOOL);
        AgentToolCallEvent call = recorder.events(AgentToolCallEvent.class).get(0);
        assertThat(call.spanId()).isEqualTo(tool.id());
        assertThat(call.arguments()).isEqualTo("{\"city\":\"Paris\"}");
        assertThat(call.toolCallId()).isEqualTo("call_1");
        assertThat(call.tool().description()).isEqualTo("Current weather of a city");
        assertThat(call.tool().parametersSchema()).contains("city");
        ToolCallResultEvent result = recorder.events(ToolCallResultEvent.class).get(0);
        assertThat(result.spanId()).isEqualTo(tool.id());
        assertThat(result.result()).isEqualTo("sunny in Paris");
        assertThat(tool.result()).isEqualTo("sunny in Paris");

        AgentRunStepStartEvent step =
                recorder.events(AgentRunStepStartEvent.class).get(0);
        assertThat(step.spanId()).isEqualTo(agent.id());
        assertThat(step.step()).isEqualTo("Assistant");
        assertThat(step.input()).isEqualTo("Weather?");
        assertThat(recorder.events(AgentRunStepEndEvent.class))
                .singleElement()
                .satisfies((end) -> assertThat(end.stepOutput()).isEqualTo(OpenAiStub.ANSWER));

        // Each round is counted on its own span, from the provider's usage.
        List<Recorded> rounds = List.of(children.get(0), children.get(2));
        assertThat(tokens.llmTokenCounts())
                .extracting(
                        TokenCountingEvent::eventId,
                        TokenCountingEvent::promptTokenCount,
                        TokenCountingEvent::completionTokenCount)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(rounds.get(0).id(), 20, 7),
                        org.assertj.core.groups.Tuple.tuple(
                                rounds.get(1).id(), OpenAiStub.CALL_USAGE[0], OpenAiStub.CALL_USAGE[1]));
    }

    @Test
    void streamedInvocationKeepsItsRoundsAndToolUnderTheAgentAcrossTheReaderThread() throws Exception {
        StreamingAssistant assistant = AiServices.builder(StreamingAssistant.class)
                .streamingChatModel(OpenAiStreamingChatModel.builder()
                        .baseUrl(this.fixture.stub.baseUrl())
                        .apiKey("test-key")
                        .modelName("gpt-4o-mini")
                        .listeners(List.of(this.chatListener))
                        .build())
                .tools(this.tools)
                .registerListeners(this.listeners.listeners())
                .build();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();

        this.fixture.registry.get("app").span("Controller.stream", () -> {
            assistant
                    .chat("Weather?")
                    .onPartialResponse((text) -> {})
                    .onCompleteResponse(done::complete)
                    .onError(done::completeExceptionally)
                    .start();
            return null;
        });
        // The caller moves on before the stream completes; nothing of the agent may stay active on its thread.
        assertThat(TraceContext.currentSpan()).isNull();
        this.fixture.registry.get("app").span("Controller.other", () -> null);

        assertThat(done.get(10, TimeUnit.SECONDS).aiMessage().text()).isEqualTo("Hello stream");
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(6);
        Recorded agent = recorder.span(STREAMING_AGENT);
        assertThat(agent.parentId())
                .isEqualTo(recorder.span("Controller.stream").id());
        assertThat(recorder.span("Controller.other").parentId()).isNull();
        List<Recorded> children = recorder.spans().stream()
                .filter((span) -> span.name().equals(CHAT) || span.name().equals(TOOL))
                .toList();
        assertThat(children).extracting(Recorded::name).containsExactly(CHAT, TOOL, CHAT);
        assertThat(children).allSatisfy((child) -> assertThat(child.parentId()).isEqualTo(agent.id()));
        // The second round started and ended on the HTTP reader thread, yet found its agent.
        assertThat(children.get(2).endThread())
                .isNotEqualTo(Thread.currentThread().getName());
        assertThat(agent.endThread()).isNotEqualTo(Thread.currentThread().getName());
        assertThat(recorder.events(ToolCallResultEvent.class))
                .singleElement()
                .satisfies((result) -> assertThat(result.result()).isEqualTo("sunny in Paris"));
    }

    @Test
    void failedInvocationDropsTheAgentSpanWithTheException() {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel())
                .registerListeners(this.listeners.listeners())
                .build();

        Throwable thrown = catchThrowable(() -> assistant.chat("do " + OpenAiStub.FAIL));

        assertThat(thrown).isNotNull();
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(2);
        Recorded agent = recorder.span(AGENT);
        assertThat(agent.error()).isSameAs(thrown);
        assertThat(recorder.span(CHAT).error()).isNotNull();
        assertThat(recorder.events(ExceptionEvent.class))
                .anySatisfy((exception) -> assertThat(exception.spanId()).isEqualTo(agent.id()));
        assertThat(recorder.events(AgentRunStepEndEvent.class)).isEmpty();
        assertThat(TraceContext.currentSpan()).isNull();
    }

    @Test
    void guardrailOutcomesAreEventsOfTheAgentSpan() {
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel())
                .inputGuardrails(new NoSecretsGuardrail())
                .registerListeners(this.listeners.listeners())
                .build();

        assertThat(assistant.chat("Hi")).isEqualTo(OpenAiStub.ANSWER);
        Throwable refused = catchThrowable(() -> assistant.chat("my secret"));

        assertThat(refused).isNotNull();
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(3);
        List<Recorded> agents = recorder.spans().stream()
                .filter((span) -> span.name().equals(AGENT))
                .toList();
        assertThat(recorder.events(GuardrailEvent.class))
                .extracting(GuardrailEvent::spanId, GuardrailEvent::outcome, GuardrailEvent::message)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(agents.get(0).id(), "success", null),
                        org.assertj.core.groups.Tuple.tuple(agents.get(1).id(), "fatal", "no secrets"));
        assertThat(recorder.events(GuardrailEvent.class))
                .allSatisfy((event) -> assertThat(event.stage()).isEqualTo(GuardrailEvent.Stage.INPUT))
                .allSatisfy((event) -> assertThat(event.guardrail()).isEqualTo("NoSecretsGuardrail"));
        assertThat(agents.get(1).error()).isNotNull();
    }

    @Test
    void toolsAndStepsReachCallbackHandlersAsFunctionCallAndAgentStepPairs() {
        LlamaDebugHandler debug =
                LlamaDebugHandler.builder().printTraceOnEnd(false).build();
        this.fixture.registry.root().addEventHandler(new CallbackEventHandler(debug));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel())
                .tools(this.tools)
                .registerListeners(this.listeners.listeners())
                .build();

        assistant.chat("Weather?");

        this.fixture.recorder.awaitEnded(4);
        String toolId = this.fixture.recorder.span(TOOL).id();
        assertThat(debug.getEventPairs(CBEventType.FUNCTION_CALL))
                .singleElement()
                .satisfies((pair) -> {
                    assertThat(pair).extracting((event) -> event.id()).containsOnly(toolId);
                    assertThat(pair.get(0).payload()).containsEntry("function_call", "{\"city\":\"Paris\"}");
                    assertThat(pair.get(1).payload()).containsEntry("function_call_response", "sunny in Paris");
                });
        String agentId = this.fixture.recorder.span(AGENT).id();
        assertThat(debug.getEventPairs(CBEventType.AGENT_STEP)).singleElement().satisfies((pair) -> {
            assertThat(pair).extracting((event) -> event.id()).containsOnly(agentId);
            assertThat(pair.get(1).payload()).containsEntry("response", OpenAiStub.ANSWER);
        });
        assertThat(debug.getLlmInputsOutputs()).hasSize(2);
    }

    @Test
    void nothingListeningCostsNoSpanAndNoOpenInvocation() {
        LlamaTraceAiServiceListeners unheard =
                new LlamaTraceAiServiceListeners(new dev.llamatrace.core.DispatcherRegistry().get("quiet"));
        Assistant assistant = AiServices.builder(Assistant.class)
                .chatModel(chatModel())
                .tools(this.tools)
                .registerListeners(unheard.listeners())
                .build();

        assertThat(assistant.chat("Weather?")).isEqualTo(OpenAiStub.ANSWER);

        assertThat(this.fixture.recorder.spans()).extracting(Recorded::name).containsExactly(CHAT, CHAT);
        assertThat(unheard.evictedCount()).isZero();
        assertThat(this.tools.activeSpanId.get()).isNull();
    }

    private OpenAiChatModel chatModel() {
        return OpenAiChatModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("gpt-4o-mini")
                .maxRetries(0)
                .listeners(List.of(this.chatListener))
                .build();
    }

    interface Assistant {

        String chat(String message);
    }

    interface StreamingAssistant {

        TokenStream chat(String message);
    }

    static final class WeatherTools {

        final AtomicReference<String> activeSpanId = new AtomicReference<>();

        @Tool("Current weather of a city")
        String weather(@P("city") String city) {
            this.activeSpanId.set(TraceContext.currentSpanId());
            return "sunny in " + city;
        }
    }

    static final class NoSecretsGuardrail implements InputGuardrail {

        @Override
        public InputGuardrailResult validate(UserMessage userMessage) {
            return userMessage.singleText().contains("secret") ? fatal("no secrets") : success();
        }
    }
}
