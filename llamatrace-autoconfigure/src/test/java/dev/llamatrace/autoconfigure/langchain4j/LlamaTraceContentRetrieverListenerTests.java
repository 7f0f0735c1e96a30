package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.rag.content.Content;
import dev.langchain4j.rag.content.retriever.ContentRetriever;
import dev.langchain4j.rag.content.retriever.EmbeddingStoreContentRetriever;
import dev.langchain4j.rag.query.Query;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tests for {@link LlamaTraceContentRetrieverListener} and {@link LlamaTraceEmbeddingModelListener}: a real
 * {@code EmbeddingStoreContentRetriever} over the LangChain4j OpenAI embedding client.
 */
class LlamaTraceContentRetrieverListenerTests {

    @RegisterExtension
    final LangChain4jFixture fixture = new LangChain4jFixture();

    @Test
    void retrievalSpanHoldsScoredContentsAndTheEmbeddingCallNestsUnderIt() {
        EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("text-embedding-3-small")
                .maxRetries(0)
                .listeners(List.of(new LlamaTraceEmbeddingModelListener(this.fixture.dispatcher)))
                .build();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<TextSegment> segments = List.of(TextSegment.from("cats purr"), TextSegment.from("dogs bark"));
        store.addAll(embeddings.embedAll(segments).content(), segments);
        this.fixture.recorder.awaitEnded(1);
        assertThat(this.fixture.recorder.events(EmbeddingEndEvent.class).get(0).chunks())
                .containsExactly("cats purr", "dogs bark");
        this.fixture.recorder.clear();
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(embeddings)
                .maxResults(2)
                .build()
                .addListener(new LlamaTraceContentRetrieverListener(this.fixture.dispatcher));

        List<Content> contents =
                this.fixture.registry.get("app").span("Rag.retrieve", () -> retriever.retrieve(Query.from("a cat")));

        assertThat(contents).hasSize(2);
        this.fixture.recorder.awaitEnded(3);
        Recorded retrieval = this.fixture.recorder.span("retrieval");
        Recorded embedding = this.fixture.recorder.span("embeddings text-embedding-3-small");
        assertThat(retrieval.parentId())
                .isEqualTo(this.fixture.recorder.span("Rag.retrieve").id());
        assertThat(embedding.parentId()).isEqualTo(retrieval.id());
        assertThat(TraceContext.currentSpan()).isNull();

        assertThat(this.fixture.recorder.events(RetrievalStartEvent.class))
                .singleElement()
                .satisfies((start) -> {
                    assertThat(start.spanId()).isEqualTo(retrieval.id());
                    assertThat(start.query()).isEqualTo("a cat");
                });
        RetrievalEndEvent end =
                this.fixture.recorder.events(RetrievalEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(retrieval.id());
        assertThat(end.nodes()).extracting(NodeWithScore::text).containsExactly("cats purr", "dogs bark");
        assertThat(end.nodes().get(0).score()).isGreaterThan(end.nodes().get(1).score());
        EmbeddingStartEvent embeddingStart =
                this.fixture.recorder.events(EmbeddingStartEvent.class).get(0);
        assertThat(embeddingStart.spanId()).isEqualTo(embedding.id());
        assertThat(embeddingStart.model().provider()).isEqualTo("openai");
        assertThat(embeddingStart.model().name()).isEqualTo("text-embedding-3-small");
    }
}
