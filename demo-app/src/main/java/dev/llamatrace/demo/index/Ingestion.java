package dev.llamatrace.demo.index;

import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.callback.CBEventType;
import dev.llamatrace.core.callback.CallbackManager;
import dev.llamatrace.core.callback.EventPayload;
import dev.llamatrace.demo.DemoProperties;
import dev.llamatrace.demo.corpus.Chunk;
import dev.llamatrace.demo.corpus.GuideLoader;
import dev.llamatrace.demo.corpus.GuidePage;
import dev.llamatrace.demo.corpus.PageSplitter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the index when the application is ready (the web server is up, so the Spring AI client can reach the local
 * embeddings endpoint): load the guide pages, split them into chunks, embed the chunks through Spring AI's
 * {@link EmbeddingModel}, and load the vector index. It is instrumented with the legacy callback API, the way
 * LlamaIndex's ingestion is: one {@code index_construction} trace holding NODE_PARSING and CHUNKING events. A failure stops the application with the cause, rather than
 * leaving a service that cannot answer.
 */
@Component
final class Ingestion {

    /** The trace id of the ingestion, LlamaIndex's name for building an index. */
    static final String TRACE_ID = "index_construction";

    private static final Log logger = LogFactory.getLog(Ingestion.class);

    private final EmbeddingModel embeddingModel;

    private final VectorIndex index;

    private final DemoProperties properties;

    private final CallbackManager callbacks;

    Ingestion(
            EmbeddingModel embeddingModel,
            VectorIndex index,
            DemoProperties properties,
            DispatcherRegistry dispatchers) {
        this.embeddingModel = embeddingModel;
        this.index = index;
        this.properties = properties;
        this.callbacks = new CallbackManager(dispatchers.get(Ingestion.class));
    }

    @EventListener(ApplicationReadyEvent.class)
    void ingest() {
        this.callbacks.trace(TRACE_ID, () -> {
            List<GuidePage> pages = parse();
            List<Chunk> chunks = chunk(pages);
            List<float[]> vectors = embed(chunks);
            this.index.load(chunks, vectors);
            logger.info(String.format(
                    "Indexed %d guide pages as %d chunks; demo ready %.1f s after JVM start",
                    pages.size(),
                    chunks.size(),
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
            return chunks.size();
        });
    }

    /** NODE_PARSING: the bundled markdown files become guide pages. */
    private List<GuidePage> parse() {
        return this.callbacks.inEvent(
                CBEventType.NODE_PARSING, Map.of(EventPayload.DOCUMENTS.value(), GuideLoader.LOCATION), (event) -> {
                    List<GuidePage> pages = new GuideLoader(getClass().getClassLoader()).load();
                    event.onEnd(Map.of(
                            EventPayload.NODES.value(),
                            pages.stream().map(GuidePage::id).toList()));
                    return pages;
                });
    }

    /** CHUNKING: pages are split into chunks of whole paragraphs. */
    private List<Chunk> chunk(List<GuidePage> pages) {
        PageSplitter splitter = new PageSplitter(this.properties.getIngest().getChunkSize());
        Map<String, ?> start = Map.of(
                EventPayload.CHUNKS.value(), pages.stream().map(GuidePage::text).toList());
        return this.callbacks.inEvent(CBEventType.CHUNKING, start, (event) -> {
            List<Chunk> chunks = new ArrayList<>();
            pages.forEach((page) -> chunks.addAll(splitter.split(page)));
            event.onEnd(Map.of(
                    EventPayload.CHUNKS.value(),
                    chunks.stream().map(Chunk::text).toList()));
            return chunks;
        });
    }

    /**
     * EMBEDDING: each batch goes through Spring AI's embedding model, whose calls the llamatrace Spring AI adapter
     * reports as EMBEDDING spans inside this trace; no callback event here, or they would be counted twice.
     */
    private List<float[]> embed(List<Chunk> chunks) {
        int batchSize = this.properties.getIngest().getEmbeddingBatchSize();
        List<float[]> vectors = new ArrayList<>(chunks.size());
        for (int start = 0; start < chunks.size(); start += batchSize) {
            List<String> texts = chunks.subList(start, Math.min(start + batchSize, chunks.size())).stream()
                    .map(Chunk::text)
                    .toList();
            vectors.addAll(this.embeddingModel.embed(texts));
        }
        return vectors;
    }
}
