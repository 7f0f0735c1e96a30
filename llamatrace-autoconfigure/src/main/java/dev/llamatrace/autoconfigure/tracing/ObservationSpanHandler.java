package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMeterNames;
import dev.llamatrace.autoconfigure.semconv.GenAiAttributes;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.context.TraceContext;
import dev.llamatrace.core.event.EvaluationEvent;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.event.EventKind;
import dev.llamatrace.core.handler.TokenCountingEvent;
import dev.llamatrace.core.span.AbstractSpanHandler;
import dev.llamatrace.core.span.SpanInvocation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Turns each llamatrace span into a Micrometer {@link Observation}, so that Boot's tracing bridge exports it as a
 * distributed-tracing span: started when the span is entered, stopped when it exits, stopped with an error when it is
 * dropped. The parent is the observation of the parent llamatrace span, or for a root span the observation current
 * on the thread (e.g. the HTTP request's), so traces nest under the request that caused them.
 *
 * <p>The observation is named {@value LlamaTraceMeterNames#OBSERVATION} with the llamatrace span name as contextual
 * (exported) name. Its attributes come from the events of the span ({@link SpanAttributes}): OpenTelemetry GenAI
 * keys, OpenInference keys when {@code openInference} is set, and content only when content capture is on. Only the
 * OpenInference span kind is a low-cardinality key-value. The timer Boot's meter handler would derive from these
 * observations is denied by {@code LlamaTraceMeterFilters#observationTimers()}: per-name timings are
 * {@value LlamaTraceMeterNames#SPAN_DURATION}.
 *
 * <p>Spans of the {@code mirroredDispatchers} stand for an observation someone else owns and exports (Spring AI's
 * chat, embedding, tool, vector store and {@code ChatClient} observations, whose context the Spring AI handlers pass as
 * the span's instance). The bridge starts no observation for them; it adds the same attributes to that observation's
 * context instead, so each call is exported once, as Spring AI's span carrying llamatrace's attributes. This
 * relies on the attributes being added before the tracing handler reads them in its {@code onStop}: the Spring AI
 * handlers dispatch their end events from their own {@code onStop}, and Micrometer calls {@code onStop} in reverse
 * registration order, while Spring Boot registers ungrouped handlers (ours) after the tracing handler group. On the
 * mirrored observations every attribute, the span kind included, is high-cardinality, so Spring AI's meters keep
 * their tags.
 *
 * <p>An {@link EvaluationEvent} becomes a {@code gen_ai.evaluation.result} span event of the span it evaluates, while
 * that span is open ({@link SpanEvents}).
 *
 * <p>Attach it as a span handler and as an event handler (the handler registrar does both for a bean).
 */
public final class ObservationSpanHandler extends AbstractSpanHandler<ObservedSpan> implements EventHandler {

    /** Bounds the walk up the span tree. */
    private static final int MAX_DEPTH = 64;

    private final ObservationRegistry registry;

    private final ContentCapture content;

    private final Set<String> mirroredDispatchers;

    private final boolean openInference;

    /**
     * Creates the handler, writing the OpenTelemetry GenAI attributes only.
     *
     * @param registry where observations are created
     * @param content what content the observations may carry
     */
    public ObservationSpanHandler(ObservationRegistry registry, ContentCapture content) {
        this(registry, content, Set.of(), false);
    }

    /**
     * Creates the handler, skipping spans that mirror an observation of their own.
     *
     * @param registry where observations are created
     * @param content what content the observations may carry
     * @param mirroredDispatchers names of dispatchers whose spans are made from observations (e.g. the Spring AI
     *     integration's); those observations are exported already, so their spans get none of their own: the
     *     observation context passed as the span's instance is enriched instead, and spans inside them take the
     *     observation current on the thread as parent
     * @param openInference whether spans carry the OpenInference attributes (which Phoenix reads) beside the
     *     OpenTelemetry GenAI ones
     */
    public ObservationSpanHandler(
            ObservationRegistry registry,
            ContentCapture content,
            Set<String> mirroredDispatchers,
            boolean openInference) {
        this.registry = registry;
        this.content = content;
        this.mirroredDispatchers = Set.copyOf(mirroredDispatchers);
        this.openInference = openInference;
    }

    @Override
    protected @Nullable ObservedSpan newSpan(SpanInvocation span) {
        String dispatcher = span.dispatcherName();
        if (this.mirroredDispatchers.contains(dispatcher)) {
            return mirror(span, dispatcher);
        }
        LlamaTraceObservationContext context = new LlamaTraceObservationContext(span);
        Observation observation =
                Observation.createNotStarted(LlamaTraceMeterNames.OBSERVATION, () -> context, this.registry);
        if (observation.isNoop()) {
            return null;
        }
        String parentId = span.parentId();
        ObservedSpan parent = (parentId != null) ? openSpan(parentId) : null;
        Observation parentObservation = (parent != null) ? parent.observation() : null;
        if (parentObservation != null) {
            observation.parentObservation(parentObservation);
        }
        // A parent that mirrors an observation of its own has its scope open while its children run, so the
        // observation current on the thread is already the right parent.
        observation.contextualName(span.name());
        ObservedSpan observed = ObservedSpan.owned(span, observation, this.openInference);
        SpanAttributes.started(observed, dispatcher);
        if (this.content.enabled() && !span.arguments().isEmpty()) {
            SpanAttributes.put(observed, OpenInferenceAttributes.INPUT_VALUE, this.content.capture(span.arguments()));
        }
        observation.start();
        return observed;
    }

    /**
     * Enriches the observation a mirrored span stands for (passed as the span's instance) instead of starting a second
     * one, so that each call is exported once, with our attributes on its owner's span.
     */
    private @Nullable ObservedSpan mirror(SpanInvocation span, String dispatcher) {
        if (!(span.instance() instanceof Observation.Context context)) {
            return null;
        }
        ObservedSpan observed = ObservedSpan.mirrored(span, context, this.openInference);
        SpanAttributes.started(observed, dispatcher);
        return observed;
    }

    @Override
    protected boolean prepareToExitSpan(
            ObservedSpan span, SpanInvocation invocation, @Nullable Object result, long endNanos) {
        SpanAttributes.result(span, result, this.content);
        Observation observation = span.observation();
        if (observation != null) {
            observation.stop();
        }
        return true;
    }

    @Override
    protected boolean prepareToDropSpan(ObservedSpan span, SpanInvocation invocation, Throwable error, long endNanos) {
        Observation observation = span.observation();
        if (observation != null) {
            observation.error(this.content.error(error));
            observation.highCardinalityKeyValue(
                    GenAiAttributes.ERROR_TYPE, error.getClass().getName());
            observation.stop();
        }
        return true;
    }

    @Override
    public void handle(Event event) {
        String spanId = event.spanId();
        ObservedSpan span = (spanId != null) ? openSpan(spanId) : null;
        if (span == null) {
            return;
        }
        if (event instanceof TokenCountingEvent count) {
            // The count carries the span of the call it counted: provider usage or the tokenizer fallback, as the
            // meters and the endpoint show it.
            SpanAttributes.tokens(span, count);
            EventKind operation = count.operation();
            SpanAttributes.cost(
                    span,
                    operation,
                    (operation == EventKind.EMBEDDING) ? span.addEmbeddingCost(count.cost()) : count.cost());
        } else if (event instanceof EvaluationEvent evaluation) {
            SpanEvents.evaluation(span, evaluation, this.content);
        } else {
            SpanAttributes.apply(span, event, this.content);
        }
    }

    /**
     * Returns the observation of the innermost llamatrace span active on this thread that the bridge started; none
     * when that span mirrors an observation of its own (whose scope is open on the thread already) or no span is
     * active.
     *
     * @return the observation, or {@code null}
     */
    @Nullable
    Observation activeObservation() {
        SpanInvocation span = TraceContext.currentSpan();
        for (int depth = 0; span != null && depth < MAX_DEPTH; depth++) {
            ObservedSpan observed = openSpan(span.id());
            if (observed != null) {
                return observed.observation();
            }
            span = span.parent();
        }
        return null;
    }
}
