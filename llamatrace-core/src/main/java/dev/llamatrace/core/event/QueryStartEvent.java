package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A query started. */
public final class QueryStartEvent extends Event implements ContentEvent, DescribedEvent {

    private final String query;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param query the query text
     */
    public QueryStartEvent(String query) {
        super();
        this.query = query;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param query the query text
     */
    public QueryStartEvent(@Nullable String spanId, String query) {
        super(spanId);
        this.query = query;
    }

    /**
     * Returns the query text.
     *
     * @return the query text
     */
    public String query() {
        return this.query;
    }

    @Override
    public @Nullable String inputText() {
        return this.query;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.query(this.query);
    }

    @Override
    public EventKind kind() {
        return EventKind.QUERY;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
