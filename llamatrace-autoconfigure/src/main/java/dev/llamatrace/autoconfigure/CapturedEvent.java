package dev.llamatrace.autoconfigure;

import dev.llamatrace.autoconfigure.semconv.EventSemantics;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the trace-tree handler keeps of an event: its identity (id, time, span, tags, class, phase, callback type), the
 * facts the endpoint derives from it (model, span kind) and, only with content capture on, its content already cut to
 * {@code llamatrace.content-max-length}: input and output text, chat messages and documents (at most
 * {@value EventContent#MAX_ENTRIES} each). The event itself, which may hold prompts of any size, is not kept, so
 * retained spans cost at most what the endpoint can show.
 */
public final class CapturedEvent extends Event {

    private final String className;

    private final @Nullable CBEventType eventType;

    private final EventPhase phase;

    private final @Nullable ModelInfo model;

    private final @Nullable String spanKind;

    private final @Nullable String input;

    private final @Nullable String output;

    private final List<ChatMessage> inputMessages;

    private final List<ChatMessage> outputMessages;

    private final List<NodeWithScore> documents;

    private CapturedEvent(Event event, ContentCapture content) {
        super(event);
        this.className = event.className();
        this.eventType = event.eventType();
        this.phase = event.phase();
        this.model = EventSemantics.model(event);
        this.spanKind = EventSemantics.spanKind(event);
        boolean capture = content.enabled();
        this.input = capture ? content.capture(EventContent.input(event)) : null;
        this.output = capture ? content.capture(EventContent.output(event)) : null;
        this.inputMessages = capture ? messages(EventContent.inputMessages(event), content) : List.of();
        this.outputMessages = capture ? messages(EventContent.outputMessages(event), content) : List.of();
        this.documents = capture ? documents(EventContent.documents(event), content) : List.of();
    }

    /**
     * Returns what is kept of an event.
     *
     * @param event the event
     * @param content what content may be kept
     * @return the kept form; {@code event} itself when it is already one
     */
    public static Event of(Event event, ContentCapture content) {
        return (event instanceof CapturedEvent) ? event : new CapturedEvent(event, content);
    }

    @Override
    public String className() {
        return this.className;
    }

    @Override
    public @Nullable CBEventType eventType() {
        return this.eventType;
    }

    @Override
    public EventPhase phase() {
        return this.phase;
    }

    /**
     * Returns the model the event names.
     *
     * @return the model, or {@code null}
     */
    public @Nullable ModelInfo model() {
        return this.model;
    }

    /**
     * Returns the OpenInference span kind the event identifies.
     *
     * @return the kind, or {@code null}
     */
    public @Nullable String spanKind() {
        return this.spanKind;
    }

    /**
     * Returns the input text, cut; only with content capture on.
     *
     * @return the text, or {@code null}
     */
    public @Nullable String input() {
        return this.input;
    }

    /**
     * Returns the output text, cut; only with content capture on.
     *
     * @return the text, or {@code null}
     */
    public @Nullable String output() {
        return this.output;
    }

    /**
     * Returns the chat messages given, cut; only with content capture on.
     *
     * @return the list, empty when none
     */
    public List<ChatMessage> inputMessages() {
        return this.inputMessages;
    }

    /**
     * Returns the chat messages answered, cut; only with content capture on.
     *
     * @return the list, empty when none
     */
    public List<ChatMessage> outputMessages() {
        return this.outputMessages;
    }

    /**
     * Returns the documents produced, cut; only with content capture on.
     *
     * @return the list, empty when none
     */
    public List<NodeWithScore> documents() {
        return this.documents;
    }

    private static List<ChatMessage> messages(List<ChatMessage> messages, ContentCapture content) {
        return messages.stream()
                .limit(EventContent.MAX_ENTRIES)
                .map((message) -> ChatMessage.of(message.role(), content.capture(message.content())))
                .toList();
    }

    private static List<NodeWithScore> documents(List<NodeWithScore> documents, ContentCapture content) {
        return documents.stream()
                .limit(EventContent.MAX_ENTRIES)
                .map((node) -> new NodeWithScore(
                        node.id(), String.valueOf(content.capture(node.text())), node.score(), Map.of()))
                .toList();
    }
}
