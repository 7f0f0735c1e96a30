package dev.llamatrace.demo.localmodel;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The subset of the OpenAI wire format the local endpoint reads and writes. */
final class OpenAiJson {

    private OpenAiJson() {}

    /**
     * A chat completion request.
     *
     * @param model the model name, echoed back
     * @param messages the conversation
     * @param stream whether to answer with server-sent events
     * @param streamOptions streaming options
     * @param tools the tools the model may call
     */
    record ChatRequest(
            @Nullable String model,
            @Nullable List<Message> messages,
            @Nullable Boolean stream,
            @JsonProperty("stream_options") @Nullable StreamOptions streamOptions,
            @Nullable List<Tool> tools) {

        boolean streaming() {
            return Boolean.TRUE.equals(this.stream);
        }

        boolean includeUsage() {
            return this.streamOptions != null && Boolean.TRUE.equals(this.streamOptions.includeUsage());
        }
    }

    /**
     * A tool offered to the model.
     *
     * @param type always {@code function}
     * @param function the function
     */
    record Tool(@Nullable String type, @Nullable ToolFunction function) {}

    /**
     * The function of an offered tool.
     *
     * @param name its name
     * @param description what it does
     */
    record ToolFunction(String name, @Nullable String description) {}

    /**
     * A call the model asks the client to make.
     *
     * @param id the call's id, which the tool result message quotes
     * @param type always {@code function}
     * @param function the function and its arguments
     */
    record ToolCall(String id, String type, FunctionCall function) {}

    /**
     * The function of a tool call.
     *
     * @param name the tool's name
     * @param arguments the arguments as JSON text
     */
    record FunctionCall(String name, String arguments) {}

    /**
     * Streaming options.
     *
     * @param includeUsage whether to send a final chunk with the token usage
     */
    record StreamOptions(@JsonProperty("include_usage") @Nullable Boolean includeUsage) {}

    /**
     * One chat message. The content is a string or, in the multi-part form, an array of {@code {"type":"text",...}}.
     *
     * @param role the role
     * @param content the content
     */
    record Message(String role, @Nullable JsonNode content) {

        String text() {
            JsonNode content = this.content;
            if (content == null || content.isNull()) {
                return "";
            }
            if (content.isArray()) {
                List<String> parts = new ArrayList<>();
                for (JsonNode part : content) {
                    JsonNode text = part.get("text");
                    if (text != null && text.isString()) {
                        parts.add(text.asString());
                    }
                }
                return String.join("\n", parts);
            }
            return content.asString();
        }
    }

    /**
     * A chat completion, the non-streaming answer.
     *
     * @param id the completion id
     * @param object always {@code chat.completion}
     * @param created seconds since the epoch
     * @param model the model name
     * @param choices one choice
     * @param usage token usage
     */
    record ChatCompletion(String id, String object, long created, String model, List<Choice> choices, Usage usage) {}

    /**
     * A choice of a chat completion.
     *
     * @param index always 0
     * @param message the assistant message
     * @param finishReason why generation stopped
     */
    record Choice(int index, AssistantMessage message, @JsonProperty("finish_reason") String finishReason) {}

    /**
     * The assistant's message: an answer, or tool calls.
     *
     * @param role always {@code assistant}
     * @param content the answer, or {@code null} with tool calls
     * @param toolCalls the calls to make, or {@code null} with an answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AssistantMessage(
            String role, @Nullable String content, @JsonProperty("tool_calls") @Nullable List<ToolCall> toolCalls) {

        static AssistantMessage answer(String content) {
            return new AssistantMessage("assistant", content, null);
        }
    }

    /**
     * A streamed chunk.
     *
     * @param id the completion id, the same for every chunk
     * @param object always {@code chat.completion.chunk}
     * @param created seconds since the epoch
     * @param model the model name
     * @param choices one delta, or none in the final usage chunk
     * @param usage the token usage, only in the final usage chunk
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatChunk(
            String id, String object, long created, String model, List<ChunkChoice> choices, @Nullable Usage usage) {}

    /**
     * A delta of a streamed chunk.
     *
     * @param index always 0
     * @param delta the new content
     * @param finishReason set on the last content chunk
     */
    record ChunkChoice(int index, Delta delta, @JsonProperty("finish_reason") @Nullable String finishReason) {}

    /**
     * New content of a streamed chunk.
     *
     * @param role set on the first chunk
     * @param content the next piece of the answer
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(@Nullable String role, @Nullable String content) {}

    /**
     * Token usage of a call.
     *
     * @param promptTokens tokens read
     * @param completionTokens tokens written
     * @param totalTokens their sum
     */
    record Usage(
            @JsonProperty("prompt_tokens") int promptTokens,
            @JsonProperty("completion_tokens") int completionTokens,
            @JsonProperty("total_tokens") int totalTokens) {

        static Usage of(int promptTokens, int completionTokens) {
            return new Usage(promptTokens, completionTokens, promptTokens + completionTokens);
        }
    }

    /**
     * An embeddings request. The input is a string or an array of strings.
     *
     * @param model the model name, echoed back
     * @param input the texts
     * @param encodingFormat {@code float} (default) or {@code base64}
     */
    record EmbeddingRequest(
            @Nullable String model,
            @Nullable JsonNode input,
            @JsonProperty("encoding_format") @Nullable String encodingFormat) {}

    /**
     * An embeddings answer.
     *
     * @param object always {@code list}
     * @param data one entry per input text
     * @param model the model name
     * @param usage token usage (prompt and total)
     */
    record EmbeddingList(String object, List<EmbeddingData> data, String model, EmbeddingUsage usage) {}

    /**
     * One embedding.
     *
     * @param object always {@code embedding}
     * @param index the position of its text in the input
     * @param embedding a float array, or a base64 string of little-endian float32 values
     */
    record EmbeddingData(String object, int index, Object embedding) {}

    /**
     * Token usage of an embeddings call.
     *
     * @param promptTokens tokens read
     * @param totalTokens the same
     */
    record EmbeddingUsage(
            @JsonProperty("prompt_tokens") int promptTokens, @JsonProperty("total_tokens") int totalTokens) {}
}
