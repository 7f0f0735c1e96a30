package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreErrorContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreListener;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreRequestContext;
import dev.langchain4j.store.embedding.listener.EmbeddingStoreResponseContext;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A LangChain4j {@link EmbeddingStoreListener} that turns searches into RETRIEVER spans named {@code retrieval} with
 * {@link RetrievalStartEvent} and {@link RetrievalEndEvent} (the matches with their scores), and writes into spans named
 * {@value #ADD} or {@value #REMOVE} without events, so ingestion shows in the trace with its duration.
 *
 * <p>Attach it with {@code store = store.addListener(listener)}, which returns a new, listening store: only calls
 * through the returned object are seen.
 */
public final class LlamaTraceEmbeddingStoreListener implements EmbeddingStoreListener {

    /** Span name of an ingestion ({@code add} or {@code addAll}). */
    public static final String ADD = "EmbeddingStore.add";

    /** Span name of a removal. */
    public static final String REMOVE = "EmbeddingStore.remove";

    private final Dispatcher dispatcher;

    /**
     * Creates the listener.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceEmbeddingStoreListener(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void onRequest(EmbeddingStoreRequestContext<?> context) {
        if (context instanceof EmbeddingStoreRequestContext.Search<?> search) {
            String query = query(search.searchRequest());
            ListenerSpans.start(
                    this.dispatcher,
                    context.attributes(),
                    this,
                    GenAiNames.RETRIEVAL,
                    TraceContext.currentSpan(),
                    false,
                    (spanId) -> new RetrievalStartEvent(spanId, query));
            return;
        }
        boolean add = context instanceof EmbeddingStoreRequestContext.Add<?>
                || context instanceof EmbeddingStoreRequestContext.AddAll<?>;
        ListenerSpans.start(
                this.dispatcher,
                context.attributes(),
                this,
                add ? ADD : REMOVE,
                TraceContext.currentSpan(),
                false,
                null);
    }

    @Override
    public void onResponse(EmbeddingStoreResponseContext<?> context) {
        if (context instanceof EmbeddingStoreResponseContext.Search<?> search) {
            List<NodeWithScore> nodes = nodes(search.searchResult().matches());
            ListenerSpans.end(
                    this.dispatcher,
                    context.attributes(),
                    this,
                    nodes.size(),
                    (spanId) -> new RetrievalEndEvent(spanId, "", nodes));
            return;
        }
        ListenerSpans.end(this.dispatcher, context.attributes(), this, null, null);
    }

    @Override
    public void onError(EmbeddingStoreErrorContext<?> context) {
        ListenerSpans.fail(this.dispatcher, context.attributes(), this, context.error());
    }

    private static String query(EmbeddingSearchRequest request) {
        // The store sees a vector, not the question; the start event names what was asked for.
        return "top " + request.maxResults() + " with score >= " + request.minScore();
    }

    private static List<NodeWithScore> nodes(List<? extends EmbeddingMatch<?>> matches) {
        List<NodeWithScore> nodes = new ArrayList<>(matches.size());
        for (EmbeddingMatch<?> match : matches) {
            Object embedded = match.embedded();
            String text = (embedded instanceof TextSegment segment)
                    ? segment.text()
                    : (embedded != null) ? embedded.toString() : "";
            Map<String, Object> metadata = (embedded instanceof TextSegment segment)
                    ? segment.metadata().toMap()
                    : Map.of();
            nodes.add(new NodeWithScore(match.embeddingId(), text, match.score(), metadata));
        }
        return nodes;
    }
}
