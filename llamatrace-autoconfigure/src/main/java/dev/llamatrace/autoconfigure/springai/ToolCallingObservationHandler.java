package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.AgentToolCallEvent;
import dev.llamatrace.core.event.ToolCallResultEvent;
import dev.llamatrace.core.llm.ToolMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.observation.ToolCallingObservationContext;

/**
 * Turns Spring AI tool-call observations into TOOL spans named {@code execute_tool <tool>} with
 * {@link AgentToolCallEvent} (the arguments) and {@link ToolCallResultEvent} (the result).
 */
public final class ToolCallingObservationHandler extends SpanObservationHandler<ToolCallingObservationContext> {

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public ToolCallingObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, ToolCallingObservationContext.class);
    }

    @Override
    String spanName(ToolCallingObservationContext context) {
        return GenAiNames.spanName(
                GenAiNames.EXECUTE_TOOL, context.getToolDefinition().name());
    }

    @Override
    void started(ToolCallingObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(() ->
                new AgentToolCallEvent(spanId, context.getToolCallArguments(), tool(context), context.getToolCallId()));
    }

    @Override
    void stopped(ToolCallingObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(() -> new ToolCallResultEvent(spanId, tool(context), context.getToolCallResult()));
    }

    @Override
    @Nullable
    Object result(ToolCallingObservationContext context) {
        return context.getToolCallResult();
    }

    private static ToolMetadata tool(ToolCallingObservationContext context) {
        ToolDefinition definition = context.getToolDefinition();
        return new ToolMetadata(definition.name(), definition.description(), definition.inputSchema());
    }
}
