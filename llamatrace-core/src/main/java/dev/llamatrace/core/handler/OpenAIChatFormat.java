package dev.llamatrace.core.handler;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ToolCall;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds the JSON of OpenAI's chat fine-tuning format: one {@code {"messages": [...]}} object per example. */
final class OpenAIChatFormat {

    private final ObjectMapper mapper = JsonMapper.builder().build();

    String line(FineTuningExample example) {
        ObjectNode line = this.mapper.createObjectNode();
        ArrayNode messages = line.putArray("messages");
        for (ChatMessage message : example.messages()) {
            messages.add(message(message));
        }
        if (example.response() != null) {
            messages.add(message(example.response()));
        }
        if (example.tools() != null) {
            line.set("tools", definitions(example.tools(), true));
        }
        if (example.functions() != null) {
            line.set("functions", definitions(example.functions(), false));
        }
        return this.mapper.writeValueAsString(line);
    }

    private ObjectNode message(ChatMessage message) {
        ObjectNode node = this.mapper.createObjectNode();
        node.put("role", message.role().value());
        boolean emptyAssistant = message.role() == ChatRole.ASSISTANT
                && (message.content() == null || message.content().isEmpty());
        if (message.content() != null
                && !(emptyAssistant && !message.toolCalls().isEmpty())) {
            node.put("content", message.content());
        }
        if (!message.toolCalls().isEmpty()) {
            ArrayNode calls = node.putArray("tool_calls");
            for (ToolCall call : message.toolCalls()) {
                ObjectNode callNode = calls.addObject();
                callNode.put("id", call.id());
                callNode.put("type", "function");
                ObjectNode function = callNode.putObject("function");
                function.put("name", call.name());
                function.put("arguments", call.arguments());
            }
        }
        if (message.toolCallId() != null) {
            node.put("tool_call_id", message.toolCallId());
        }
        if (message.name() != null) {
            node.put("name", message.name());
        }
        return node;
    }

    /** Tool or function definitions: typed metadata is converted, maps and JSON text are taken as they are. */
    private JsonNode definitions(Object definitions, boolean tools) {
        if (definitions instanceof String json) {
            return this.mapper.readTree(json);
        }
        if (!(definitions instanceof List<?> list)) {
            return this.mapper.valueToTree(definitions);
        }
        ArrayNode array = this.mapper.createArrayNode();
        for (Object definition : list) {
            if (definition instanceof ToolMetadata tool) {
                ObjectNode function = function(tool);
                array.add(
                        tools
                                ? this.mapper
                                        .createObjectNode()
                                        .put("type", "function")
                                        .set("function", function)
                                : function);
            } else {
                array.add(this.mapper.<JsonNode>valueToTree(definition));
            }
        }
        return array;
    }

    private ObjectNode function(ToolMetadata tool) {
        ObjectNode function = this.mapper.createObjectNode().put("name", tool.name());
        if (tool.description() != null) {
            function.put("description", tool.description());
        }
        @Nullable String schema = tool.parametersSchema();
        function.set("parameters", (schema != null) ? this.mapper.readTree(schema) : this.mapper.createObjectNode());
        return function;
    }
}
