package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ModelInfo;
import org.jspecify.annotations.Nullable;

/** A batch of texts is about to be embedded. */
public final class EmbeddingStartEvent extends Event implements ModelEvent, DescribedEvent {

    private final ModelInfo model;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param model the embedding model
     */
    public EmbeddingStartEvent(ModelInfo model) {
        super();
        this.model = model;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param model the embedding model
     */
    public EmbeddingStartEvent(@Nullable String spanId, ModelInfo model) {
        super(spanId);
        this.model = model;
    }

    /**
     * Returns the embedding model.
     *
     * @return the embedding model
     */
    public ModelInfo model() {
        return this.model;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.model(this.model);
    }

    @Override
    public EventKind kind() {
        return EventKind.EMBEDDING;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
