package dev.llamatrace.core.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A batch of texts was embedded. */
public final class EmbeddingEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final List<String> chunks;

    private final List<float[]> embeddings;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param chunks the texts embedded
     * @param embeddings their vectors, in the same order
     */
    public EmbeddingEndEvent(List<String> chunks, List<float[]> embeddings) {
        super();
        this.chunks = List.copyOf(chunks);
        this.embeddings = List.copyOf(embeddings);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param chunks the texts embedded
     * @param embeddings their vectors, in the same order
     */
    public EmbeddingEndEvent(@Nullable String spanId, List<String> chunks, List<float[]> embeddings) {
        super(spanId);
        this.chunks = List.copyOf(chunks);
        this.embeddings = List.copyOf(embeddings);
    }

    /**
     * Returns the texts embedded.
     *
     * @return the texts embedded
     */
    public List<String> chunks() {
        return this.chunks;
    }

    /**
     * Returns their vectors, in the same order.
     *
     * @return their vectors, in the same order
     */
    public List<float[]> embeddings() {
        return this.embeddings;
    }

    @Override
    public @Nullable String inputText() {
        // The texts embedded are the input of an embedding call; they arrive with its end.
        return String.join("\n", this.chunks);
    }

    @Override
    public List<String> embeddedTexts() {
        return this.chunks;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.embeddings(this.chunks, this.embeddings);
    }

    @Override
    public EventKind kind() {
        return EventKind.EMBEDDING;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
