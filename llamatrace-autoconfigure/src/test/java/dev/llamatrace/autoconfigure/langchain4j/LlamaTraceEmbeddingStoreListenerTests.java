package dev.llamatrace.autoconfigure.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Tests for {@link LlamaTraceEmbeddingStoreListener} on a real in-memory store fed by the OpenAI embedding client. */
class LlamaTraceEmbeddingStoreListenerTests {

    @RegisterExtension
    final LangChain4jFixture fixture = new LangChain4jFixture();

    @Test
    void ingestionIsAnAddSpanAndSearchARetrievalSpanWithScoredMatches() {
        EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(this.fixture.stub.baseUrl())
                .apiKey("test-key")
                .modelName("text-embedding-3-small")
                .maxRetries(0)
                .build();
        EmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<TextSegment>()
                .addListener(new LlamaTraceEmbeddingStoreListener(this.fixture.dispatcher));
        List<TextSegment> segments = List.of(TextSegment.from("cats purr"), TextSegment.from("dogs bark"));

        this.fixture.registry.get("app").span("Ingest.run", () -> {
            store.addAll(embeddings.embedAll(segments).content(), segments);
            return null;
        });
        Embedding question = embeddings.embed("a cat").content();
        this.fixture
                .registry
                .get("app")
                .span(
                        "Rag.search",
                        () -> store.search(EmbeddingSearchRequest.builder()
                                .queryEmbedding(question)
                                .maxResults(2)
                                .build()));

        this.fixture.recorder.awaitEnded(4);
        Recorded add = this.fixture.recorder.span(LlamaTraceEmbeddingStoreListener.ADD);
        assertThat(add.parentId())
                .isEqualTo(this.fixture.recorder.span("Ingest.run").id());
        Recorded retrieval = this.fixture.recorder.span("retrieval");
        assertThat(retrieval.parentId())
                .isEqualTo(this.fixture.recorder.span("Rag.search").id());
        assertThat(retrieval.result()).isEqualTo(2);
        assertThat(this.fixture.recorder.events(RetrievalStartEvent.class))
                .singleElement()
                .satisfies((start) -> assertThat(start.spanId()).isEqualTo(retrieval.id()));
        RetrievalEndEvent end =
                this.fixture.recorder.events(RetrievalEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(retrieval.id());
        assertThat(end.nodes()).extracting(NodeWithScore::text).containsExactly("cats purr", "dogs bark");
        assertThat(end.nodes().get(0).score()).isGreaterThan(end.nodes().get(1).score());
        assertThat(end.nodes()).allSatisfy((node) -> assertThat(node.id()).isNotBlank());
    }
}
