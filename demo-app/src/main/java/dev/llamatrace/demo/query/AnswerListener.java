package dev.llamatrace.demo.query;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Receives a streamed answer. Methods after {@link #onSources} may run on another thread than the caller's. */
public interface AnswerListener {

    /**
     * Called once, before any chunk, with the retrieved sources and the trace id.
     *
     * @param sources the retrieved chunks, best first
     * @param traceId the id of the query's root span, or {@code null} when no span handler is installed
     */
    void onSources(List<NodeWithScore> sources, @Nullable String traceId);

    /**
     * Called for each piece of the answer, in order.
     *
     * @param text the next piece
     */
    void onChunk(String text);

    /**
     * Called once when the answer is complete, after the last chunk and after the query's spans ended.
     *
     * @param answer the whole answer
     */
    void onComplete(Answer answer);

    /**
     * Called instead of {@link #onComplete} when the answer fails.
     *
     * @param error the failure
     */
    void onError(Throwable error);
}
