package dev.llamatrace.core.llm;

/**
 * Keys of the {@code additionalKwargs} map of LLM start events that consumers read. Adapters put tool definitions under
 * {@link #TOOLS} so that fine-tuning export can write them.
 */
public final class RequestKeys {

    /**
     * The tool definitions offered to the model: a list of {@link ToolMetadata}, of maps already in OpenAI's
     * {@code tools} format, or a JSON array text.
     */
    public static final String TOOLS = "tools";

    /** Legacy OpenAI function definitions offered to the model, in the same forms as {@link #TOOLS}. */
    public static final String FUNCTIONS = "functions";

    private RequestKeys() {}
}
