package dev.llamatrace.core.event;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A batch of texts was embedded into sparse vectors. */
public final class SparseEmbeddingEndEvent extends Event implements DescribedEvent {

    private final List<String> chunks;

    private final List<Map<Integer, Float>> embeddings;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param chunks the texts embedded
     * @param embeddings their sparse vectors (dimension to weight)
     */
    public SparseEmbeddingEndEvent(List<String> chunks, List<Map<Integer, Float>> embeddings) {
        super();
        this.chunks = List.copyOf(chunks);
        this.embeddings = List.copyOf(embeddings);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param chunks the texts embedded
     * @param embeddings their sparse vectors (dimension to weight)
     */
    public SparseEmbeddingEndEvent(@Nullable String spanId, List<String> chunks, List<Map<Integer, Float>> embeddings) {
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
     * Returns their sparse vectors (dimension to weight).
     *
     * @return their sparse vectors (dimension to weight)
     */
    public List<Map<Integer, Float>> embeddings() {
        return this.embeddings;
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
