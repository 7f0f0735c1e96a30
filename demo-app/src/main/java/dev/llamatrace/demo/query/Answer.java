package dev.llamatrace.demo.query;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a question.
 *
 * @param text the answer text
 * @param sources the chunks it was synthesized from, best first
 * @param traceId the id of the query's root span, which opens its trace at
 *     {@code /actuator/llamatrace/traces/{traceId}}; {@code null} when no span handler is installed
 */
public record Answer(String text, List<NodeWithScore> sources, @Nullable String traceId) {}
