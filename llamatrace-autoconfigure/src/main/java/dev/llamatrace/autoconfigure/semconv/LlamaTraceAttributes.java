package dev.llamatrace.autoconfigure.semconv;

/** Attribute keys llamatrace adds to exported spans besides the GenAI and OpenInference ones. */
public final class LlamaTraceAttributes {

    /** The llamatrace span id, to find the span in {@code /actuator/llamatrace/traces}. */
    public static final String SPAN_ID = "llamatrace.span.id";

    /**
     * The llamatrace id of the parent span, also when the parent ran in another process and reached this one through
     * a propagation context.
     */
    public static final String SPAN_PARENT_ID = "llamatrace.span.parent_id";

    /**
     * The dispatcher the span was entered on; not added for the dispatchers of llamatrace's own integrations (names
     * starting with {@value #INTEGRATION_DISPATCHER_PREFIX}), which the span's name already tells.
     */
    public static final String DISPATCHER = "llamatrace.dispatcher";

    /** How the dispatchers of llamatrace's own integrations (Spring AI, LangChain4j) are named. */
    public static final String INTEGRATION_DISPATCHER_PREFIX = "dev.llamatrace.";

    /**
     * Where the span's token counts came from: {@code provider} (the provider's usage) or {@code tokenizer} (estimated
     * locally because the provider reported none); {@code none} when there was nothing to count.
     */
    public static final String TOKEN_COUNT_SOURCE = "llamatrace.token_count.source";

    /** Prefix of the span's tags: tag {@code user} becomes {@code llamatrace.tag.user}. */
    public static final String TAG_PREFIX = "llamatrace.tag.";

    private LlamaTraceAttributes() {}
}
