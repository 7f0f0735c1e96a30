package dev.llamatrace.demo.index;

import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.demo.DemoProperties;
import dev.llamatrace.demo.corpus.Chunk;
import dev.llamatrace.demo.corpus.GuideLoader;
import dev.llamatrace.demo.corpus.GuidePage;
import dev.llamatrace.demo.corpus.PageSplitter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Builds the index when the application is ready (the web server is up, so the Spring AI client can reach the local
 * embeddings endpoint): load the guide pages, split them into chunks, embed the chunks through Spring AI's
 * {@link EmbeddingModel}, and load the vector index. A failure stops the application with the cause, rather than
 * leaving a service that cannot answer.
 */
@Component
final class Ingestion {

    private static final Log logger = LogFactory.getLog(Ingestion.class);

    private final EmbeddingModel embeddingModel;

    private final VectorIndex index;

    private final DemoProperties properties;

    private final Dispatcher dispatcher;

    Ingestion(
            EmbeddingModel embeddingModel,
            VectorIndex index,
            DemoProperties properties,
            DispatcherRegistry dispatchers) {
        this.embeddingModel = embeddingModel;
        this.index = index;
        this.properties = properties;
        this.dispatcher = dispatchers.get(Ingestion.class);
    }

    @EventListener(ApplicationReadyEvent.class)
    void ingest() {
        this.dispatcher.span("Ingestion.ingest", () -> {
            List<GuidePage> pages = new GuideLoader(getClass().getClassLoader()).load();
            PageSplitter splitter = new PageSplitter(this.properties.getIngest().getChunkSize());
            List<Chunk> chunks = new ArrayList<>();
            pages.forEach((page) -> chunks.addAll(splitter.split(page)));
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
