package dev.llamatrace.demo.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llamatrace.demo.DemoServer;
import dev.llamatrace.demo.corpus.GuideLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class IngestionTests extends DemoServer {

    @Autowired
    private VectorIndex index;

    @Test
    void startupIndexesEveryGuidePage() {
        int pages = new GuideLoader(getClass().getClassLoader()).load().size();

        assertThat(this.index.isReady()).isTrue();
        assertThat(this.index.size()).isGreaterThanOrEqualTo(pages);
    }

    @Test
    void ingestionIsOneTraceOfNodeParsingChunkingAndEmbeddingSpans() {
        JsonNode traces = json(get("/actuator/llamatrace/traces?name=" + Ingestion.TRACE_ID));
        assertThat(traces.size()).isOne();
        String traceId = traces.get(0).get("id").asString();
        assertThat(traceId).startsWith(Ingestion.TRACE_ID + "-");
        JsonNode root = json(get("/actuator/llamatrace/traces/" + traceId)).get("root");

        assertThat(root.get("name").asString()).isEqualTo(Ingestion.TRACE_ID);
        List<String> children = new ArrayList<>();
        root.get("children").forEach((child) -> {
            children.add(child.get("name").asString());
            assertThat(child.get("outcome").asString()).isEqualTo("EXITED");
        });
        int batches = (this.index.size() + 31) / 32;
        List<String> expected = new ArrayList<>(List.of("node_parsing", "chunking"));
        for (int i = 0; i < batches; i++) {
            expected.add("embeddings all-minilm-l6-v2-q");
        }
        assertThat(children).isEqualTo(expected);
    }
}
