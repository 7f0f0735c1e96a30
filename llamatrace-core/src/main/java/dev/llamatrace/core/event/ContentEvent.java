package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * An event that carries content: what an operation was given, what it produced, and the structured forms some
 * consumers render (chat messages, retrieved documents, embedded texts). Consumers read content only through this
 * interface, so a new event with content is one file; every method has a default, so implement only what applies.
 * Content is application data: consumers show it only when content capture is configured.
 */
public interface ContentEvent {

    /**
     * Returns what the operation was given, as text.
     *
     * @return the input, or {@code null} when the event carries none
     */
    default @Nullable String inputText() {
        return null;
    }

    /**
     * Returns what the operation produced, as text.
     *
     * @return the output, or {@code null} when the event carries none
     */
    default @Nullable String outputText() {
        return null;
    }

    /**
     * Returns the chat messages the operation was given.
     *
     * @return the messages, empty when none
     */
    default List<ChatMessage> inputMessages() {
        return List.of();
    }

    /**
     * Returns the chat messages the operation answered with.
     *
     * @return the messages, empty when none
     */
    default List<ChatMessage> outputMessages() {
        return List.of();
    }

    /**
     * Returns the documents the operation produced, with their scores.
     *
     * @return the documents, empty when none
     */
    default List<NodeWithScore> documents() {
        return List.of();
    }

    /**
     * Returns the texts the operation embedded.
     *
     * @return the texts, empty when none
     */
    default List<String> embeddedTexts() {
        return List.of();
    }

    /**
     * Renders chat messages as text, one per line.
     *
     * @param messages the messages
     * @return the text
     */
    static String messagesText(List<ChatMessage> messages) {
        return messages.stream().map(ChatMessage::toString).collect(Collectors.joining("\n"));
    }

    /**
     * Renders documents as text, separated by blank lines.
     *
     * @param nodes the documents
     * @return the text
     */
    static String documentsText(List<NodeWithScore> nodes) {
        return nodes.stream().map(NodeWithScore::text).collect(Collectors.joining("\n\n"));
    }
}
