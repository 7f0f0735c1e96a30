package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Re-ranking of retrieved nodes started. */
public final class ReRankStartEvent extends Event implements ContentEvent, DescribedEvent {

    private final @Nullable String query;

    private final List<NodeWithScore> nodes;

    private final int topN;

    private final String modelName;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param query the query text, or {@code null}
     * @param nodes the nodes to re-rank
     * @param topN how many nodes to keep
     * @param modelName the re-ranking model
     */
    public ReRankStartEvent(@Nullable String query, List<NodeWithScore> nodes, int topN, String modelName) {
        super();
        this.query = query;
        this.nodes = List.copyOf(nodes);
        this.topN = topN;
        this.modelName = modelName;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param query the query text, or {@code null}
     * @param nodes the nodes to re-rank
     * @param topN how many nodes to keep
     * @param modelName the re-ranking model
     */
    public ReRankStartEvent(
            @Nullable String spanId, @Nullable String query, List<NodeWithScore> nodes, int topN, String modelName) {
        super(spanId);
        this.query = query;
        this.nodes = List.copyOf(nodes);
        this.topN = topN;
        this.modelName = modelName;
    }

    /**
     * Returns the query text, or {@code null}.
     *
     * @return the query text, or {@code null}
     */
    public @Nullable String query() {
        return this.query;
    }

    /**
     * Returns the nodes to re-rank.
     *
     * @return the nodes to re-rank
     */
    public List<NodeWithScore> nodes() {
        return this.nodes;
    }

    /**
     * Returns how many nodes to keep.
     *
     * @return how many nodes to keep
     */
    public int topN() {
        return this.topN;
    }

    /**
     * Returns the re-ranking model.
     *
     * @return the re-ranking model
     */
    public String modelName() {
        return this.modelName;
    }

    @Override
    public @Nullable String inputText() {
        return this.query;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.nodes(this.nodes);
        fields.reranking(this.modelName, this.topN);
        fields.query(this.query);
    }

    @Override
    public EventKind kind() {
        return EventKind.RERANKING;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
