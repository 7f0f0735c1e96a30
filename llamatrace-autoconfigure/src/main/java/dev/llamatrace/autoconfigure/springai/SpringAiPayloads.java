package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.ModelPayloads;
import dev.llamatrace.autoconfigure.UsageDetailsReader;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.ToolCall;
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
        ModelPayloads.putIfText(raw, ModelPayloads.ID, metadata.getId());
        ModelPayloads.putIfText(raw, ModelPayloads.MODEL, metadata.getModel());
        if (generation != null) {
            ModelPayloads.putIfText(
                    raw, ModelPayloads.FINISH_REASON, generation.getMetadata().getFinishReason());
        }
        Usage usage = metadata.getUsage();
        if (usage != null) {
            raw.putAll(usage(usage));
        }
        return ChatResponse.of(message, raw);
    }

    /**
     * Translates Spring AI's usage, with the cache tokens it exposes and the reasoning tokens and reported cost of the
     * provider's native usage object (e.g. the OpenAI SDK's {@code completionTokensDetails().reasoningTokens()} and
     * an OpenRouter {@code usage.cost} in its {@code _additionalProperties()}).
     */
    static Map<String, Object> usage(Usage usage) {
        Long cacheRead = usage.getCacheReadInputTokens();
        Long cacheWrite = usage.getCacheWriteInputTokens();
        Object nativeUsage = usage.getNativeUsage();
        return ModelPayloads.withReportedCost(
                ModelPayloads.usage(
                        usage.getPromptTokens(),
                        usage.getCompletionTokens(),
                        (cacheRead != null) ? cacheRead : UsageDetailsReader.cachedInputTokens(nativeUsage),
                        (cacheWrite != null) ? cacheWrite : UsageDetailsReader.cacheWriteInputTokens(nativeUsage),
                        UsageDetailsReader.reasoningTokens(nativeUsage)),
                UsageDetailsReader.reportedCost(nativeUsage));
    }

    static ModelInfo chatModel(@Nullable Prompt prompt, AiOperationMetadata operation, boolean streaming) {
        ChatOptions options = (prompt != null) ? prompt.getOptions() : null;
        Map<String, Object> parameters;
        String model = null;
        if (options != null) {
            model = options.getModel();
            parameters = ModelPayloads.parameters(
                    options.getTemperature(),
                    options.getMaxTokens(),
                    options.getTopP(),
                    options.getTopK(),
                    options.getFrequencyPenalty(),
                    options.getPresencePenalty());
            ModelPayloads.putIfPresent(parameters, ModelPayloads.STOP, options.getStopSequences());
        } else {
            parameters = new LinkedHashMap<>();
        }
        if (streaming) {
            parameters.put(ModelPayloads.STREAM, true);
        }
        return new ModelInfo(provider(operation.provider()), ModelPayloads.nameOrUnknown(model), parameters);
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
}
