package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ToolMetadata;

/** An event about one tool call: it names the tool. */
public interface ToolEvent {

    /**
     * Returns the tool called.
     *
     * @return the tool
     */
    ToolMetadata tool();
}
