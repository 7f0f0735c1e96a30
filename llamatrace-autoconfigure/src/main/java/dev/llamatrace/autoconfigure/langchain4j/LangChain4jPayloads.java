package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.llamatrace.autoconfigure.ModelPayloads;
import dev.llamatrace.autoconfigure.UsageDetailsReader;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.llm.ChatRole;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.ToolCall;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Translates LangChain4j's request and response types into llamatrace's payload model. */
final class LangChain4jPayloads {

    private LangChain4jPayloads() {}

    static List<dev.llamatrace.core.llm.ChatMessage> messages(@Nullable ChatRequest request) {
        if (request == null) {
            return List.of();
        }
        List<dev.llamatrace.core.llm.ChatMessage> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            switch (message.type()) {
                case SYSTEM ->
                    messages.add(
                            dev.llamatrace.core.llm.ChatMessage.of(ChatRole.SYSTEM, ((SystemMessage) message).text()));
                case USER -> messages.add(user((UserMessage) message));
                case AI -> messages.add(assistant((AiMessage) message));
                case TOOL_EXECUTION_RESULT -> {
                    ToolExecutionResultMessage result = (ToolExecutionResultMessage) message;
                    messages.add(new dev.llamatrace.core.llm.ChatMessage(
                            ChatRole.TOOL, result.text(), List.of(), result.id(), result.toolName()));
                }
                default -> {
                    // Custom messages carry application attributes, not text a model reads.
                }
            }
        }
        return messages;
    }

    static dev.llamatrace.core.llm.ChatMessage assistant(@Nullable AiMessage message) {
        if (message == null) {
            return dev.llamatrace.core.llm.ChatMessage.assistant(null);
        }
        List<ToolCall> toolCalls = new ArrayList<>();
        if (message.hasToolExecutionRequests()) {
            for (ToolExecutionRequest request : message.toolExecutionRequests()) {
                toolCalls.add(new ToolCall(request.id(), request.name(), request.arguments()));
            }
        }
        return new dev.llamatrace.core.llm.ChatMessage(ChatRole.ASSISTANT, message.text(), toolCalls, null, null);
    }

    /** Translates a chat response; usage goes into the raw map only when the provider reported some. */
    static dev.llamatrace.core.llm.ChatResponse response(ChatResponse response) {
        Map<String, Object> raw = new LinkedHashMap<>();
        ModelPayloads.putIfText(raw, ModelPayloads.ID, response.id());
        ModelPayloads.putIfText(raw, ModelPayloads.MODEL, response.modelName());
        FinishReason finishReason = response.finishReason();
        if (finishReason != null) {
            raw.put(ModelPayloads.FINISH_REASON, finishReason.name().toLowerCase(Locale.ROOT));
        }
        TokenUsage usage = response.tokenUsage();
        if (usage != null) {
            raw.putAll(ModelPayloads.withReportedCost(
                    ModelPayloads.usage(
                            usage.inputTokenCount(),
                            usage.outputTokenCount(),
                            UsageDetailsReader.cachedInputTokens(usage),
                            UsageDetailsReader.cacheWriteInputTokens(usage),
                            UsageDetailsReader.reasoningTokens(usage)),
                    UsageDetailsReader.reportedCostInRawBody(response.metadata())));
        }
        return dev.llamatrace.core.llm.ChatResponse.of(assistant(response.aiMessage()), raw);
    }

    static ModelInfo chatModel(ChatRequest request, @Nullable ModelProvider provider) {
        Map<String, Object> parameters = ModelPayloads.parameters(
                request.temperature(),
                request.maxOutputTokens(),
                request.topP(),
                request.topK(),
                request.frequencyPenalty(),
                request.presencePenalty());
        List<String> stop = request.stopSequences();
        if (stop != null && !stop.isEmpty()) {
            parameters.put(ModelPayloads.STOP, stop);
        }
        return new ModelInfo(provider(provider), ModelPayloads.nameOrUnknown(request.modelName()), parameters);
    }

    /** Maps LangChain4j's {@link ModelProvider} to OpenTelemetry's {@code gen_ai.provider.name}. */
    static String provider(@Nullable ModelProvider provider) {
        if (provider == null) {
            return GenAiNames.UNKNOWN;
        }
        return switch (provider) {
            case OPEN_AI -> GenAiNames.OPENAI;
            case AZURE_OPEN_AI, MICROSOFT_FOUNDRY -> GenAiNames.AZURE_OPENAI;
            case ANTHROPIC, GOOGLE_VERTEX_AI_ANTHROPIC -> GenAiNames.ANTHROPIC;
            case AMAZON_BEDROCK -> GenAiNames.AWS_BEDROCK;
            case GOOGLE_AI_GEMINI, GOOGLE_GENAI -> GenAiNames.GCP_GEMINI;
            case GOOGLE_VERTEX_AI_GEMINI -> GenAiNames.GCP_VERTEX_AI;
            case MISTRAL_AI -> GenAiNames.MISTRAL_AI;
            case WATSONX -> GenAiNames.IBM_WATSONX;
            case COHERE -> GenAiNames.COHERE;
            case OLLAMA -> GenAiNames.OLLAMA;
            case OTHER -> GenAiNames.UNKNOWN;
            default -> provider.name().toLowerCase(Locale.ROOT);
        };
    }

    private static dev.llamatrace.core.llm.ChatMessage user(UserMessage message) {
        return new dev.llamatrace.core.llm.ChatMessage(ChatRole.USER, text(message), List.of(), null, message.name());
    }

    /** Returns the text parts of a user message, joined; images and other media are left out. */
    static String text(UserMessage message) {
        if (message.hasSingleText()) {
            return message.singleText();
        }
        StringBuilder joined = new StringBuilder();
        for (Content content : message.contents()) {
            if (content instanceof TextContent textContent) {
                joined.append(textContent.text());
            }
        }
        return joined.toString();
    }
}
