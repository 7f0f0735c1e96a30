package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.LLMChatEndEvent;
import dev.llamatrace.core.event.LLMChatStartEvent;
import dev.llamatrace.core.llm.ChatResponse;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.RequestKeys;
import dev.llamatrace.core.llm.ToolMetadata;
import dev.llamatrace.core.span.SpanInvocation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Turns Spring AI chat model observations ({@code gen_ai.client.operation}, operation {@code chat}) into LLM spans
 * named {@code chat <model>} with {@link LLMChatStartEvent} and {@link LLMChatEndEvent}.
 *
 * <p>For a stream, Spring AI stops the observation when the stream completes, with the aggregated response, so the
 * span ends then and the end event carries the whole answer. Usage is passed on only when the provider sent it (a
 * stream without {@code include_usage} reports zeros); token counting then falls back to its tokenizer. A stream
 * cancelled before it completed is dropped with a {@link CancellationException}.
 */
public final class ChatModelObservationHandler extends SpanObservationHandler<ChatModelObservationContext> {

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public ChatModelObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, ChatModelObservationContext.class);
    }

    @Override
    public void onStart(ChatModelObservationContext context) {
        super.onStart(context);
        if (context.isStreaming()) {
            ObservationSpans.Traced traced = ObservationSpans.tracedOf(context);
            FirstChunkProbe probe = ObservationSpans.findInAncestors(context, FirstChunkProbe.class);
            if (traced != null && probe != null) {
                SpanInvocation span = traced.span();
                long startNanos = (span != null) ? span.startNanos() : System.nanoTime();
                probe.attach(traced.spanId(), startNanos, context.getRequest());
            }
        }
    }

    @Override
    String spanName(ChatModelObservationContext context) {
        Prompt prompt = context.getRequest();
        ChatOptions options = (prompt != null) ? prompt.getOptions() : null;
        return GenAiNames.spanName(GenAiNames.CHAT, (options != null) ? options.getModel() : null);
    }

    @Override
    void started(ChatModelObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(() -> {
            Prompt prompt = context.getRequest();
            ModelInfo model = SpringAiPayloads.chatModel(prompt, context.getOperationMetadata(), context.isStreaming());
            return new LLMChatStartEvent(spanId, SpringAiPayloads.messages(prompt), tools(prompt), model);
        });
    }

    @Override
    void stopped(ChatModelObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(
                () -> new LLMChatEndEvent(spanId, SpringAiPayloads.messages(context.getRequest()), response(context)));
    }

    @Override
    @Nullable
    Object result(ChatModelObservationContext context) {
        org.springframework.ai.chat.model.ChatResponse response = context.getResponse();
        Generation generation = (response != null) ? response.getResult() : null;
        return (generation != null) ? generation.getOutput().getText() : null;
    }

    @Override
    @Nullable
    Throwable incomplete(ChatModelObservationContext context) {
        if (context.isStreaming() && context.getResponse() == null) {
            return new CancellationException("The chat stream was cancelled before it completed");
        }
        return null;
    }

    private static @Nullable ChatResponse response(ChatModelObservationContext context) {
        org.springframework.ai.chat.model.ChatResponse response = context.getResponse();
        return (response != null) ? SpringAiPayloads.response(response) : null;
    }

    private static Map<String, Object> tools(@Nullable Prompt prompt) {
        if (prompt == null || !(prompt.getOptions() instanceof ToolCallingChatOptions options)) {
            return Map.of();
        }
        List<ToolCallback> callbacks = options.getToolCallbacks();
        if (callbacks == null || callbacks.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> kwargs = new LinkedHashMap<>();
        List<ToolMetadata> tools = new ArrayList<>(callbacks.size());
        for (ToolCallback callback : callbacks) {
            ToolDefinition definition = callback.getToolDefinition();
            tools.add(new ToolMetadata(definition.name(), definition.description(), definition.inputSchema()));
        }
        kwargs.put(RequestKeys.TOOLS, tools);
        return kwargs;
    }
}
