package dev.llamatrace.autoconfigure.semconv;

/**
 * Attribute keys and span kinds of the OpenInference conventions, which Arize Phoenix and other LLM observability
 * tools read from OTLP spans.
 */
public final class OpenInferenceAttributes {

    /** The kind of span, one of the {@code KIND_*} values. */
    public static final String SPAN_KIND = "openinference.span.kind";

    /** The model of an LLM span. */
    public static final String LLM_MODEL_NAME = "llm.model_name";

    /** The provider of an LLM span. */
    public static final String LLM_PROVIDER = "llm.provider";

    /** Prompt tokens of an LLM span. */
    public static final String LLM_TOKEN_COUNT_PROMPT = "llm.token_count.prompt";

    /** Completion tokens of an LLM span. */
    public static final String LLM_TOKEN_COUNT_COMPLETION = "llm.token_count.completion";

    /** Prompt plus completion tokens of an LLM span. */
    public static final String LLM_TOKEN_COUNT_TOTAL = "llm.token_count.total";

    /** The model of an embedding span. */
    public static final String EMBEDDING_MODEL_NAME = "embedding.model_name";

    /** The model of a reranker span. */
    public static final String RERANKER_MODEL_NAME = "reranker.model_name";

    /** How many documents a reranker keeps. */
    public static final String RERANKER_TOP_K = "reranker.top_k";

    /** The name of the tool of a tool span. */
    public static final String TOOL_NAME = "tool.name";

    /** The description of the tool of a tool span. */
    public static final String TOOL_DESCRIPTION = "tool.description";

    /** The input of a span as text; content, so exported only with content capture on. */
    public static final String INPUT_VALUE = "input.value";

    /** The output of a span as text; content, so exported only with content capture on. */
    public static final String OUTPUT_VALUE = "output.value";

    /** Span kind of an LLM call. */
    public static final String KIND_LLM = "LLM";

    /** Span kind of an embeddings call. */
    public static final String KIND_EMBEDDING = "EMBEDDING";

    /** Span kind of a retrieval. */
    public static final String KIND_RETRIEVER = "RETRIEVER";

    /** Span kind of a reranking. */
    public static final String KIND_RERANKER = "RERANKER";

    /** Span kind of a tool call. */
    public static final String KIND_TOOL = "TOOL";

    /** Span kind of an agent step. */
    public static final String KIND_AGENT = "AGENT";

    /** Span kind of everything else: queries, synthesis, application code. */
    public static final String KIND_CHAIN = "CHAIN";

    private OpenInferenceAttributes() {}
}
