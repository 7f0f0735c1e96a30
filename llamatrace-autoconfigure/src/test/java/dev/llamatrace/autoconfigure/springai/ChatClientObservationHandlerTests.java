package dev.llamatrace.autoconfigure.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.context.TraceContext;
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
import org.springframework.ai.tool.annotation.Tool;

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

    static final class WeatherTools {

        final AtomicReference<String> activeSpanId = new AtomicReference<>();

        @Tool(name = "weather", description = "Current weather of a city")
        String weather(String city) {
            this.activeSpanId.set(TraceContext.currentSpanId());
            return "sunny in " + city;
        }
    }
}
