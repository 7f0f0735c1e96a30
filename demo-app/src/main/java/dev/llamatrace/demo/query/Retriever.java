package dev.llamatrace.demo.query;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.DemoProperties;
import dev.llamatrace.demo.index.VectorIndex;
import java.util.List;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.stereotype.Component;

/**
 * Finds the chunks of the guide closest to a question: embeds the question with Spring AI's {@link EmbeddingModel}
 * (the llamatrace Spring AI adapter turns that call into an EMBEDDING span) and searches the vector index. The method
 * is a {@link LlamaSpan} and emits the built-in retrieval events (RETRIEVE).
 *
 * <p>Not {@code final}: {@code @LlamaSpan} works through a Spring AOP proxy, which subclasses the bean.
 */
@Component
public class Retriever {

    private final EmbeddingModel embeddingModel;

    private final VectorIndex index;

    private final DemoProperties properties;

    private final Dispatcher dispatcher;

    Retriever(
            EmbeddingModel embeddingModel,
            VectorIndex index,
            DemoProperties properties,
            DispatcherRegistry dispatchers) {
        this.embeddingModel = embeddingModel;
        this.index = index;
        this.properties = properties;
        this.dispatcher = dispatchers.get(Retriever.class);
    }

    /**
     * Retrieves the chunks for a question.
     *
     * @param question the question
     * @return the best chunks, best first
     */
    @LlamaSpan
    public List<NodeWithScore> retrieve(String question) {
        this.dispatcher.event(() -> new RetrievalStartEvent(question));
        float[] query = this.embeddingModel.embed(question);
        List<NodeWithScore> nodes =
                this.index.search(query, this.properties.getRetrieval().getTopK());
        this.dispatcher.event(() -> new RetrievalEndEvent(question, nodes));
        return nodes;
    }
}
