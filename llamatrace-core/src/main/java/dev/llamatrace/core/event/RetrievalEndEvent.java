package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Retrieval for a query finished. */
public final class RetrievalEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final String query;

    private final List<NodeWithScore> nodes;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param query the query text
     * @param nodes the retrieved nodes, best first
     */
    public RetrievalEndEvent(String query, List<NodeWithScore> nodes) {
        super();
        this.query = query;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param query the query text
     * @param nodes the retrieved nodes, best first
     */
    public RetrievalEndEvent(@Nullable String spanId, String query, List<NodeWithScore> nodes) {
        super(spanId);
        this.query = query;
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Returns the query text.
     *
     * @return the query text
     */
    public String query() {
        return this.query;
    }

    /**
     * Returns the retrieved nodes, best first.
     *
     * @return the retrieved nodes, best first
     */
    public List<NodeWithScore> nodes() {
        return this.nodes;
    }

    @Override
    public @Nullable String outputText() {
        return ContentEvent.documentsText(this.nodes);
    }

    @Override
    public List<NodeWithScore> documents() {
        return this.nodes;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.nodes(this.nodes);
    }

    @Override
    public EventKind kind() {
        return EventKind.RETRIEVE;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
