package dev.llamatrace.autoconfigure.springai;

import dev.llamatrace.autoconfigure.ModelPayloads;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;

/**
 * Turns Spring AI embedding model observations into EMBEDDING spans named {@code embeddings <model>} with
 * {@link EmbeddingStartEvent} and {@link EmbeddingEndEvent} (the texts, their vectors and the usage the provider
 * reported, which token counting prefers to tokenizing the texts).
 */
public final class EmbeddingModelObservationHandler extends SpanObservationHandler<EmbeddingModelObservationContext> {

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public EmbeddingModelObservationHandler(Dispatcher dispatcher) {
        super(dispatcher, EmbeddingModelObservationContext.class);
    }

    @Override
    String spanName(EmbeddingModelObservationContext context) {
        return GenAiNames.spanName(GenAiNames.EMBEDDINGS, modelName(context.getRequest()));
    }

    @Override
    void started(EmbeddingModelObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(() -> new EmbeddingStartEvent(spanId, model(context)));
    }

    @Override
    void stopped(EmbeddingModelObservationContext context, Dispatcher dispatcher, @Nullable String spanId) {
        dispatcher.event(() -> {
            EmbeddingRequest request = context.getRequest();
            List<String> chunks = (request != null) ? request.getInstructions() : List.of();
            EmbeddingResponse response = context.getResponse();
            List<float[]> vectors = new ArrayList<>();
            Usage usage = null;
            if (response != null) {
                for (Embedding embedding : response.getResults()) {
                    vectors.add(embedding.getOutput());
                }
                usage = response.getMetadata().getUsage();
            }
            return new EmbeddingEndEvent(
                    spanId,
                    chunks,
                    vectors,
                    ModelPayloads.embeddingUsage((usage != null) ? usage.getPromptTokens() : null));
        });
    }

    private static ModelInfo model(EmbeddingModelObservationContext context) {
        EmbeddingRequest request = context.getRequest();
        Map<String, Object> parameters = new LinkedHashMap<>();
        EmbeddingOptions options = (request != null) ? request.getOptions() : null;
        if (options != null && options.getDimensions() != null) {
            parameters.put("dimensions", options.getDimensions());
        }
        return new ModelInfo(
                SpringAiPayloads.provider(context.getOperationMetadata().provider()),
                ModelPayloads.nameOrUnknown(modelName(request)),
                parameters);
    }

    private static @Nullable String modelName(@Nullable EmbeddingRequest request) {
        EmbeddingOptions options = (request != null) ? request.getOptions() : null;
        return (options != null) ? options.getModel() : null;
    }
}
