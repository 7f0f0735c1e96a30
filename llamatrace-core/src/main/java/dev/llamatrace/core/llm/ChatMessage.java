package dev.llamatrace.core.llm;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One message of a chat.
 *
 * @param role who wrote it
 * @param content its text, or {@code null} (e.g. an assistant message holding only tool calls)
 * @param toolCalls tool calls the model requested in this message
 * @param toolCallId for a {@link ChatRole#TOOL} message, the call it answers
 * @param name an optional participant or function name
 */
public record ChatMessage(
        ChatRole role,
        @Nullable String content,
        List<ToolCall> toolCalls,
        @Nullable String toolCallId,
        @Nullable String name) {

    /**
     * Creates a message, copying the tool calls.
     *
     * @param role who wrote it
     * @param content its text
     * @param toolCalls requested tool calls
     * @param toolCallId the call a tool message answers
     * @param name an optional name
     */
    public ChatMessage {
        toolCalls = List.copyOf(toolCalls);
    }

    /**
     * Creates a message with only a role and text.
     *
     * @param role who wrote it
     * @param content its text
     * @return the message
     */
    public static ChatMessage of(ChatRole role, @Nullable String content) {
        return new ChatMessage(role, content, List.of(), null, null);
    }

    /**
     * Creates a system message.
     *
     * @param content the instructions
     * @return the message
     */
    public static ChatMessage system(String content) {
        return of(ChatRole.SYSTEM, content);
    }

    /**
     * Creates a user message.
     *
     * @param content the text
     * @return the message
     */
    public static ChatMessage user(String content) {
        return of(ChatRole.USER, content);
    }

    /**
     * Creates an assistant message.
     *
     * @param content the text
     * @return the message
     */
    public static ChatMessage assistant(@Nullable String content) {
        return of(ChatRole.ASSISTANT, content);
    }

    /**
     * Creates a tool-result message.
     *
     * @param toolCallId the call it answers
     * @param content the tool's result
     * @return the message
     */
    public static ChatMessage tool(String toolCallId, String content) {
        return new ChatMessage(ChatRole.TOOL, content, List.of(), toolCallId, null);
    }

    /** Renders the message as {@code role: content}, the text token counting estimates from. */
    @Override
    public String toString() {
        return this.role.value() + ": " + ((this.content != null) ? this.content : "");
    }
}
