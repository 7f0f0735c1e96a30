package dev.llamatrace.core.llm;

import dev.llamatrace.core.internal.FrozenMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A retrieved piece of text and how well it matched.
 *
 * @param id the node (chunk) id
 * @param text its text
 * @param score the similarity score, or {@code null} when the retriever gives none
 * @param metadata source metadata
 */
public record NodeWithScore(String id, String text, @Nullable Double score, Map<String, Object> metadata) {

    /**
     * Creates a node, copying the metadata.
     *
     * @param id the node id
     * @param text its text
     * @param score the score
     * @param metadata source metadata
     */
    public NodeWithScore {
        metadata = FrozenMap.copyOf(metadata);
    }

    /**
     * Creates a node without metadata.
     *
     * @param id the node id
     * @param text its text
     * @param score the score
     * @return the node
     */
    public static NodeWithScore of(String id, String text, @Nullable Double score) {
        return new NodeWithScore(id, text, score, Map.of());
    }
}
