package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ToolMetadata;
import org.jspecify.annotations.Nullable;

/** A tool call returned (llamatrace addition: upstream reports only the call). */
public final class ToolCallResultEvent extends Event implements ContentEvent, ToolEvent, DescribedEvent {

    private final ToolMetadata tool;

    private final @Nullable String result;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param tool the tool
     * @param result the tool's result as text, or {@code null}
     */
    public ToolCallResultEvent(ToolMetadata tool, @Nullable String result) {
        super();
        this.tool = tool;
        this.result = result;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param tool the tool
     * @param result the tool's result as text, or {@code null}
     */
    public ToolCallResultEvent(@Nullable String spanId, ToolMetadata tool, @Nullable String result) {
        super(spanId);
        this.tool = tool;
        this.result = result;
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
     * Returns the tool's result as text, or {@code null}.
     *
     * @return the tool's result as text, or {@code null}
     */
    public @Nullable String result() {
        return this.result;
    }

    @Override
    public @Nullable String outputText() {
        return this.result;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.toolResult(this.tool, this.result);
    }

    @Override
    public EventKind kind() {
        return EventKind.FUNCTION_CALL;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
