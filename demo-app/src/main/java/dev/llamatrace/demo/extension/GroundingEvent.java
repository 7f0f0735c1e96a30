package dev.llamatrace.demo.extension;

import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.Objects;

/**
 * A custom event: how well the context retrieved for a question matches it, as an evaluation result (llamatrace's
 * {@link EvaluationEvent}): evaluation {@value #NAME}, the best chunk's similarity as score, {@value #GROUNDED} or
 * {@value #WEAK} as label. The query engine dispatches it after retrieval, inside the query's span, like any built-in
 * event, so llamatrace exports it as a {@code gen_ai.evaluation.result} span event, lists it with the trace and
 * records it in {@code llamatrace.evaluation.score}; {@link GroundingHandler} adds the demo's own meters and a log line.
 */
public final class GroundingEvent extends EvaluationEvent {

    /** The evaluation's name. */
    public static final String NAME = "grounding";

    /** Below this best-chunk similarity an answer is considered weakly grounded in the guide. */
    public static final double WEAK_GROUNDING = 0.35;

    /** The label of an answer whose best chunk scored at least {@value #WEAK_GROUNDING}. */
    public static final String GROUNDED = "grounded";

    /** The label of an answer whose best chunk scored below {@value #WEAK_GROUNDING}. */
    public static final String WEAK = "weak";

    private final String question;

    private final List<String> sourceIds;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param question the question
     * @param sources the retrieved chunks, best first
     */
    public GroundingEvent(String question, List<NodeWithScore> sources) {
        super(NAME, topScore(sources), label(topScore(sources)), explanation(sources), null);
        this.question = question;
        this.sourceIds = sources.stream().map(NodeWithScore::id).toList();
    }

    private static double topScore(List<NodeWithScore> sources) {
        Double score = sources.isEmpty() ? null : sources.get(0).score();
        return (score != null) ? score : 0.0;
    }

    private static String label(double topScore) {
        return (topScore < WEAK_GROUNDING) ? WEAK : GROUNDED;
    }

    private static String explanation(List<NodeWithScore> sources) {
        return sources.isEmpty()
                ? "nothing retrieved"
                : "best source " + sources.get(0).id();
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
     * Returns the similarity of the best chunk to the question: the score.
     *
     * @return the cosine similarity, 0 when nothing was retrieved
     */
    public double topScore() {
        return Objects.requireNonNull(score());
    }

    /**
     * Returns whether the answer is weakly grounded.
     *
     * @return {@code true} when the best chunk scored below {@value #WEAK_GROUNDING}
     */
    public boolean weak() {
        return WEAK.equals(label());
    }
}
