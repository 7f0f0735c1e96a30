package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.ContentMetadata;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverErrorContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverListener;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverRequestContext;
import dev.langchain4j.rag.content.retriever.listener.ContentRetrieverResponseContext;
import dev.langchain4j.rag.query.Query;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A LangChain4j {@link ContentRetrieverListener} that turns retrievals into RETRIEVER spans named {@code retrieval}
 * with {@link RetrievalStartEvent} and {@link RetrievalEndEvent} (contents with their scores). The span is active
 * while the retriever runs, so the embedding call it makes nests under it.
 *
 * <p>Attach it with {@code retriever = retriever.addListener(listener)}, which returns a new, listening retriever:
 * only calls through the returned object are seen.
 */
public final class LlamaTraceContentRetrieverListener implements ContentRetrieverListener {

    private final Dispatcher dispatcher;

    /**
     * Creates the listener.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceContentRetrieverListener(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void onRequest(ContentRetrieverRequestContext context) {
        String query = text(context.query());
        ListenerSpans.start(
                this.dispatcher,
                context.attributes(),
                this,
                GenAiNames.RETRIEVAL,
                TraceContext.currentSpan(),
                true,
                (spanId) -> new RetrievalStartEvent(spanId, query));
    }

    @Override
    public void onResponse(ContentRetrieverResponseContext context) {
        List<Content> contents = context.contents();
        ListenerSpans.end(
                this.dispatcher,
                context.attributes(),
                this,
                contents.size(),
                (spanId) -> new RetrievalEndEvent(spanId, text(context.query()), nodes(contents)));
    }

    @Override
    public void onError(ContentRetrieverErrorContext context) {
        ListenerSpans.fail(this.dispatcher, context.attributes(), this, context.error());
    }

    private static String text(@Nullable Query query) {
        return (query != null && query.text() != null) ? query.text() : "";
    }

    private static List<NodeWithScore> nodes(List<Content> contents) {
        List<NodeWithScore> nodes = new ArrayList<>(contents.size());
        for (int i = 0; i < contents.size(); i++) {
            Content content = contents.get(i);
            Object id = content.metadata().get(ContentMetadata.EMBEDDING_ID);
            Object score = content.metadata().get(ContentMetadata.SCORE);
            nodes.add(new NodeWithScore(
                    (id != null) ? id.toString() : "content-" + i,
                    content.textSegment().text(),
                    (score instanceof Number number) ? number.doubleValue() : null,
                    content.textSegment().metadata().toMap()));
        }
        return nodes;
    }
}
