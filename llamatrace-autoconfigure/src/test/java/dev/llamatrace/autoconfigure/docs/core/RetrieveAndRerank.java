package dev.llamatrace.autoconfigure.docs.core;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.SpanScope;
import java.util.Comparator;
import java.util.List;

class RetrieveAndRerank {

    private final Dispatcher dispatcher;

    RetrieveAndRerank(Dispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    List<String> run(String query) {
        // a callable body; its checked exception type is kept
        List<String> nodes = this.dispatcher.span("Retriever.retrieve", () -> retrieve(query));

        // or a try-with-resources scope
        try (SpanScope scope = this.dispatcher.enter("rerank")) {
            List<String> reranked = rerank(nodes);
            scope.setResult(reranked);
            return reranked;
        }
    }

    private static List<String> retrieve(String query) {
        return List.of(query + " (a)", query + " (b)");
    }

    private static List<String> rerank(List<String> nodes) {
        return nodes.stream().sorted(Comparator.reverseOrder()).toList();
    }
}
