package dev.llamatrace.demo.web;

import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.query.Answer;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body answering {@code POST /api/ask}, and the final event of {@code GET /api/ask/stream}.
 *
 * @param answer the answer text
 * @param sources the guide chunks the answer comes from, best first
 * @param traceId opens the trace at {@code /actuator/llamatrace/traces/{traceId}}
 */
record AskResponse(String answer, List<Source> sources, @Nullable String traceId) {

    static AskResponse of(Answer answer) {
        return new AskResponse(answer.text(), Source.of(answer.sources()), answer.traceId());
    }

    /**
     * A source of an answer.
     *
     * @param id the chunk id, {@code <page>#<n>}
     * @param score its cosine similarity to the question
     */
    record Source(String id, double score) {

        static List<Source> of(List<NodeWithScore> nodes) {
            return nodes.stream()
                    .map((node) -> new Source(node.id(), (node.score() != null) ? node.score() : 0.0))
                    .toList();
        }
    }
}
