package dev.llamatrace.core.span;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A span as a span handler keeps it: id, parent id and tags. Subclass it to hold whatever your handler records.
 */
public class Span {

    private final String id;

    private final @Nullable String parentId;

    private final Map<String, Object> tags;

    /**
     * Creates a span.
     *
     * @param id the span id
     * @param parentId the parent span id, or {@code null} for a root
     * @param tags the tags active when the span started
     */
    public Span(String id, @Nullable String parentId, Map<String, Object> tags) {
        this.id = id;
        this.parentId = parentId;
        this.tags = Map.copyOf(tags);
    }

    /**
     * Returns the span id.
     *
     * @return the id
     */
    public String id() {
        return this.id;
    }

    /**
     * Returns the parent span id.
     *
     * @return the parent id, or {@code null} for a root span
     */
    public @Nullable String parentId() {
        return this.parentId;
    }

    /**
     * Returns the tags the span started with.
     *
     * @return an unmodifiable map
     */
    public Map<String, Object> tags() {
        return this.tags;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + this.id + ", parentId=" + this.parentId + "]";
    }
}
