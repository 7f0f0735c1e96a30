package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.Json;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.listener.ChatModelErrorContext;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.listener.ChatModelRequestContext;
import dev.langchain4j.model.chat.listener.ChatModelResponseContext;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.RequestKeys;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j {@link ChatModelListener} that turns every chat call of the models it is attached to into an LLM span
 * named {@code chat <model>}, parented under the llamatrace span active on the calling thread, with
 * {@link LLMChatStartEvent} and {@link LLMChatEndEvent}. Usage is passed on only when the provider reported it.
 *
 * <p>Streaming models answer on another thread; the span travels in the call's {@code attributes()}, so it ends on
 * that thread with the right parent. A model round of an AI service registered with
 * {@link LlamaTraceAiServiceListeners} nests under the service's {@code invoke_agent} span, also when it starts on the
 * streaming reader thread. LangChain4j's Spring Boot starters attach every {@code ChatModelListener} bean to
 * the models they create; attach it by hand otherwise, e.g.
 * {@code OpenAiChatModel.builder().listeners(List.of(listener))}.
 */
public final class LlamaTraceChatModelListener implements ChatModelListener {

    private final Dispatcher dispatcher;

    /**
     * Creates the listener.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceChatModelListener(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void onRequest(ChatModelRequestContext context) {
        ChatRequest request = context.chatRequest();
        ListenerSpans.start(
                this.dispatcher,
                context.attributes(),
                this,
                GenAiNames.spanName(GenAiNames.CHAT, request.modelName()),
                ChatParents.parentOf(request.messages()),
                false,
                (spanId) -> new LLMChatStartEvent(
                        spanId,
                        LangChain4jPayloads.messages(request),
                        tools(request),
                        LangChain4jPayloads.chatModel(request, context.modelProvider())));
    }

    @Override
    public void onResponse(ChatModelResponseContext context) {
        ChatResponse response = context.chatResponse();
        ListenerSpans.end(
                this.dispatcher,
                context.attributes(),
                this,
                (response != null && response.aiMessage() != null)
                        ? response.aiMessage().text()
                        : null,
                (spanId) -> new LLMChatEndEvent(
                        spanId,
                        LangChain4jPayloads.messages(context.chatRequest()),
                        (response != null) ? LangChain4jPayloads.response(response) : null));
    }

    @Override
    public void onError(ChatModelErrorContext context) {
        ListenerSpans.fail(this.dispatcher, context.attributes(), this, context.error());
    }

    private static Map<String, Object> tools(ChatRequest request) {
        if (request.toolSpecifications() == null || request.toolSpecifications().isEmpty()) {
            return Map.of();
        }
        List<ToolMetadata> tools = new ArrayList<>();
        for (ToolSpecification tool : request.toolSpecifications()) {
            tools.add(new ToolMetadata(tool.name(), tool.description(), schema(tool)));
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        kwargs.put(RequestKeys.TOOLS, tools);
        return kwargs;
    }

    static @Nullable String schema(ToolSpecification tool) {
        if (tool.parameters() == null) {
            return null;
        }
        try {
            return Json.toJson(JsonSchemaElementJsonUtils.toMap(tool.parameters()));
        } catch (RuntimeException ex) {
            // The schema only serves fine-tuning export; never lose the call's events over it.
            return null;
        }
    }
}
