package dev.llamatrace.demo.extension;

import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;

/**
 * A custom event: how well the context retrieved for a question matches it. The query engine dispatches it after
 * retrieval, inside the query's span, like any built-in event; {@link GroundingHandler} turns it into meters and a log
 * line.
 */
public final class GroundingEvent extends Event {

    private final String question;

    private final List<String> sourceIds;

    private final double topScore;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param question the question
     * @param sources the retrieved chunks, best first
     */
    public GroundingEvent(String question, List<NodeWithScore> sources) {
        this.question = question;
        this.sourceIds = sources.stream().map(NodeWithScore::id).toList();
        this.topScore = sources.isEmpty() || sources.get(0).score() == null
                ? 0.0
                : sources.get(0).score();
    }

    /**
     * Returns the question.
     *
     * @return the question
     */
    public String question() {
        return this.question;
    }

    /**
     * Returns the ids of the retrieved chunks, best first.
     *
     * @return the chunk ids
     */
    public List<String> sourceIds() {
        return this.sourceIds;
    }

    /**
     * Returns the similarity of the best chunk to the question.
     *
     * @return the cosine similarity, 0 when nothing was retrieved
     */
    public double topScore() {
        return this.topScore;
    }
}
