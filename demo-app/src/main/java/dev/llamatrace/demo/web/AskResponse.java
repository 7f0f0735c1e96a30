package dev.llamatrace.demo.web;

import dev.llamatrace.core.conversation.Conversation;
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
 * @param conversationId the conversation the question was asked in, if one was given; its traces are at
 *     {@code /actuator/llamatrace/traces?conversation={conversationId}}
 * @param userId the user the question was asked for, if the request named one
 */
record AskResponse(
        String answer,
        List<Source> sources,
        @Nullable String traceId,
        @Nullable String conversationId,
        @Nullable String userId) {

    static AskResponse of(Answer answer, @Nullable Conversation conversation) {
        return new AskResponse(
                answer.text(),
                Source.of(answer.sources()),
                answer.traceId(),
                (conversation != null) ? conversation.id() : null,
                (conversation != null) ? conversation.userId() : null);
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
