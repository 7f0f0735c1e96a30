package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.export.GenAiNames;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.ToolCall;
import dev.llamatrace.core.llm.UsageKeys;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.observation.AiOperationMetadata;

/** Translates Spring AI's request and response types into llamatrace's payload model. */
final class SpringAiPayloads {

    /** Raw-response key of the response id. */
    static final String ID = "id";

    /** Raw-response key of the model that answered. */
    static final String MODEL = "model";

    /** Raw-response key of the finish reason of the first generation. */
    static final String FINISH_REASON = "finish_reason";

    /** Model-parameter key of the streaming flag. */
    static final String STREAM = "stream";

    private SpringAiPayloads() {}

    static List<ChatMessage> messages(@Nullable Prompt prompt) {
        if (prompt == null) {
            return List.of();
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (Message message : prompt.getInstructions()) {
            switch (message.getMessageType()) {
                case SYSTEM -> messages.add(ChatMessage.of(ChatRole.SYSTEM, message.getText()));
                case USER -> messages.add(ChatMessage.of(ChatRole.USER, message.getText()));
                case ASSISTANT -> messages.add(assistant((AssistantMessage) message));
                case TOOL -> {
                    for (ToolResponseMessage.ToolResponse response : ((ToolResponseMessage) message).getResponses()) {
                        messages.add(new ChatMessage(
                                ChatRole.TOOL, response.responseData(), List.of(), response.id(), response.name()));
                    }
                }
            }
        }
        return messages;
    }

    static ChatMessage assistant(@Nullable AssistantMessage message) {
        if (message == null) {
            return ChatMessage.assistant(null);
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        for (AssistantMessage.ToolCall call : message.getToolCalls()) {
            toolCalls.add(new ToolCall(call.id(), call.name(), call.arguments()));
        }
        return new ChatMessage(ChatRole.ASSISTANT, message.getText(), toolCalls, null, null);
    }

    /**
     * Translates a chat response. Usage goes into the raw map only when the provider reported some, so that token
     * counting falls back to its tokenizer for streams without usage instead of recording zeros.
     */
    static ChatResponse response(org.springframework.ai.chat.model.ChatResponse response) {
        Generation generation = response.getResult();
        ChatMessage message = assistant((generation != null) ? generation.getOutput() : null);
        Map<String, Object> raw = new LinkedHashMap<>();
        ChatResponseMetadata metadata = response.getMetadata();
        putIfText(raw, ID, metadata.getId());
        putIfText(raw, MODEL, metadata.getModel());
        if (generation != null) {
            putIfText(raw, FINISH_REASON, generation.getMetadata().getFinishReason());
        }
        raw.putAll(usage(metadata.getUsage()));
        return ChatResponse.of(message, raw);
    }

    static Map<String, Object> usage(@Nullable Usage usage) {
        if (usage == null) {
            return Map.of();
        }
        long prompt = orZero(usage.getPromptTokens());
        long completion = orZero(usage.getCompletionTokens());
        if (prompt <= 0 && completion <= 0) {
            return Map.of();
        }
        return UsageKeys.rawUsage(prompt, completion);
    }

    static ModelInfo chatModel(@Nullable Prompt prompt, AiOperationMetadata operation, boolean streaming) {
        ChatOptions options = (prompt != null) ? prompt.getOptions() : null;
        Map<String, Object> parameters = new LinkedHashMap<>();
        String model = null;
        if (options != null) {
            model = options.getModel();
            putIfPresent(parameters, "temperature", options.getTemperature());
            putIfPresent(parameters, "max_tokens", options.getMaxTokens());
            putIfPresent(parameters, "top_p", options.getTopP());
            putIfPresent(parameters, "top_k", options.getTopK());
            putIfPresent(parameters, "frequency_penalty", options.getFrequencyPenalty());
            putIfPresent(parameters, "presence_penalty", options.getPresencePenalty());
            putIfPresent(parameters, "stop", options.getStopSequences());
        }
        if (streaming) {
            parameters.put(STREAM, true);
        }
        return new ModelInfo(provider(operation.provider()), nameOrUnknown(model), parameters);
    }

    static String nameOrUnknown(@Nullable String name) {
        return (name == null || name.isBlank()) ? GenAiNames.UNKNOWN : name;
    }

    /** Maps Spring AI's provider values ({@code AiProvider}) to OpenTelemetry's {@code gen_ai.provider.name}. */
    static String provider(@Nullable String springAiProvider) {
        if (springAiProvider == null || springAiProvider.isBlank()) {
            return GenAiNames.UNKNOWN;
        }
        return switch (springAiProvider) {
            case "openai" -> GenAiNames.OPENAI;
            case "anthropic" -> GenAiNames.ANTHROPIC;
            case "bedrock_converse" -> GenAiNames.AWS_BEDROCK;
            case "vertex_ai" -> GenAiNames.GCP_VERTEX_AI;
            case "google_genai" -> GenAiNames.GCP_GEMINI;
            case "mistral_ai" -> GenAiNames.MISTRAL_AI;
            case "ollama" -> GenAiNames.OLLAMA;
            default -> springAiProvider;
        };
    }

    private static long orZero(@Nullable Integer value) {
        return (value != null) ? value : 0L;
    }

    private static void putIfText(Map<String, Object> map, String key, @Nullable String value) {
        if (value != null && !value.isEmpty()) {
            map.put(key, value);
        }
    }

    private static void putIfPresent(Map<String, Object> map, String key, @Nullable Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
