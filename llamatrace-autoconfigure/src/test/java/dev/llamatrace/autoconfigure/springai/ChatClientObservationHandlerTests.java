package dev.llamatrace.autoconfigure.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.AgentRunStepEndEvent;
import dev.llamatrace.core.event.AgentRunStepStartEvent;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatInProgressEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.llm.RequestKeys;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.tool.annotation.Tool;
import reactor.core.publisher.Flux;

/**
 * Tests for {@link ChatClientObservationHandler}, {@link ToolCallingObservationHandler} and
 * {@link FirstChunkStreamAdvisor}: the trees a real {@code ChatClient} over the Spring AI OpenAI client produces.
 */
class ChatClientObservationHandlerTests {

    @RegisterExtension
    final SpringAiFixture fixture = new SpringAiFixture();

    @Test
    void callWithAToolNestsLlmAndToolSpansUnderTheChatClientSpan() {
        ChatClient client = this.fixture.chatClient(this.fixture.chatModel());
        WeatherTools tools = new WeatherTools();

        String answer = this.fixture.registry.get("app").span("Agent.ask", () -> client.prompt()
                .user("Weather in Paris?")
                .tools(tools)
                .call()
                .content());

        assertThat(answer).isEqualTo(OpenAiStub.ANSWER);
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(5);
        Recorded agent = recorder.span("Agent.ask");
        Recorded chatClient = recorder.span(ChatClientObservationHandler.CALL);
        Recorded tool = recorder.span("execute_tool weather");
        List<Recorded> llms = recorder.spans().stream()
                .filter((span) -> span.name().equals("chat gpt-4o-mini"))
                .toList();
        assertThat(chatClient.parentId()).isEqualTo(agent.id());
        assertThat(llms).hasSize(2).allSatisfy((llm) -> assertThat(llm.parentId())
                .isEqualTo(chatClient.id()));
        assertThat(tool.parentId()).isEqualTo(chatClient.id());
        assertThat(chatClient.result()).isEqualTo(OpenAiStub.ANSWER);
        // The tool method ran with the tool span active, so the application's own spans nest under it.
        assertThat(tools.activeSpanId.get()).isEqualTo(tool.id());

        AgentToolCallEvent call = recorder.events(AgentToolCallEvent.class).get(0);
        assertThat(call.spanId()).isEqualTo(tool.id());
        assertThat(call.tool().name()).isEqualTo("weather");
        assertThat(call.tool().description()).isEqualTo("Current weather of a city");
        assertThat(call.arguments()).contains("Paris");
        ToolCallResultEvent result = recorder.events(ToolCallResultEvent.class).get(0);
        assertThat(result.spanId()).isEqualTo(tool.id());
        assertThat(result.result()).contains("sunny in Paris");

        assertThat(recorder.events(LLMChatStartEvent.class)
                        .get(0)
                        .additionalKwargs()
                        .get(RequestKeys.TOOLS))
                .asInstanceOf(InstanceOfAssertFactories.list(ToolMetadata.class))
                .singleElement()
                .satisfies((offered) -> {
                    assertThat(offered.name()).isEqualTo("weather");
                    assertThat(offered.parametersSchema()).contains("city");
                });
        List<LLMChatEndEvent> ends = recorder.events(LLMChatEndEvent.class);
        assertThat(ends).hasSize(2);
        assertThat(ends.get(0).response().message().toolCalls())
                .singleElement()
                .satisfies((toolCall) -> assertThat(toolCall.name()).isEqualTo("weather"));
        assertThat(ends.get(1).messages())
                .anySatisfy((message) -> assertThat(message.toolCallId()).isEqualTo("call_1"));
    }

    @Test
    void streamRecordsTheTimeToFirstChunkOnTheLlmSpan() {
        ChatClient client = this.fixture.chatClient(this.fixture.chatModel());

        List<String> chunks = this.fixture
                .registry
                .get("app")
                .span("Agent.stream", () -> client.prompt().user("Hi stream").stream()
                        .content()
                        .collectList()
                        .block());

        assertThat(String.join("", chunks)).isEqualTo("Hello stream");
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(3);
        Recorded chatClient = recorder.span(ChatClientObservationHandler.STREAM);
        Recorded llm = recorder.span("chat gpt-4o-mini");
        assertThat(chatClient.parentId())
                .isEqualTo(recorder.span("Agent.stream").id());
        assertThat(llm.parentId()).isEqualTo(chatClient.id());
        assertThat(chatClient.result()).isEqualTo("Hello stream");

        List<LLMChatInProgressEvent> firstChunks = recorder.events(LLMChatInProgressEvent.class);
        assertThat(firstChunks).hasSize(1);
        LLMChatInProgressEvent first = firstChunks.get(0);
        assertThat(first.spanId()).isEqualTo(llm.id());
        assertThat(first.response().delta()).isEqualTo("Hello");
        assertThat(first.response().additionalKwargs().get(FirstChunkStreamAdvisor.TIME_TO_FIRST_CHUNK_NANOS))
                .isInstanceOfSatisfying(Long.class, (nanos) -> assertThat(nanos).isPositive());
        assertThat(first.nanoTime()).isGreaterThan(llm.invocation().startNanos());
        assertThat(first.messages()).extracting((message) -> message.content()).contains("Hi stream");
    }

    @Test
    void advisorIsAChainSpanPerModelRoundUnderTheAgentChatClientSpan() {
        ChatClient client = this.fixture.chatClient(this.fixture.chatModel());

        String answer = client.prompt()
                .user("Weather in Paris?")
                .tools(new WeatherTools())
                .advisors(new RecallAdvisor())
                .call()
                .content();

        assertThat(answer).isEqualTo(OpenAiStub.ANSWER);
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(6);
        // Spring AI's tool-calling advisor loops through the advisors after it once per model round.
        assertThat(recorder.spans())
                .extracting(Recorded::name)
                .containsExactly(
                        ChatClientObservationHandler.CALL,
                        RecallAdvisor.NAME,
                        "chat gpt-4o-mini",
                        "execute_tool weather",
                        RecallAdvisor.NAME,
                        "chat gpt-4o-mini");
        List<Recorded> spans = recorder.spans();
        Recorded chatClient = spans.get(0);
        assertThat(List.of(spans.get(1), spans.get(3), spans.get(4)))
                .allSatisfy((child) -> assertThat(child.parentId()).isEqualTo(chatClient.id()));
        assertThat(spans.get(2).parentId()).isEqualTo(spans.get(1).id());
        assertThat(spans.get(5).parentId()).isEqualTo(spans.get(4).id());
        assertThat(spans.get(4).result()).isEqualTo(OpenAiStub.ANSWER);
        List<String> advisorIds = List.of(spans.get(1).id(), spans.get(4).id());
        // A call offering tools is an agent step; the advisor is a plain chain with no events.
        AgentRunStepStartEvent step =
                recorder.events(AgentRunStepStartEvent.class).get(0);
        assertThat(step.spanId()).isEqualTo(chatClient.id());
        assertThat(step.step()).isEqualTo(ChatClientObservationHandler.AGENT_NAME);
        assertThat(step.input()).isEqualTo("Weather in Paris?");
        assertThat(recorder.events(AgentRunStepEndEvent.class))
                .singleElement()
                .satisfies((end) -> assertThat(end.stepOutput()).isEqualTo(OpenAiStub.ANSWER));
        assertThat(recorder.events()).noneMatch((event) -> advisorIds.contains(event.spanId()));
        assertThat(recorder.events(AgentToolCallEvent.class))
                .singleElement()
                .satisfies((call) -> assertThat(call.toolCallId()).isEqualTo("call_1"));
    }

    @Test
    void streamedCallThroughAnAdvisorKeepsTheModelSpanUnderTheAdvisorSpan() {
        ChatClient client = this.fixture.chatClient(this.fixture.chatModel());

        List<String> chunks = client.prompt().user("Hi stream").advisors(new RecallAdvisor()).stream()
                .content()
                .collectList()
                .block();

        assertThat(String.join("", chunks)).isEqualTo("Hello stream");
        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(3);
        Recorded chatClient = recorder.span(ChatClientObservationHandler.STREAM);
        Recorded advisor = recorder.span(RecallAdvisor.NAME);
        assertThat(advisor.parentId()).isEqualTo(chatClient.id());
        assertThat(recorder.span("chat gpt-4o-mini").parentId()).isEqualTo(advisor.id());
        // Without tools the chat client call is a chain, not an agent.
        assertThat(recorder.events(AgentRunStepStartEvent.class)).isEmpty();
    }

    /** An advisor that passes the request on, as a memory or RAG advisor would after adding to it. */
    static final class RecallAdvisor implements CallAdvisor, StreamAdvisor {

        static final String NAME = "RecallAdvisor";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public int getOrder() {
            return 0;
        }

        @Override
        public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
            return chain.nextCall(request);
        }

        @Override
        public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
            return chain.nextStream(request);
        }
    }

    static final class WeatherTools {

        final AtomicReference<String> activeSpanId = new AtomicReference<>();

        @Tool(name = "weather", description = "Current weather of a city")
        String weather(String city) {
            this.activeSpanId.set(TraceContext.currentSpanId());
            return "sunny in " + city;
        }
    }
}
