package dev.llamatrace.core.event;

import org.jspecify.annotations.Nullable;

/** A query finished. */
public final class QueryEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final String query;

    private final @Nullable String response;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param query the query text
     * @param response the answer text, or {@code null} when there is none
     */
    public QueryEndEvent(String query, @Nullable String response) {
        super();
        this.query = query;
        this.response = response;
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param query the query text
     * @param response the answer text, or {@code null} when there is none
     */
    public QueryEndEvent(@Nullable String spanId, String query, @Nullable String response) {
        super(spanId);
        this.query = query;
        this.response = response;
    }

    /**
     * Returns the query text.
     *
     * @return the query text
     */
    public String query() {
        return this.query;
    }

    /**
     * Returns the answer text, or {@code null} when there is none.
     *
     * @return the answer text, or {@code null} when there is none
     */
    public @Nullable String response() {
        return this.response;
    }

    @Override
    public @Nullable String outputText() {
        return this.response;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.response(this.response);
    }

    @Override
    public EventKind kind() {
        return EventKind.QUERY;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
