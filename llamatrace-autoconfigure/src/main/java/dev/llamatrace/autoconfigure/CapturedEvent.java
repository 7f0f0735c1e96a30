package dev.llamatrace.autoconfigure;

import dev.llamatrace.core.event.ContentEvent;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.event.EventPhase;
import dev.llamatrace.core.event.ModelEvent;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the trace-tree handler keeps of an event: its identity (id, time, span, tags, class, kind, phase), its model
 * when it names one, and, only with content capture on, its content already cut to
 * {@code llamatrace.content-max-length}: input and output text, chat messages, documents and embedded texts (at most
 * {@value EventContent#MAX_ENTRIES} each). The event itself, which may hold prompts of any size, is not kept, so
 * retained spans cost at most what the endpoint can show.
 */
public class CapturedEvent extends Event implements ContentEvent {

    private final String className;

    private final @Nullable EventKind kind;

    private final EventPhase phase;

    private final @Nullable String input;

    private final @Nullable String output;

    private final List<ChatMessage> inputMessages;

    private final List<ChatMessage> outputMessages;

    private final List<NodeWithScore> documents;

    private final List<String> embeddedTexts;

    CapturedEvent(Event event, ContentCapture content) {
        super(event);
        this.className = event.className();
        this.kind = event.kind();
        this.phase = event.phase();
        boolean capture = content.enabled();
        this.input = capture ? content.capture(EventContent.input(event)) : null;
        this.output = capture ? content.capture(EventContent.output(event)) : null;
        this.inputMessages = capture ? messages(EventContent.inputMessages(event), content) : List.of();
        this.outputMessages = capture ? messages(EventContent.outputMessages(event), content) : List.of();
        this.documents = capture ? documents(EventContent.documents(event), content) : List.of();
        this.embeddedTexts = capture
                ? EventContent.embeddedTexts(event).stream()
                        .limit(EventContent.MAX_ENTRIES)
                        .map((text) -> String.valueOf(content.capture(text)))
                        .toList()
                : List.of();
    }

    /**
     * Returns what is kept of an event.
     *
     * @param event the event
     * @param content what content may be kept
     * @return the kept form; {@code event} itself when it is already one
     */
    public static Event of(Event event, ContentCapture content) {
        if (event instanceof CapturedEvent) {
            return event;
        }
        if (event instanceof EvaluationEvent evaluation) {
            // Consumers recognize a result by its type (the endpoint lists it with the trace); its explanation is
            // content.
            return evaluation.kept(content.capture(evaluation.explanation()));
        }
        if (event instanceof TokenCountingEvent count) {
            // Consumers recognize a count by its type (the endpoint shows it as the span's tokens); keep it one.
            return count.kept(content.limit());
        }
        return (event instanceof ModelEvent model)
                ? new WithModel(event, content, model.model(), model.textCompletion())
                : new CapturedEvent(event, content);
    }

    @Override
    public String className() {
        return this.className;
    }

    @Override
    public @Nullable EventKind kind() {
        return this.kind;
    }

    @Override
    public EventPhase phase() {
        return this.phase;
    }

    @Override
    public @Nullable String inputText() {
        return this.input;
    }

    @Override
    public @Nullable String outputText() {
        return this.output;
    }

    @Override
    public List<ChatMessage> inputMessages() {
        return this.inputMessages;
    }

    @Override
    public List<ChatMessage> outputMessages() {
        return this.outputMessages;
    }

    @Override
    public List<NodeWithScore> documents() {
        return this.documents;
    }

    @Override
    public List<String> embeddedTexts() {
        return this.embeddedTexts;
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

    /** The kept form of an event that names its model. */
    static final class WithModel extends CapturedEvent implements ModelEvent {

        private final ModelInfo model;

        private final boolean textCompletion;

        WithModel(Event event, ContentCapture content, ModelInfo model, boolean textCompletion) {
            super(event, content);
            this.model = model;
            this.textCompletion = textCompletion;
        }

        @Override
        public ModelInfo model() {
            return this.model;
        }

        @Override
        public boolean textCompletion() {
            return this.textCompletion;
        }
    }
}
