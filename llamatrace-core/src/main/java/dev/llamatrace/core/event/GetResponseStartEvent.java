package dev.llamatrace.core.event;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A response synthesizer is about to answer from text chunks (inside synthesis). */
public final class GetResponseStartEvent extends Event implements ContentEvent {

    private final String queryText;

    private final List<String> textChunks;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param queryText the query text
     * @param textChunks the chunks given to the synthesizer
     */
    public GetResponseStartEvent(String queryText, List<String> textChunks) {
        super();
        this.queryText = queryText;
        this.textChunks = List.copyOf(textChunks);
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param queryText the query text
     * @param textChunks the chunks given to the synthesizer
     */
    public GetResponseStartEvent(@Nullable String spanId, String queryText, List<String> textChunks) {
        super(spanId);
        this.queryText = queryText;
        this.textChunks = List.copyOf(textChunks);
    }

    /**
     * Returns the query text.
     *
     * @return the query text
     */
    public String queryText() {
        return this.queryText;
    }

    /**
     * Returns the chunks given to the synthesizer.
     *
     * @return the chunks given to the synthesizer
     */
    public List<String> textChunks() {
        return this.textChunks;
    }

    @Override
    public @Nullable String inputText() {
        return this.queryText;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.START;
    }
}
