package dev.llamatrace.core.span;

import dev.llamatrace.core.conversation.Conversation;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A span as a span handler keeps it: id, parent id, tags and conversation. Subclass it to hold whatever your handler records.
 */
public class Span {

    private final String id;

    private final @Nullable String parentId;

    private final Map<String, Object> tags;

    private final @Nullable Conversation conversation;

    /**
     * Creates a span standing for an entered one: its id, parent id, tags and conversation.
     *
     * @param invocation the span as the dispatcher entered it
     */
    public Span(SpanInvocation invocation) {
        this(invocation.id(), invocation.parentId(), invocation.tags(), invocation.conversation());
    }

    /**
     * Creates a span.
     *
     * @param id the span id
     * @param parentId the parent span id, or {@code null} for a root
     * @param tags the tags active when the span started
     */
    public Span(String id, @Nullable String parentId, Map<String, Object> tags) {
        this(id, parentId, tags, null);
    }

    /**
     * Creates a span in a conversation.
     *
     * @param id the span id
     * @param parentId the parent span id, or {@code null} for a root
     * @param tags the tags active when the span started
     * @param conversation the conversation it belongs to, or {@code null}
     */
    public Span(String id, @Nullable String parentId, Map<String, Object> tags, @Nullable Conversation conversation) {
        this.id = id;
        this.parentId = parentId;
        this.tags = Map.copyOf(tags);
        this.conversation = conversation;
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

    /**
     * Returns the conversation (session) and user the span belongs to.
     *
     * @return the conversation, or {@code null} when none was set
     */
    public @Nullable Conversation conversation() {
        return this.conversation;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[id=" + this.id + ", parentId=" + this.parentId + "]";
    }
}
