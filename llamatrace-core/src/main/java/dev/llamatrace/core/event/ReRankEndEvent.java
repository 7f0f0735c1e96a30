package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Re-ranking finished. */
public final class ReRankEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final List<NodeWithScore> nodes;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param nodes the re-ranked nodes, best first
     */
    public ReRankEndEvent(List<NodeWithScore> nodes) {
        super();
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param nodes the re-ranked nodes, best first
     */
    public ReRankEndEvent(@Nullable String spanId, List<NodeWithScore> nodes) {
        super(spanId);
        this.nodes = List.copyOf(nodes);
    }

    /**
     * Returns the re-ranked nodes, best first.
     *
     * @return the re-ranked nodes, best first
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
        return EventKind.RERANKING;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
