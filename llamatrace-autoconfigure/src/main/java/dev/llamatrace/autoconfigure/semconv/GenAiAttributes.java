package dev.llamatrace.autoconfigure.semconv;

/**
 * Attribute keys and values of the OpenTelemetry GenAI semantic conventions used by llamatrace's meters and exported
 * spans. The provider key is {@code gen_ai.provider.name}, not the deprecated {@code gen_ai.system}. Operation and
 * provider values shared with the framework adapters come from {@link GenAiNames}.
 */
public final class GenAiAttributes {

    /** The operation, e.g. {@value #OPERATION_CHAT}. */
    public static final String OPERATION_NAME = "gen_ai.operation.name";

    /** The model provider, e.g. {@code openai}. */
    public static final String PROVIDER_NAME = "gen_ai.provider.name";

    /** The model named in the request. */
    public static final String REQUEST_MODEL = "gen_ai.request.model";

    /** Whether a token count is of input or output tokens. */
    public static final String TOKEN_TYPE = "gen_ai.token.type";

    /** Input tokens used by the operation. */
    public static final String USAGE_INPUT_TOKENS = "gen_ai.usage.input_tokens";

    /** Output tokens produced by the operation. */
    public static final String USAGE_OUTPUT_TOKENS = "gen_ai.usage.output_tokens";

    /**
     * The cost of the operation, a decimal amount as text (e.g. {@code 0.00000405}); the shape of the conventions' open
     * cost proposal (semantic-conventions-genai PR 443), not yet part of them.
     */
    public static final String USAGE_COST_AMOUNT = "gen_ai.usage.cost.amount";

    /** The ISO 4217 currency of {@value #USAGE_COST_AMOUNT}. */
    public static final String USAGE_COST_CURRENCY = "gen_ai.usage.cost.currency";

    /** Where {@value #USAGE_COST_AMOUNT} came from: {@code provider} or {@code local} ({@code CostSource}). */
    public static final String USAGE_COST_SOURCE = "gen_ai.usage.cost.source";

    /** The name of the tool an agent called. */
    public static final String TOOL_NAME = "gen_ai.tool.name";

    /** The description of the tool an agent called. */
    public static final String TOOL_DESCRIPTION = "gen_ai.tool.description";

    /** The id the model gave a tool call. */
    public static final String TOOL_CALL_ID = "gen_ai.tool.call.id";

    /** The kind of tool called, e.g. {@value #TOOL_TYPE_FUNCTION}. */
    public static final String TOOL_TYPE = "gen_ai.tool.type";

    /** The arguments of a tool call as JSON text; content, so exported only with content capture on. */
    public static final String TOOL_CALL_ARGUMENTS = "gen_ai.tool.call.arguments";

    /** The result of a tool call; content, so exported only with content capture on. */
    public static final String TOOL_CALL_RESULT = "gen_ai.tool.call.result";

    /** The name of the agent an {@code invoke_agent} span runs. */
    public static final String AGENT_NAME = "gen_ai.agent.name";

    /** {@value #TOOL_TYPE} of a function the application provides (a {@code @Tool} method). */
    public static final String TOOL_TYPE_FUNCTION = "function";

    /** The conversation (session) a span belongs to; a span attribute only, never a meter tag. */
    public static final String CONVERSATION_ID = "gen_ai.conversation.id";

    /** The span event of an evaluation result, parented to the span it evaluates. */
    public static final String EVALUATION_RESULT = "gen_ai.evaluation.result";

    /** The evaluation's name, on {@value #EVALUATION_RESULT}. */
    public static final String EVALUATION_NAME = "gen_ai.evaluation.name";

    /** The numeric score, on {@value #EVALUATION_RESULT}. */
    public static final String EVALUATION_SCORE_VALUE = "gen_ai.evaluation.score.value";

    /** The label, on {@value #EVALUATION_RESULT}. */
    public static final String EVALUATION_SCORE_LABEL = "gen_ai.evaluation.score.label";

    /** The explanation, on {@value #EVALUATION_RESULT}; content. */
    public static final String EVALUATION_EXPLANATION = "gen_ai.evaluation.explanation";

    /** The id of a model's response. */
    public static final String RESPONSE_ID = "gen_ai.response.id";

    /** The class of error that ended an operation (the general OpenTelemetry key). */
    public static final String ERROR_TYPE = "error.type";

    /** {@value #TOKEN_TYPE} value for input (prompt) tokens. */
    public static final String TOKEN_TYPE_INPUT = "input";

    /** {@value #TOKEN_TYPE} value for output (completion) tokens. */
    public static final String TOKEN_TYPE_OUTPUT = "output";

    /** {@value #OPERATION_NAME} of a chat call. */
    public static final String OPERATION_CHAT = GenAiNames.CHAT;

    /** {@value #OPERATION_NAME} of a text completion call. */
    public static final String OPERATION_TEXT_COMPLETION = GenAiNames.TEXT_COMPLETION;

    /** {@value #OPERATION_NAME} of an embeddings call. */
    public static final String OPERATION_EMBEDDINGS = GenAiNames.EMBEDDINGS;

    /** {@value #OPERATION_NAME} of a retrieval. */
    public static final String OPERATION_RETRIEVAL = GenAiNames.RETRIEVAL;

    /** {@value #OPERATION_NAME} of a tool call. */
    public static final String OPERATION_EXECUTE_TOOL = GenAiNames.EXECUTE_TOOL;

    /** {@value #OPERATION_NAME} of an agent step. */
    public static final String OPERATION_INVOKE_AGENT = GenAiNames.INVOKE_AGENT;

    /** The value used when a required attribute is not known, e.g. a provider that was not reported. */
    public static final String UNKNOWN = GenAiNames.UNKNOWN;

    /** The value of {@value #ERROR_TYPE} when an operation succeeded; meters need the tag on every series. */
    public static final String NO_ERROR = "none";

    /** The conventions' fallback value of {@value #ERROR_TYPE} for errors without a value of their own. */
    public static final String ERROR_TYPE_OTHER = "_OTHER";

    /** Span attribute: seconds from the start of a streamed call to its first chunk. */
    public static final String RESPONSE_TIME_TO_FIRST_CHUNK = "gen_ai.response.time_to_first_chunk";

    /** Input tokens read from the provider's cache (a part of {@value #USAGE_INPUT_TOKENS}). */
    public static final String USAGE_CACHE_READ_INPUT_TOKENS = "gen_ai.usage.cache_read.input_tokens";

    /** Input tokens written to the provider's cache (a part of {@value #USAGE_INPUT_TOKENS}). */
    public static final String USAGE_CACHE_CREATION_INPUT_TOKENS = "gen_ai.usage.cache_creation.input_tokens";

    /** Output tokens spent reasoning (a part of {@value #USAGE_OUTPUT_TOKENS}). */
    public static final String USAGE_REASONING_OUTPUT_TOKENS = "gen_ai.usage.reasoning.output_tokens";

    /**
     * Input plus output tokens. Not a GenAI attribute; Spring AI sets it on its spans, so llamatrace sets it there to
     * the same count as the other two, and leaves it off its own spans.
     */
    public static final String USAGE_TOTAL_TOKENS = "gen_ai.usage.total_tokens";

    private GenAiAttributes() {}
}
