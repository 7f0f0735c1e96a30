package dev.llamatrace.demo.localmodel;

import dev.llamatrace.demo.tools.PropertyDefaults;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /v1/chat/completions}: the OpenAI chat completions API, answered by the {@link ExtractiveGenerator}.
 * With {@code "stream": true} the answer is sent as server-sent events, one word per chunk, and, when
 * {@code stream_options.include_usage} is true, a final chunk with the token usage. Usage is counted with the GPT-4o
 * tokenizer, so it is what OpenAI would bill for the same text.
 *
 * <p>Asked for a property's default while the {@value PropertyDefaults#TOOL_NAME} tool is offered (a blocking request),
 * it answers with a call of that tool, and once the tool's result is in the conversation it answers from it (see
 * {@link PropertyLookup}).
 */
@RestController
final class ChatCompletionsController {

    /** The model name reported when the request names none. */
    static final String DEFAULT_MODEL = "llamatrace-extractive";

    private static final Pattern WORD_START = Pattern.compile("(?<=\\s)(?=\\S)");

    private final ExtractiveGenerator generator;

    private final TokenCounter tokens;

    private final JsonMapper json;

    ChatCompletionsController(ExtractiveGenerator generator, TokenCounter tokens, JsonMapper json) {
        this.generator = generator;
        this.tokens = tokens;
        this.json = json;
    }

    @PostMapping(path = LocalModelPaths.CHAT_COMPLETIONS, consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<StreamingResponseBody> complete(@RequestBody OpenAiJson.ChatRequest request) {
        List<OpenAiJson.Message> messages = request.messages();
        if (messages == null || messages.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "'messages' must hold at least one message");
        }
        PromptReader.Reading reading = PromptReader.read(messages);
        String id = "chatcmpl-" + UUID.randomUUID().toString().replace("-", "");
        String model = (request.model() != null) ? request.model() : DEFAULT_MODEL;
        long created = Instant.now().getEpochSecond();
        String property = request.streaming() ? null : PropertyLookup.propertyToLookUp(request, reading.question());
        if (property != null) {
            return toolCall(id, created, model, messages, PropertyLookup.arguments(this.json, property));
        }
        OpenAiJson.Message toolResult = PropertyLookup.toolResult(messages);
        String answer = (toolResult != null)
                ? PropertyLookup.answer(this.json, toolResult)
                : this.generator.answer(reading.question(), reading.passages());
        OpenAiJson.Usage usage = OpenAiJson.Usage.of(this.tokens.countPrompt(messages), this.tokens.count(answer));
        if (!request.streaming()) {
            OpenAiJson.Choice choice = new OpenAiJson.Choice(0, OpenAiJson.AssistantMessage.answer(answer), "stop");
            OpenAiJson.ChatCompletion completion =
                    new OpenAiJson.ChatCompletion(id, "chat.completion", created, model, List.of(choice), usage);
            byte[] body = this.json.writeValueAsBytes(completion);
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((out) -> out.write(body));
        }
        Chunks chunks = new Chunks(id, created, model);
        StreamingResponseBody body = (out) -> {
            send(out, chunks.of(new OpenAiJson.Delta("assistant", ""), null));
            for (String word : WORD_START.split(answer)) {
                send(out, chunks.of(new OpenAiJson.Delta(null, word), null));
            }
            send(out, chunks.of(new OpenAiJson.Delta(null, null), "stop"));
            if (request.includeUsage()) {
                send(out, new OpenAiJson.ChatChunk(id, "chat.completion.chunk", created, model, List.of(), usage));
            }
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
        return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(body);
    }

    /** Asks the client to call the property-default tool; a blocking answer only (the demo streams without tools). */
    private ResponseEntity<StreamingResponseBody> toolCall(
            String id, long created, String model, List<OpenAiJson.Message> messages, String arguments) {
        OpenAiJson.ToolCall call = new OpenAiJson.ToolCall(
                "call_" + id.substring(id.length() - 8),
                "function",
                new OpenAiJson.FunctionCall(PropertyDefaults.TOOL_NAME, arguments));
        OpenAiJson.Choice choice = new OpenAiJson.Choice(
                0, new OpenAiJson.AssistantMessage("assistant", null, List.of(call)), "tool_calls");
        OpenAiJson.Usage usage = OpenAiJson.Usage.of(this.tokens.countPrompt(messages), this.tokens.count(arguments));
        OpenAiJson.ChatCompletion completion =
                new OpenAiJson.ChatCompletion(id, "chat.completion", created, model, List.of(choice), usage);
        byte[] body = this.json.writeValueAsBytes(completion);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((out) -> out.write(body));
    }

    private void send(OutputStream out, OpenAiJson.ChatChunk chunk) throws IOException {
        out.write(("data: " + this.json.writeValueAsString(chunk) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private record Chunks(String id, long created, String model) {

        OpenAiJson.ChatChunk of(OpenAiJson.Delta delta, String finishReason) {
            return new OpenAiJson.ChatChunk(
                    this.id,
                    "chat.completion.chunk",
                    this.created,
                    this.model,
                    List.of(new OpenAiJson.ChunkChoice(0, delta, finishReason)),
                    null);
        }
    }
}
