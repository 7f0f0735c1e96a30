package dev.llamatrace.autoconfigure.springai;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.document.Document;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.vectorstore.SearchRequest;
import org.springframework.ai.vectorstore.SimpleVectorStore;

/**
 * Tests for {@link VectorStoreObservationHandler} and {@link EmbeddingModelObservationHandler}: a real
 * {@code SimpleVectorStore} over the Spring AI OpenAI embedding client.
 */
class VectorStoreObservationHandlerTests {

    @RegisterExtension
    final SpringAiFixture fixture = new SpringAiFixture();

    @Test
    void embeddingCallBecomesAnEmbeddingSpanWithTheTextsAndVectors() {
        OpenAiEmbeddingModel model = this.fixture.embeddingModel();

        float[] vector = model.embed("a cat");

        Recorder recorder = this.fixture.recorder;
        recorder.awaitEnded(1);
        Recorded span = recorder.span("embeddings text-embedding-3-small");
        EmbeddingStartEvent start = recorder.events(EmbeddingStartEvent.class).get(0);
        assertThat(start.spanId()).isEqualTo(span.id());
        assertThat(start.model().provider()).isEqualTo("openai");
        assertThat(start.model().name()).isEqualTo("text-embedding-3-small");
        EmbeddingEndEvent end = recorder.events(EmbeddingEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(span.id());
        assertThat(end.chunks()).containsExactly("a cat");
        assertThat(end.embeddings()).singleElement().isEqualTo(vector);
    }

    @Test
    void queryBecomesARetrievalSpanWithScoredDocumentsAndItsEmbeddingAsChild() {
        SimpleVectorStore store = SimpleVectorStore.builder(this.fixture.embeddingModel())
                .observationRegistry(this.fixture.observations)
                .build();
        store.add(List.of(new Document("d1", "cats purr", Map.of()), new Document("d2", "dogs bark", Map.of())));

        Recorder recorder = this.fixture.recorder;
        Recorded add = recorder.span("VectorStore.add");
        assertThat(recorder.spans())
                .filteredOn((span) -> add.id().equals(span.parentId()))
                .extracting(Recorded::name)
                .containsExactly("embeddings text-embedding-3-small", "embeddings text-embedding-3-small");
        recorder.clear();

        List<Document> found = this.fixture
                .registry
                .get("app")
                .span(
                        "Rag.retrieve",
                        () -> store.similaritySearch(
                                SearchRequest.builder().query("a cat").topK(2).build()));

        assertThat(found).extracting(Document::getId).startsWith("d1");
        recorder.awaitEnded(3);
        Recorded retrieval = recorder.span("retrieval simple");
        assertThat(retrieval.parentId()).isEqualTo(recorder.span("Rag.retrieve").id());
        assertThat(recorder.span("embeddings text-embedding-3-small").parentId())
                .isEqualTo(retrieval.id());

        assertThat(recorder.events(RetrievalStartEvent.class)).singleElement().satisfies((event) -> {
            assertThat(event.spanId()).isEqualTo(retrieval.id());
            assertThat(event.query()).isEqualTo("a cat");
        });
        RetrievalEndEvent end = recorder.events(RetrievalEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(retrieval.id());
        assertThat(end.nodes()).extracting(NodeWithScore::id).containsExactly("d1", "d2");
        assertThat(end.nodes().get(0).text()).isEqualTo("cats purr");
        assertThat(end.nodes().get(0).score()).isGreaterThan(end.nodes().get(1).score());
    }
}
