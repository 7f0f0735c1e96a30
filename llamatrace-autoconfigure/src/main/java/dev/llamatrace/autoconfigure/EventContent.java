package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.event.ContentEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The content any event carries, as its {@link ContentEvent} declares it, for the endpoint and the exported spans; an
 * event that is no {@link ContentEvent} carries none. Callers pass the result through {@link ContentCapture}, which
 * decides whether it is shown at all; call these methods only when capture is on, since rendering costs.
 */
public final class EventContent {

    /** Entries kept per list of messages or documents; a long conversation or document list keeps its first ones. */
    public static final int MAX_ENTRIES = 32;

    private EventContent() {}

    /**
     * Returns the chat messages an operation was given.
     *
     * @param event an event
     * @return the messages, empty when the event carries none
     */
    public static List<ChatMessage> inputMessages(Event event) {
        return (event instanceof ContentEvent content) ? content.inputMessages() : List.of();
    }

    /**
     * Returns the chat messages an operation answered with.
     *
     * @param event an event
     * @return the messages, empty when the event carries none
     */
    public static List<ChatMessage> outputMessages(Event event) {
        return (event instanceof ContentEvent content) ? content.outputMessages() : List.of();
    }

    /**
     * Returns the documents an operation produced, with their scores.
     *
     * @param event an event
     * @return the documents, empty when the event carries none
     */
    public static List<NodeWithScore> documents(Event event) {
        return (event instanceof ContentEvent content) ? content.documents() : List.of();
    }

    /**
     * Returns the texts an operation embedded.
     *
     * @param event an event
     * @return the texts, empty when the event carries none
     */
    public static List<String> embeddedTexts(Event event) {
        return (event instanceof ContentEvent content) ? content.embeddedTexts() : List.of();
    }

    /**
     * Returns what an operation was given, as text.
     *
     * @param event an event
     * @return the input, or {@code null} when the event carries none
     */
    public static @Nullable String input(Event event) {
        return (event instanceof ContentEvent content) ? content.inputText() : null;
    }

    /**
     * Returns what an operation produced, as text.
     *
     * @param event an event
     * @return the output, or {@code null} when the event carries none
     */
    public static @Nullable String output(Event event) {
        return (event instanceof ContentEvent content) ? content.outputText() : null;
    }
}
