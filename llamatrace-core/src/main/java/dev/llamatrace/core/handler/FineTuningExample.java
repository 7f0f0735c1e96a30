package dev.llamatrace.core.handler;

import dev.llamatrace.core.llm.ChatMessage;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One recorded LLM call for fine-tuning.
 *
 * @param eventId the call's event id
 * @param messages the input messages
 * @param response the assistant's answer, or {@code null} while the call has not ended
 * @param tools the tool definitions offered, as given in the start's additional kwargs, or {@code null}
 * @param functions the legacy function definitions offered, or {@code null}
 */
public record FineTuningExample(
        String eventId,
        List<ChatMessage> messages,
        @Nullable ChatMessage response,
        @Nullable Object tools,
        @Nullable Object functions) {

    /**
     * Creates an example, copying the messages.
     *
     * @param eventId the event id
     * @param messages the input messages
     * @param response the answer
     * @param tools the tool definitions
     * @param functions the function definitions
     */
    public FineTuningExample {
        messages = List.copyOf(messages);
    }
}
