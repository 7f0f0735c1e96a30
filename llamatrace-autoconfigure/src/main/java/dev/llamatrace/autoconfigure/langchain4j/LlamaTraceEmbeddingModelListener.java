package dev.llamatrace.autoconfigure.langchain4j;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.listener.EmbeddingModelErrorContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelListener;
import dev.langchain4j.model.embedding.listener.EmbeddingModelRequestContext;
import dev.langchain4j.model.embedding.listener.EmbeddingModelResponseContext;
import dev.langchain4j.model.output.TokenUsage;
import dev.llamatrace.autoconfigure.ModelPayloads;
import dev.llamatrace.autoconfigure.semconv.GenAiNames;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.EmbeddingEndEvent;
import dev.llamatrace.core.event.EmbeddingStartEvent;
import dev.llamatrace.core.llm.ModelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A LangChain4j {@link EmbeddingModelListener} that turns embedding calls into EMBEDDING spans named
 * {@code embeddings <model>} with {@link EmbeddingStartEvent} and {@link EmbeddingEndEvent}.
 *
 * <p>Attach it where the model is built ({@code OpenAiEmbeddingModel.builder().listeners(List.of(listener))}) or with
 * {@code model = model.addListener(listener)}, which returns a new, listening model: only calls through the returned
 * object are seen.
 */
public final class LlamaTraceEmbeddingModelListener implements EmbeddingModelListener {

    private final Dispatcher dispatcher;

    /**
     * Creates the listener.
     *
     * @param dispatcher the dispatcher spans and events go to
     */
    public LlamaTraceEmbeddingModelListener(Dispatcher dispatcher) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
    }

    @Override
    public void onRequest(EmbeddingModelRequestContext context) {
        EmbeddingModel model = context.embeddingModel();
        String modelName = model.modelName();
        ListenerSpans.start(
                this.dispatcher,
                context.attributes(),
                this,
                GenAiNames.spanName(GenAiNames.EMBEDDINGS, modelName),
                TraceContext.currentSpan(),
                false,
                (spanId) -> new EmbeddingStartEvent(
                        spanId,
                        new ModelInfo(
                                LangChain4jPayloads.provider(model.provider()),
                                ModelPayloads.nameOrUnknown(modelName),
                                Map.of())));
    }

    @Override
    public void onResponse(EmbeddingModelResponseContext context) {
        ListenerSpans.end(this.dispatcher, context.attributes(), this, null, (spanId) -> {
            List<String> chunks = new ArrayList<>();
            for (TextSegment segment : context.textSegments()) {
                chunks.add(segment.text());
            }
            List<float[]> vectors = new ArrayList<>();
            for (Embedding embedding : context.embeddingResponse().embeddings()) {
                vectors.add(embedding.vector());
            }
            TokenUsage usage = context.embeddingResponse().tokenUsage();
            return new EmbeddingEndEvent(
                    spanId,
                    chunks,
                    vectors,
                    ModelPayloads.embeddingUsage((usage != null) ? usage.inputTokenCount() : null));
        });
    }

    @Override
    public void onError(EmbeddingModelErrorContext context) {
        ListenerSpans.fail(this.dispatcher, context.attributes(), this, context.error());
    }
}
