package dev.llamatrace.demo.index;

import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.demo.corpus.Chunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An in-memory vector index over the guide's chunks: exact cosine top-k search. It is filled once, at startup, and
 * replaced as a whole, so searches never see a half-built index.
 */
public final class VectorIndex {

    private volatile List<Entry> entries = List.of();

    private volatile boolean ready;

    /**
     * Replaces the contents of the index.
     *
     * @param chunks the chunks
     * @param vectors their embeddings, in the same order
     * @throws IllegalArgumentException when the lists differ in size or the vectors in dimension
     */
    public void load(List<Chunk> chunks, List<float[]> vectors) {
        if (chunks.size() != vectors.size()) {
            throw new IllegalArgumentException(chunks.size() + " chunks but " + vectors.size() + " vectors");
        }
        List<Entry> entries = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            float[] vector = vectors.get(i);
            if (!entries.isEmpty() && entries.get(0).vector.length != vector.length) {
                throw new IllegalArgumentException("vector " + i + " has " + vector.length + " dimensions, expected "
                        + entries.get(0).vector.length);
            }
            entries.add(new Entry(chunks.get(i), unit(vector)));
        }
        this.entries = List.copyOf(entries);
        this.ready = true;
    }

    /**
     * Returns the chunks most similar to a query vector.
     *
     * @param query the query embedding, from the same model as the index
     * @param topK how many to return
     * @return at most {@code topK} chunks, best first, scored by cosine similarity
     * @throws IllegalStateException when the index is not loaded yet
     * @throws IllegalArgumentException when the query vector has the wrong dimension
     */
    public List<NodeWithScore> search(float[] query, int topK) {
        List<Entry> entries = this.entries;
        if (!this.ready) {
            throw new IndexNotReadyException();
        }
        if (!entries.isEmpty() && entries.get(0).vector.length != query.length) {
            throw new IllegalArgumentException("The query embedding has " + query.length + " dimensions but the index "
                    + entries.get(0).vector.length + "; query and index must use the same embedding model");
        }
        float[] unit = unit(query);
        return entries.stream()
                .map((entry) -> new Scored(entry.chunk, dot(unit, entry.vector)))
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(topK)
                .map(VectorIndex::node)
                .toList();
    }

    /**
     * Returns whether the index has been loaded.
     *
     * @return {@code true} once {@link #load} ran
     */
    public boolean isReady() {
        return this.ready;
    }

    /**
     * Returns the number of chunks in the index.
     *
     * @return the size
     */
    public int size() {
        return this.entries.size();
    }

    private static NodeWithScore node(Scored scored) {
        Chunk chunk = scored.chunk;
        Map<String, Object> metadata = Map.of("page", chunk.pageId(), "title", chunk.title());
        return new NodeWithScore(chunk.id(), chunk.text(), Math.round(scored.score * 10_000) / 10_000.0, metadata);
    }

    private static double dot(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private static float[] unit(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (norm == 0) ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    private record Entry(Chunk chunk, float[] vector) {}

    private record Scored(Chunk chunk, double score) {}
}
