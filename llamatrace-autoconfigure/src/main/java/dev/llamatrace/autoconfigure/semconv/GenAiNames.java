package dev.llamatrace.autoconfigure.semconv;

import org.jspecify.annotations.Nullable;

/**
 * OpenTelemetry GenAI names the framework adapters use: operation names (the first word of a model span's name) and
 * provider names ({@code gen_ai.provider.name}, carried in {@code ModelInfo.provider()}).
 *
 * <p>Model, tool and retrieval spans are named {@code <operation> <target>}, e.g. {@code chat gpt-4o-mini} or
 * {@code execute_tool weather}, as the GenAI conventions name their spans; framework calls that are not a GenAI
 * operation (a {@code ChatClient} call, a vector store write) are named like a method, {@code ChatClient.call}.
 */
public final class GenAiNames {

    /** Operation name of a chat completion. */
    public static final String CHAT = "chat";

    /** Operation name of a text completion. */
    public static final String TEXT_COMPLETION = "text_completion";

    /** Operation name of an embeddings call. */
    public static final String EMBEDDINGS = "embeddings";

    /** Operation name of a tool execution. */
    public static final String EXECUTE_TOOL = "execute_tool";

    /** Operation name of a retrieval. */
    public static final String RETRIEVAL = "retrieval";

    /** Operation name of an agent step. */
    public static final String INVOKE_AGENT = "invoke_agent";

    /** Provider name of OpenAI. */
    public static final String OPENAI = "openai";

    /** Provider name of Azure OpenAI. */
    public static final String AZURE_OPENAI = "azure.ai.openai";

    /** Provider name of Anthropic. */
    public static final String ANTHROPIC = "anthropic";

    /** Provider name of AWS Bedrock. */
    public static final String AWS_BEDROCK = "aws.bedrock";

    /** Provider name of Google Gemini (AI Studio). */
    public static final String GCP_GEMINI = "gcp.gemini";

    /** Provider name of Google Vertex AI. */
    public static final String GCP_VERTEX_AI = "gcp.vertex_ai";

    /** Provider name of Mistral AI. */
    public static final String MISTRAL_AI = "mistral_ai";

    /** Provider name of IBM watsonx.ai. */
    public static final String IBM_WATSONX = "ibm.watsonx.ai";

    /** Provider name of Cohere. */
    public static final String COHERE = "cohere";

    /** Provider name of Ollama (not in the GenAI registry; the name Ollama's own instrumentations use). */
    public static final String OLLAMA = "ollama";

    /** The placeholder for anything unknown (a model name, a provider). */
    public static final String UNKNOWN = "unknown";

    private GenAiNames() {}

    /**
     * Builds a span name {@code <operation> <target>}, or just the operation when the target is unknown.
     *
     * @param operation the operation name, e.g. {@link #CHAT}
     * @param target the model or tool name, or {@code null}
     * @return the span name
     */
    public static String spanName(String operation, @Nullable String target) {
        return (target == null || target.isBlank()) ? operation : operation + " " + target;
    }
}
