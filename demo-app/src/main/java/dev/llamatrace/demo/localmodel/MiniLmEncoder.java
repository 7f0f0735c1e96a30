package dev.llamatrace.demo.localmodel;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The in-process MiniLM sentence encoder (all-MiniLM-L6-v2, quantized, 384 dimensions). Its ONNX weights ship inside
 * the langchain4j jar, so it needs no network. It backs the local {@code /v1/embeddings} endpoint and the extractive
 * generator's sentence ranking.
 */
public final class MiniLmEncoder {

    /** The model name the local endpoint reports. */
    public static final String MODEL_NAME = "all-minilm-l6-v2-q";

    private final CompletableFuture<AllMiniLmL6V2QuantizedEmbeddingModel> model;

    /**
     * Creates the encoder and starts loading the model in the background, so the 0.5-3 s it takes overlaps the rest
     * of the application's startup; the first {@link #encode} waits for it.
     */
    public MiniLmEncoder() {
        this.model = CompletableFuture.supplyAsync(
                AllMiniLmL6V2QuantizedEmbeddingModel::new, (task) -> new Thread(task, "minilm-loader").start());
    }

    /**
     * Encodes texts into unit-length vectors.
     *
     * @param texts the texts, at least one
     * @return the vectors, in order, and the number of word-piece tokens the model read
     */
    public Encoded encode(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        Response<List<Embedding>> response = model().embedAll(segments);
        List<float[]> vectors = response.content().stream()
                .map(Embedding::vector)
                .map(MiniLmEncoder::normalize)
                .toList();
        TokenUsage usage = response.tokenUsage();
        Integer tokens = (usage != null) ? usage.inputTokenCount() : null;
        return new Encoded(vectors, (tokens != null) ? tokens : 0);
    }

    /**
     * Returns the number of dimensions of the vectors.
     *
     * @return 384
     */
    public int dimensions() {
        return model().dimension();
    }

    /**
     * Returns the cosine similarity of two unit-length vectors.
     *
     * @param a a vector from {@link #encode}
     * @param b another
     * @return the similarity, in [-1, 1]
     */
    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }

    private AllMiniLmL6V2QuantizedEmbeddingModel model() {
        try {
            return this.model.join();
        } catch (CompletionException ex) {
            throw new IllegalStateException("The MiniLM embedding model failed to load", ex.getCause());
        }
    }

    private static float[] normalize(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (norm == 0) {
            return vector;
        }
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = (float) (vector[i] / norm);
        }
        return unit;
    }

    /**
     * The result of {@link #encode}.
     *
     * @param vectors unit-length vectors, one per input text
     * @param tokens the word-piece tokens read, without the special tokens
     */
    public record Encoded(List<float[]> vectors, int tokens) {}
}
