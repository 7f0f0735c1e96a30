package dev.llamatrace.core.event;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A batch of texts was embedded. */
public final class EmbeddingEndEvent extends Event implements ContentEvent, DescribedEvent {

    private final List<String> chunks;

    private final List<float[]> embeddings;

    private final Map<String, Object> usage;

    /**
     * Creates the event, stamped with the active span.
     *
     * @param chunks the texts embedded
     * @param embeddings their vectors, in the same order
     */
    public EmbeddingEndEvent(List<String> chunks, List<float[]> embeddings) {
        super();
        this.chunks = List.copyOf(chunks);
        this.embeddings = List.copyOf(embeddings);
        this.usage = Map.of();
    }

    /**
     * Creates the event, stamped with an explicit span, e.g. a streamed call finishing on another thread.
     *
     * @param spanId the span the event belongs to
     * @param chunks the texts embedded
     * @param embeddings their vectors, in the same order
     */
    public EmbeddingEndEvent(@Nullable String spanId, List<String> chunks, List<float[]> embeddings) {
        this(spanId, chunks, embeddings, Map.of());
    }

    /**
     * Creates the event with the usage the provider reported, stamped with an explicit span. Token counting then
     * counts the call once, with the provider's (billable) count, instead of tokenizing each text.
     *
     * @param spanId the span the event belongs to
     * @param chunks the texts embedded
     * @param embeddings their vectors, in the same order
     * @param usage the provider's usage, keyed as {@link dev.llamatrace.core.llm.UsageKeys} lists (e.g.
     *     {@code {"prompt_tokens": 6, "total_tokens": 6}}); empty when it reported none
     */
    public EmbeddingEndEvent(
            @Nullable String spanId, List<String> chunks, List<float[]> embeddings, Map<String, Object> usage) {
        super(spanId);
        this.chunks = List.copyOf(chunks);
        this.embeddings = List.copyOf(embeddings);
        this.usage = Map.copyOf(usage);
    }

    /**
     * Returns the texts embedded.
     *
     * @return the texts embedded
     */
    public List<String> chunks() {
        return this.chunks;
    }

    /**
     * Returns their vectors, in the same order.
     *
     * @return their vectors, in the same order
     */
    public List<float[]> embeddings() {
        return this.embeddings;
    }

    /**
     * Returns the usage the provider reported.
     *
     * @return the usage map, empty when none was reported
     */
    public Map<String, Object> usage() {
        return this.usage;
    }

    @Override
    public @Nullable String inputText() {
        // The texts embedded are the input of an embedding call; they arrive with its end.
        return String.join("\n", this.chunks);
    }

    @Override
    public List<String> embeddedTexts() {
        return this.chunks;
    }

    @Override
    public void describeTo(EventFields fields) {
        fields.embeddings(this.chunks, this.embeddings);
        if (!this.usage.isEmpty()) {
            fields.usage(this.usage);
        }
    }

    @Override
    public EventKind kind() {
        return EventKind.EMBEDDING;
    }

    @Override
    public EventPhase phase() {
        return EventPhase.END;
    }
}
