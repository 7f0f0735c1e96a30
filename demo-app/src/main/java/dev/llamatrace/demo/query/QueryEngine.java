package dev.llamatrace.demo.query;

import dev.llamatrace.autoconfigure.aop.LlamaSpan;
import dev.llamatrace.core.Dispatcher;
import dev.llamatrace.core.DispatcherRegistry;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.QueryEndEvent;
import dev.llamatrace.core.event.QueryStartEvent;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.span.SpanInvocation;
import dev.llamatrace.core.span.SpanNames;
import dev.llamatrace.demo.extension.GroundingEvent;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Answers questions over the guide, in LlamaIndex's retriever query engine shape: retrieve, then synthesize. A query
 * is the root span of its trace and emits the built-in query events (QUERY) and the demo's own {@link GroundingEvent};
 * the span's id is returned as the trace id.
 *
 * <p>Not {@code final}: {@code @LlamaSpan} works through a Spring AOP proxy, which subclasses the bean.
 */
@Component
public class QueryEngine {

    private final Retriever retriever;

    private final Synthesizer synthesizer;

    private final Dispatcher dispatcher;

    QueryEngine(Retriever retriever, Synthesizer synthesizer, DispatcherRegistry dispatchers) {
        this.retriever = retriever;
        this.synthesizer = synthesizer;
        this.dispatcher = dispatchers.get(QueryEngine.class);
    }

    /**
     * Answers a question.
     *
     * @param question the question
     * @return the answer, its sources and its trace id
     */
    @LlamaSpan
    public Answer query(String question) {
        // Inside the @LlamaSpan method, the active span is the query's: the root of this question's trace.
        String traceId = TraceContext.currentSpanId();
        this.dispatcher.event(() -> new QueryStartEvent(question));
        List<NodeWithScore> nodes = this.retriever.retrieve(question);
        this.dispatcher.event(() -> new GroundingEvent(question, nodes));
        String text = this.synthesizer.synthesize(question, nodes);
        this.dispatcher.event(() -> new QueryEndEvent(question, text));
        return new Answer(text, nodes, traceId);
    }

    /**
     * Answers a question as a stream. The query span is opened with the dispatcher API, because it must end when the
     * stream ends, not when this method returns.
     *
     * @param question the question
     * @param listener receives the sources, the chunks and the whole answer
     */
    public void stream(String question, AnswerListener listener) {
        SpanInvocation span =
                this.dispatcher.spanEnter(SpanNames.of(this, "stream"), this, Map.of("question", question));
        @Nullable String traceId = (span != null) ? span.id() : null;
        try (TraceContext.Scope scope = TraceContext.activate(span)) {
            this.dispatcher.event(() -> new QueryStartEvent(question));
            List<NodeWithScore> nodes = this.retriever.retrieve(question);
            this.dispatcher.event(() -> new GroundingEvent(question, nodes));
            listener.onSources(nodes, traceId);
            this.synthesizer.stream(question, nodes, new Synthesizer.StreamSink() {

                @Override
                public void onChunk(String chunk) {
                    listener.onChunk(chunk);
                }

                @Override
                public void onComplete(String answer) {
                    dispatcher.event(() -> new QueryEndEvent(traceId, question, answer));
                    if (span != null) {
                        span.exit(answer);
                    }
                    listener.onComplete(new Answer(answer, nodes, traceId));
                }

                @Override
                public void onError(Throwable error) {
                    if (span != null) {
                        span.drop(error);
                    }
                    listener.onError(error);
                }
            });
        } catch (RuntimeException ex) {
            if (span != null) {
                span.drop(ex);
            }
            throw ex;
        }
    }
}
