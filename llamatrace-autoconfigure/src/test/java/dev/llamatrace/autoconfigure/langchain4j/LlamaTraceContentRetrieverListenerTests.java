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
import dev.llamatrace.autoconfigure.support.OpenAiStub;
import dev.llamatrace.autoconfigure.support.Recorder;
import dev.llamatrace.autoconfigure.support.Recorder.Recorded;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.TraceContext;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.event.RetrievalEndEvent;
import dev.llamatrace.core.event.RetrievalStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tests for {@link LlamaTraceContentRetrieverListener} and {@link LlamaTraceEmbeddingModelListener}: a real
 * {@code EmbeddingStoreContentRetriever} over the LangChain4j OpenAI embedding client.
 */
class LlamaTraceContentRetrieverListenerTests {

    private final DispatcherRegistry registry = new DispatcherRegistry();

    private final Dispatcher dispatcher = this.registry.get("dev.llamatrace.autoconfigure.langchain4j");

    private final Recorder recorder = new Recorder();

    private OpenAiStub stub;

    @BeforeEach
    void setUp() throws Exception {
        this.stub = new OpenAiStub();
        this.registry.root().addEventHandler(this.recorder);
        this.registry.root().addSpanHandler(this.recorder);
    }

    @AfterEach
    void tearDown() {
        this.stub.close();
    }

    @Test
    void retrievalSpanHoldsScoredContentsAndTheEmbeddingCallNestsUnderIt() {
        EmbeddingModel embeddings = OpenAiEmbeddingModel.builder()
                .baseUrl(this.stub.baseUrl())
                .apiKey("test-key")
                .modelName("text-embedding-3-small")
                .maxRetries(0)
                .listeners(List.of(new LlamaTraceEmbeddingModelListener(this.dispatcher)))
                .build();
        InMemoryEmbeddingStore<TextSegment> store = new InMemoryEmbeddingStore<>();
        List<TextSegment> segments = List.of(TextSegment.from("cats purr"), TextSegment.from("dogs bark"));
        store.addAll(embeddings.embedAll(segments).content(), segments);
        this.recorder.awaitEnded(1);
        assertThat(this.recorder.events(EmbeddingEndEvent.class).get(0).chunks())
                .containsExactly("cats purr", "dogs bark");
        this.recorder.clear();
        ContentRetriever retriever = EmbeddingStoreContentRetriever.builder()
                .embeddingStore(store)
                .embeddingModel(embeddings)
                .maxResults(2)
                .build()
                .addListener(new LlamaTraceContentRetrieverListener(this.dispatcher));

        List<Content> contents =
                this.registry.get("app").span("Rag.retrieve", () -> retriever.retrieve(Query.from("a cat")));

        assertThat(contents).hasSize(2);
        this.recorder.awaitEnded(3);
        Recorded retrieval = this.recorder.span("retrieval");
        Recorded embedding = this.recorder.span("embeddings text-embedding-3-small");
        assertThat(retrieval.parentId())
                .isEqualTo(this.recorder.span("Rag.retrieve").id());
        assertThat(embedding.parentId()).isEqualTo(retrieval.id());
        assertThat(TraceContext.currentSpan()).isNull();

        assertThat(this.recorder.events(RetrievalStartEvent.class))
                .singleElement()
                .satisfies((start) -> {
                    assertThat(start.spanId()).isEqualTo(retrieval.id());
                    assertThat(start.query()).isEqualTo("a cat");
                });
        RetrievalEndEvent end = this.recorder.events(RetrievalEndEvent.class).get(0);
        assertThat(end.spanId()).isEqualTo(retrieval.id());
        assertThat(end.nodes()).extracting(NodeWithScore::text).containsExactly("cats purr", "dogs bark");
        assertThat(end.nodes().get(0).score()).isGreaterThan(end.nodes().get(1).score());
        EmbeddingStartEvent embeddingStart =
                this.recorder.events(EmbeddingStartEvent.class).get(0);
        assertThat(embeddingStart.spanId()).isEqualTo(embedding.id());
        assertThat(embeddingStart.model().provider()).isEqualTo("openai");
        assertThat(embeddingStart.model().name()).isEqualTo("text-embedding-3-small");
    }
}
