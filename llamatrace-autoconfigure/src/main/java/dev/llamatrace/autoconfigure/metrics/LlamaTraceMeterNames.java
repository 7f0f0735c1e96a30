package dev.llamatrace.autoconfigure.metrics;

/**
 * Every meter name, tag key and fixed tag value llamatrace registers; the GenAI meters' names, units, buckets and tag
 * keys are in {@link GenAiMeter}. All tags are low-cardinality: event classes,
 * span names (bounded by code, capped at {@value #MAX_SPAN_NAMES}), outcomes, handler names, models and providers;
 * never ids or content.
 */
public final class LlamaTraceMeterNames {

    /** OpenTelemetry GenAI: tokens per operation, tagged by token type (see {@link GenAiMeter#CLIENT_TOKEN_USAGE}). */
    public static final String GEN_AI_CLIENT_TOKEN_USAGE = GenAiMeter.CLIENT_TOKEN_USAGE_NAME;

    /** OpenTelemetry GenAI: duration of LLM and embedding client operations (see {@link GenAiMeter}). */
    public static final String GEN_AI_CLIENT_OPERATION_DURATION = GenAiMeter.CLIENT_OPERATION_DURATION_NAME;

    /**
     * The cost of GenAI client operations (LLM calls and embeddings), a counter in the currency of its
     * {@value #TAG_CURRENCY} tag, tagged by provider and model. The GenAI conventions define no cost metric yet.
     */
    public static final String COST = "llamatrace.cost";

    /** Counted operations of models without a price (no table entry, no cost reported), by provider and model. */
    public static final String COST_UNPRICED = "llamatrace.cost.unpriced";

    /** Tag: the ISO 4217 currency of a cost. */
    public static final String TAG_CURRENCY = "currency";

    /** Events dispatched, by event class. */
    public static final String EVENTS = "llamatrace.events";

    /** Span durations, by span name and outcome. */
    public static final String SPAN_DURATION = "llamatrace.span.duration";

    /** Spans open now. */
    public static final String SPANS_ACTIVE = "llamatrace.spans.active";

    /** Handler failures isolated by the dispatchers. */
    public static final String HANDLER_ERRORS = "llamatrace.handler.errors";

    /** Records evicted (or not kept) by bounded handlers, by handler. */
    public static final String EVICTIONS = "llamatrace.evictions";

    /**
     * The name of the Micrometer observation each llamatrace span becomes when the tracing bridge is on. Boot's meter
     * handler would turn it into a timer of that name (and a long-task timer) duplicating {@value #SPAN_DURATION}
     * without help text; {@link LlamaTraceMeterFilters} denies both.
     */
    public static final String OBSERVATION = "llamatrace.observation";

    /** Scores of evaluation results in percent, a distribution tagged with {@code gen_ai.evaluation.name}. */
    public static final String EVALUATION_SCORE = "llamatrace.evaluation.score";

    /** How many distinct evaluation names get their own series; later names share {@value #OTHER_EVALUATION_NAME}. */
    public static final int MAX_EVALUATION_NAMES = 100;

    /** The {@code gen_ai.evaluation.name} of evaluations beyond {@value #MAX_EVALUATION_NAMES} distinct names. */
    public static final String OTHER_EVALUATION_NAME = "other";

    /** Tag: the simple class name of an event, e.g. {@code LLMChatEndEvent}. */
    public static final String TAG_EVENT_TYPE = "event.type";

    /** Tag: the span name, e.g. {@code RagService.answer}. */
    public static final String TAG_SPAN_NAME = "span.name";

    /** Tag: how a span ended, {@value #OUTCOME_SUCCESS} or {@value #OUTCOME_ERROR}. */
    public static final String TAG_OUTCOME = "outcome";

    /** Tag: the handler a count belongs to. */
    public static final String TAG_HANDLER = "handler";

    /** {@value #TAG_OUTCOME} of a span that exited normally. */
    public static final String OUTCOME_SUCCESS = "success";

    /** {@value #TAG_OUTCOME} of a span that was dropped. */
    public static final String OUTCOME_ERROR = "error";

    /** How many distinct span names get their own series; later names share {@value #OTHER_SPAN_NAME}. */
    public static final int MAX_SPAN_NAMES = 1000;

    /** The {@value #TAG_SPAN_NAME} of spans beyond {@value #MAX_SPAN_NAMES} distinct names. */
    public static final String OTHER_SPAN_NAME = "other";

    /** Base unit of {@value #EVALUATION_SCORE}: a score of 0..1 times 100. */
    public static final String UNIT_PERCENT = "percent";

    private LlamaTraceMeterNames() {}
}
