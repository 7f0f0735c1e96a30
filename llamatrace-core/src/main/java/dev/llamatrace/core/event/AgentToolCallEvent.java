package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ToolMetadata;
import org.jspecify.annotations.Nullable;

/** A tool is about to be called. */
public final class AgentToolCallEvent extends Event implements ContentEvent, ToolEvent, DescribedEvent {

    private final String arguments;

    private final ToolMetadata tool;

    private final @Nullable String toolCallId;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param arguments the call arguments as JSON text
     * @param tool the tool
     */
    public AgentToolCallEvent(String arguments, ToolMetadata tool) {
        super();
        this.arguments = arguments;
        this.tool = tool;
        this.toolCallId = null;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param arguments the call arguments as JSON text
     * @param tool the tool
     */
    public AgentToolCallEvent(@Nullable String spanId, String arguments, ToolMetadata tool) {
        this(spanId, arguments, tool, null);
    }

    /**
     * Creates the event for one call the model requested, stamped with an explicit span.
     *
     * @param spanId the span the event belongs to
     * @param arguments the call arguments as JSON text
     * @param tool the tool
     * @param toolCallId the id the model gave the call, or {@code null}
     */
    public AgentToolCallEvent(
            @Nullable String spanId, String arguments, ToolMetadata tool, @Nullable String toolCallId) {
        super(spanId);
        this.arguments = arguments;
        this.tool = tool;
        this.toolCallId = toolCallId;
    }

    /**
     * Returns the call arguments as JSON text.
     *
     * @return the call arguments as JSON text
     */
    public String arguments() {
        return this.arguments;
    }

    /**
     * Returns the tool.
     *
     * @return the tool
     */
    public ToolMetadata tool() {
        return this.tool;
    }

    /**
     * Returns the id the model gave the call, which the tool result message answers.
     *
     * @return the id, or {@code null} when unknown
     */
    public @Nullable String toolCallId() {
        return this.toolCallId;
    }

    @Override
    public @Nullable String inputText() {
        return this.arguments;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.toolCall(this.tool, this.arguments);
    }

    @Override
    public EventKind kind() {
        return EventKind.FUNCTION_CALL;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
