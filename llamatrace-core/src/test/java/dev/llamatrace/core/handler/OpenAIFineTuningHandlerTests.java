package dev.llamatrace.core.handler;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackEventHandler;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.CompletionResponse;
import dev.llamatrace.core.llm.RequestKeys;
import dev.llamatrace.core.llm.ToolCall;
import dev.llamatrace.core.llm.ToolMetadata;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

class OpenAIFineTuningHandlerTests {

    private final ObjectMapper json = JsonMapper.builder().build();

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final OpenAIFineTuningHandler handler = new OpenAIFineTuningHandler();

    private final CallbackManager manager = new CallbackManager(this.registry.root());

    OpenAIFineTuningHandlerTests() {
        this.registry.root().addEventHandler(new CallbackEventHandler(this.handler));
    }

    private void chat(List<ChatMessage> messages, Map<String, Object> kwargs, ChatMessage answer) {
        String id =
                this.manager.onEventStart(CBEventType.LLM, Map.of("messages", messages, "additional_kwargs", kwargs));
        this.manager.onEventEnd(
                CBEventType.LLM, Map.of("messages", messages, "response", ChatResponse.of(answer, Map.of())), id);
    }

    private List<JsonNode> lines() throws Exception {
        StringWriter out = new StringWriter();
        int written = this.handler.writeJsonl(out);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(written);
        return lines.stream().map(this.json::readTree).toList();
    }

    @Test
    void eachChatBecomesOneJsonLineWithRolesAndContent() throws Exception {
        chat(
                List.of(ChatMessage.system("Be \"terse\"."), ChatMessage.user("Ünïcode?\nYes")),
                Map.of(),
                ChatMessage.assistant("Sure."));
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        JsonNode messages = lines.get(0).get("messages");
        assertThat(lines.get(0).propertyNames()).containsExactly("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
        assertThat(messages.get(0).get("content").asString()).isEqualTo("Be \"terse\".");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asString()).isEqualTo("Ünïcode?\nYes");
        assertThat(messages.get(2).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asString()).isEqualTo("Sure.");
    }

    @Test
    void toolDefinitionsToolCallsAndToolResultsAreWritten() throws Exception {
        ToolMetadata weather = new ToolMetadata(
                "weather", "Current weather", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        ChatMessage call = new ChatMessage(
                ChatRole.ASSISTANT,
                null,
                List.of(new ToolCall("call_1", "weather", "{\"city\":\"Oslo\"}")),
                null,
                null);
        chat(
                List.of(ChatMessage.user("Weather in Oslo?"), call, ChatMessage.tool("call_1", "-3C")),
                Map.of(RequestKeys.TOOLS, List.of(weather)),
                ChatMessage.assistant("It is -3C."));
        JsonNode line = lines().get(0);
        JsonNode tool = line.get("tools").get(0);
        assertThat(tool.get("type").asString()).isEqualTo("function");
        assertThat(tool.get("function").get("name").asString()).isEqualTo("weather");
        assertThat(tool.get("function").get("parameters").get("properties").has("city"))
                .isTrue();
        JsonNode assistant = line.get("messages").get(1);
        assertThat(assistant.has("content")).isFalse();
        assertThat(assistant
                        .get("tool_calls")
                        .get(0)
                        .get("function")
                        .get("arguments")
                        .asString())
                .isEqualTo("{\"city\":\"Oslo\"}");
        JsonNode result = line.get("messages").get(2);
        assertThat(result.get("role").asString()).isEqualTo("tool");
        assertThat(result.get("tool_call_id").asString()).isEqualTo("call_1");
    }

    @Test
    void completionCallsUseThePromptAndCompletionAndFailedCallsAreDiscarded() throws Exception {
        String id = this.manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "2+2?"));
        this.manager.onEventEnd(
                CBEventType.LLM,
                Map.of("formatted_prompt", "2+2?", "completion", CompletionResponse.of("4", Map.of())),
                id);
        String failed = this.manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "boom"));
        this.manager.onEventEnd(CBEventType.LLM, Map.of("exception", new IllegalStateException()), failed);
        this.manager.onEventStart(CBEventType.LLM, Map.of("formatted_prompt", "still running"));
        assertThat(this.handler.getFinetuningEvents()).hasSize(2);
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0).get("messages").get(0).get("content").asString())
                .isEqualTo("2+2?");
        assertThat(lines.get(0).get("messages").get(1).get("content").asString())
                .isEqualTo("4");
    }

    @Test
    void writesAFileAndEvictsTheOldestCallsAtTheCap(@TempDir Path dir) throws Exception {
        OpenAIFineTuningHandler small = new OpenAIFineTuningHandler(2);
        for (int i = 0; i < 3; i++) {
            small.onEventStart(CBEventType.LLM, Map.of("messages", List.of(ChatMessage.user("q" + i))), "e" + i, null);
            small.onEventEnd(CBEventType.LLM, Map.of("response", "a" + i), "e" + i);
        }
        assertThat(small.evictedExamples()).isEqualTo(1);
        Path file = dir.resolve("train.jsonl");
        assertThat(small.writeJsonl(file)).isEqualTo(2);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(2);
        assertThat(this.json
                        .readTree(lines.get(0))
                        .get("messages")
                        .get(0)
                        .get("content")
                        .asString())
                .isEqualTo("q1");
    }
}
