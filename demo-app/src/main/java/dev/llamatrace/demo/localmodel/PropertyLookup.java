package dev.llamatrace.demo.localmodel;

import dev.llamatrace.demo.tools.PropertyDefaults;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local model's one agent skill, deterministic like the rest of it: asked for the default of a {@code llamatrace.*}
 * property while the {@value PropertyDefaults#TOOL_NAME} tool is offered, it calls the tool instead of quoting the
 * guide; once the conversation holds the tool's result, it answers from that result.
 */
final class PropertyLookup {

    private static final Pattern ASKED = Pattern.compile(
            "(?i)\\bdefaults?\\b.*?\\b(llamatrace(?:\\.[a-z0-9-]+)+)|\\b(llamatrace(?:\\.[a-z0-9-]+)+)\\b.*?\\bdefaults?\\b");

    private PropertyLookup() {}

    /** Returns the property a question asks the default of, when the tool is offered and not answered yet. */
    static @Nullable String propertyToLookUp(OpenAiJson.ChatRequest request, String question) {
        if (!offersTool(request) || toolResult(request.messages()) != null) {
            return null;
        }
        Matcher matcher = ASKED.matcher(question);
        if (!matcher.find()) {
            return null;
        }
        String property = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
        return property.replaceAll("[.-]+$", "");
    }

    /** Returns the arguments of the tool call for a property, as JSON text. */
    static String arguments(JsonMapper json, String property) {
        return json.writeValueAsString(java.util.Map.of(PropertyDefaults.PARAMETER, property));
    }

    /** Returns the latest tool result of the conversation, or {@code null}. */
    static OpenAiJson.@Nullable Message toolResult(@Nullable List<OpenAiJson.Message> messages) {
        if (messages == null || messages.isEmpty()) {
            return null;
        }
        OpenAiJson.Message last = messages.get(messages.size() - 1);
        return "tool".equals(last.role()) ? last : null;
    }

    /** Answers from the tool's result: the property's default, or what the tool said instead. */
    static String answer(JsonMapper json, OpenAiJson.Message result) {
        JsonNode property;
        try {
            property = json.readTree(result.text());
        } catch (RuntimeException ex) {
            return result.text();
        }
        if (property.isString()) {
            // Some clients send the tool's JSON as a JSON string.
            property = json.readTree(property.asString());
        }
        String name = property.path("name").asString("");
        JsonNode value = property.get("defaultValue");
        String description = property.path("description").asString("");
        if (value == null || value.isNull()) {
            return "`" + name + "` has no default value. " + description;
        }
        return "The default of `" + name + "` is " + value.asString() + ". " + description;
    }

    private static boolean offersTool(OpenAiJson.ChatRequest request) {
        if (request.tools() == null) {
            return false;
        }
        return request.tools().stream()
                .anyMatch((tool) -> tool.function() != null
                        && PropertyDefaults.TOOL_NAME.equals(tool.function().name()));
    }
}
