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

    /** Prompt tokens read from the provider's cache (a part of {@value #LLM_TOKEN_COUNT_PROMPT}). */
    public static final String LLM_TOKEN_COUNT_PROMPT_CACHE_READ = "llm.token_count.prompt_details.cache_read";

    /** Prompt tokens written to the provider's cache (a part of {@value #LLM_TOKEN_COUNT_PROMPT}). */
    public static final String LLM_TOKEN_COUNT_PROMPT_CACHE_WRITE = "llm.token_count.prompt_details.cache_write";

    /** Completion tokens spent reasoning (a part of {@value #LLM_TOKEN_COUNT_COMPLETION}). */
    public static final String LLM_TOKEN_COUNT_COMPLETION_REASONING = "llm.token_count.completion_details.reasoning";

    /** The total cost of an LLM span in US dollars (OpenInference assumes the currency); set for USD costs only. */
    public static final String LLM_COST_TOTAL = "llm.cost.total";

    /** The currency {@value #LLM_COST_TOTAL} is in. */
    public static final String LLM_COST_CURRENCY = "USD";

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

    /** The session (conversation) a span belongs to. */
    public static final String SESSION_ID = "session.id";

    /** The user a span works for. */
    public static final String USER_ID = "user.id";

    /** The input of a span as text; content, so exported only with content capture on. */
    public static final String INPUT_VALUE = "input.value";

    /** The output of a span as text; content, so exported only with content capture on. */
    public static final String OUTPUT_VALUE = "output.value";

    /** Prefix of the flattened input messages of an LLM span: {@code llm.input_messages.<i>.message.*}. */
    public static final String LLM_INPUT_MESSAGES = "llm.input_messages";

    /** Prefix of the flattened output messages of an LLM span: {@code llm.output_messages.<i>.message.*}. */
    public static final String LLM_OUTPUT_MESSAGES = "llm.output_messages";

    /** Role of a flattened message, after its prefix and index. */
    public static final String MESSAGE_ROLE = "message.role";

    /** Text of a flattened message, after its prefix and index. */
    public static final String MESSAGE_CONTENT = "message.content";

    /** For a tool message, the id of the call it answers, after its prefix and index. */
    public static final String MESSAGE_TOOL_CALL_ID = "message.tool_call_id";

    /** Prefix of the tool calls of a flattened message: {@code message.tool_calls.<j>.tool_call.*}. */
    public static final String MESSAGE_TOOL_CALLS = "message.tool_calls";

    /** The id of a tool call, after its prefix and index. */
    public static final String TOOL_CALL_ID = "tool_call.id";

    /** The function a tool call invokes, after its prefix and index. */
    public static final String TOOL_CALL_FUNCTION_NAME = "tool_call.function.name";

    /** The JSON arguments of a tool call, after its prefix and index. */
    public static final String TOOL_CALL_FUNCTION_ARGUMENTS = "tool_call.function.arguments";

    /** Prefix of the documents of a retriever span: {@code retrieval.documents.<i>.document.*}. */
    public static final String RETRIEVAL_DOCUMENTS = "retrieval.documents";

    /** The id of a retrieved document, after its prefix and index. */
    public static final String DOCUMENT_ID = "document.id";

    /** The text of a retrieved document, after its prefix and index. */
    public static final String DOCUMENT_CONTENT = "document.content";

    /** The score of a retrieved document, after its prefix and index. */
    public static final String DOCUMENT_SCORE = "document.score";

    /** Prefix of the embedded texts of an embedding span: {@code embedding.embeddings.<i>.embedding.*}. */
    public static final String EMBEDDING_EMBEDDINGS = "embedding.embeddings";

    /** The text of one embedding, after its prefix and index. */
    public static final String EMBEDDING_TEXT = "embedding.text";

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

    /**
     * Builds the key of one field of a flattened list entry, e.g. {@code llm.input_messages.0.message.role}.
     *
     * @param list the list prefix, e.g. {@link #LLM_INPUT_MESSAGES}
     * @param index the position in the list, from 0
     * @param field the field, e.g. {@link #MESSAGE_ROLE}
     * @return the attribute key
     */
    public static String indexed(String list, int index, String field) {
        return list + '.' + index + '.' + field;
    }
}
