package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.document.Document;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.observation.VectorStoreObservationContext;

/**
 * Turns Spring AI vector store observations into spans. A query becomes a RETRIEVER span named
 * {@code retrieval <db system>} with {@link RetrievalStartEvent} and {@link RetrievalEndEvent} (documents with their
 * scores); writes become spans named {@code VectorStore.add} or {@code VectorStore.delete} without events, so that the
 * embedding calls they make have a parent.
 */
public final class VectorStoreObservationHandler extends SpanObservationHandler<VectorStoreObservationContext> {

    private static final String QUERY = VectorStoreObservationContext.Operation.QUERY.value();

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public VectorStoreObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, VectorStoreObservationContext.class);
    }

    @Override
    String spanName(VectorStoreObservationContext context) {
        if (isQuery(context)) {
            return GenAiNames.spanName(GenAiNames.RETRIEVAL, context.getDatabaseSystem());
        }
        return "VectorStore." + context.getOperationName();
    }

    @Override
    void started(VectorStoreObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        if (isQuery(context)) {
            dispatcher.event(() -> new RetrievalStartEvent(spanId, query(context)));
        }
    }

    @Override
    void stopped(VectorStoreObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        if (isQuery(context)) {
            dispatcher.event(() -> new RetrievalEndEvent(spanId, query(context), nodes(context.getQueryResponse())));
        }
    }

    private static boolean isQuery(VectorStoreObservationContext context) {
        return QUERY.equals(context.getOperationName());
    }

    private static String query(VectorStoreObservationContext context) {
        SearchRequest request = context.getQueryRequest();
        return (request != null) ? request.getQuery() : "";
    }

    private static List<NodeWithScore> nodes(@Nullable List<Document> documents) {
        if (documents == null) {
            return List.of();
        }
        List<NodeWithScore> nodes = new ArrayList<>(documents.size());
        for (Document document : documents) {
            String text = document.getText();
            nodes.add(new NodeWithScore(
                    document.getId(), (text != null) ? text : "", document.getScore(), document.getMetadata()));
        }
        return nodes;
    }
}
