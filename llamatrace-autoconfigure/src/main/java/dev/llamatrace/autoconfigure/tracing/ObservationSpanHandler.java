package dev.llamatrace.autoconfigure.tracing;

import dev.llamatrace.autoconfigure.ContentCapture;
import dev.llamatrace.autoconfigure.metrics.LlamaTraceMeterNames;
import dev.llamatrace.autoconfigure.semconv.LlamaTraceAttributes;
import dev.llamatrace.autoconfigure.semconv.OpenInferenceAttributes;
import dev.llamatrace.core.SpanInvocation;
import dev.llamatrace.core.event.Event;
import dev.llamatrace.core.event.EventHandler;
import dev.llamatrace.core.span.AbstractSpanHandler;
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
 * (exported) name. Its attributes come from the events of the span ({@link SpanAttributes}): OpenTelemetry GenAI and
 * OpenInference keys, and content only when content capture is on. Only the OpenInference span kind is a
 * low-cardinality key-value, so Boot's meter handler derives one bounded timer from these observations; per-name
 * timings are {@value LlamaTraceMeterNames#SPAN_DURATION}.
 *
 * <p>Attach it as a span handler and as an event handler (the handler registrar does both for a bean).
 */
public final class ObservationSpanHandler extends AbstractSpanHandler<ObservedSpan> implements EventHandler {

    private final ObservationRegistry registry;

    private final ContentCapture content;

    private final Set<String> mirroredDispatchers;

    /**
     * Creates the handler.
     *
     * @param registry where observations are created
     * @param content what content the observations may carry
     */
    public ObservationSpanHandler(ObservationRegistry registry, ContentCapture content) {
        this(registry, content, Set.of());
    }

    /**
     * Creates the handler, skipping spans that mirror an observation of their own.
     *
     * @param registry where observations are created
     * @param content what content the observations may carry
     * @param mirroredDispatchers names of dispatchers whose spans are made from observations (e.g. the Spring AI
     *     integration's); those observations are exported already, so their spans get none, and spans inside them
     *     take the observation current on the thread as parent
     */
    public ObservationSpanHandler(
            ObservationRegistry registry, ContentCapture content, Set<String> mirroredDispatchers) {
        this.registry = registry;
        this.content = content;
        this.mirroredDispatchers = Set.copyOf(mirroredDispatchers);
    }

    @Override
    protected @Nullable ObservedSpan newSpan(SpanInvocation span) {
        if (this.mirroredDispatchers.contains(span.dispatcher().name())) {
            return null;
        }
        LlamaTraceObservationContext context = new LlamaTraceObservationContext(span);
        Observation observation =
                Observation.createNotStarted(LlamaTraceMeterNames.OBSERVATION, () -> context, this.registry);
        if (observation.isNoop()) {
            return null;
        }
        String parentId = span.parentId();
        ObservedSpan parent = (parentId != null) ? openSpan(parentId) : null;
        if (parent != null) {
            observation.parentObservation(parent.observation());
        }
        observation.contextualName(span.name());
        observation.lowCardinalityKeyValue(OpenInferenceAttributes.SPAN_KIND, OpenInferenceAttributes.KIND_CHAIN);
        observation.highCardinalityKeyValue(LlamaTraceAttributes.SPAN_ID, span.id());
        observation.highCardinalityKeyValue(
                LlamaTraceAttributes.DISPATCHER, span.dispatcher().name());
        span.tags()
                .forEach((key, value) -> observation.highCardinalityKeyValue(
                        LlamaTraceAttributes.TAG_PREFIX + key, String.valueOf(value)));
        if (this.content.enabled() && !span.arguments().isEmpty()) {
            String arguments = this.content.capture(span.arguments());
            if (arguments != null) {
                observation.highCardinalityKeyValue(OpenInferenceAttributes.INPUT_VALUE, arguments);
            }
        }
        observation.start();
        return new ObservedSpan(span.id(), parentId, span.tags(), observation);
    }

    @Override
    protected boolean prepareToExitSpan(
            ObservedSpan span, SpanInvocation invocation, @Nullable Object result, long endNanos) {
        span.observation().stop();
        return true;
    }

    @Override
    protected boolean prepareToDropSpan(ObservedSpan span, SpanInvocation invocation, Throwable error, long endNanos) {
        Observation observation = span.observation();
        observation.error(error);
        observation.stop();
        return true;
    }

    @Override
    public void handle(Event event) {
        String spanId = event.spanId();
        ObservedSpan span = (spanId != null) ? openSpan(spanId) : null;
        if (span != null) {
            SpanAttributes.apply(span, event, this.content);
        }
    }

    /**
     * Adds token counts to the observation of an open span, e.g. from a token counting listener.
     *
     * @param spanId the span the counted call belongs to
     * @param promptTokens input tokens
     * @param completionTokens output tokens
     */
    public void recordTokens(String spanId, long promptTokens, long completionTokens) {
        ObservedSpan span = openSpan(spanId);
        if (span != null) {
            SpanAttributes.tokens(span, promptTokens, completionTokens);
        }
    }
}
