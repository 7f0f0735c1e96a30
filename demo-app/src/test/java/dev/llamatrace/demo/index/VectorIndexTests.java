package dev.llamatrace.demo.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.corpus.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorIndexTests {

    private final VectorIndex index = new VectorIndex();

    @Test
    void searchReturnsTheTopKByCosineSimilarityBestFirst() {
        this.index.load(
                List.of(chunk("a"), chunk("b"), chunk("c")),
                List.of(new float[] {1, 0}, new float[] {0, 5}, new float[] {1, 1}));

        List<NodeWithScore> nodes = this.index.search(new float[] {0, 2}, 2);

        assertThat(nodes).extracting(NodeWithScore::id).containsExactly("b#0", "c#0");
    }

    @Test
    void scoresAreCosineSimilarities() {
        this.index.load(List.of(chunk("a"), chunk("b")), List.of(new float[] {3, 0}, new float[] {1, 1}));

        List<NodeWithScore> nodes = this.index.search(new float[] {2, 0}, 5);

        assertThat(nodes).extracting(NodeWithScore::id).containsExactly("a#0", "b#0");
        assertThat(nodes.get(0).score()).isEqualTo(1.0);
        assertThat(nodes.get(1).score()).isEqualTo(0.7071);
        assertThat(nodes.get(0).metadata()).containsEntry("page", "a").containsEntry("title", "Title a");
    }

    @Test
    void searchBeforeLoadingSaysTheIndexIsNotReady() {
        assertThat(this.index.isReady()).isFalse();
        assertThatExceptionOfType(IndexNotReadyException.class).isThrownBy(() -> this.index.search(new float[] {1}, 1));
    }

    @Test
    void aQueryFromAnotherEmbeddingModelIsRejectedWithTheReason() {
        this.index.load(List.of(chunk("a")), List.of(new float[] {1, 0, 0}));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.index.search(new float[] {1, 0}, 1))
                .withMessageContaining("same embedding model");
    }

    @Test
    void loadRejectsMismatchedInputs() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> this.index.load(List.of(chunk("a")), List.of()))
                .withMessage("1 chunks but 0 vectors");
        assertThatIllegalArgumentException()
                .isThrownBy(() ->
                        this.index.load(List.of(chunk("a"), chunk("b")), List.of(new float[] {1, 0}, new float[] {1})))
                .withMessageContaining("vector 1 has 1 dimensions, expected 2");
        assertThat(this.index.isReady()).isFalse();
    }

    private static Chunk chunk(String page) {
        return new Chunk(page + "#0", page, "Title " + page, "text of " + page);
    }
}
