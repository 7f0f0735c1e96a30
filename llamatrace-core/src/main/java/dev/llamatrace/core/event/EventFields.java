package dev.llamatrace.core.event;

import dev.llamatrace.core.llm.ChatMessage;
import dev.llamatrace.core.llm.ModelInfo;
import dev.llamatrace.core.llm.NodeWithScore;
import dev.llamatrace.core.llm.ToolMetadata;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Receives the fields of a {@link DescribedEvent} in LlamaIndex's payload vocabulary, one call per field the event
 * carries, in the order an event of LlamaIndex lists them. The legacy callback API turns the calls into payload maps;
 * {@code null} values mean "not known" and are left out. Every method does nothing by default.
 */
public interface EventFields {

    /**
     * The chat messages sent.
     *
     * @param messages the messages
     */
    default void messages(List<ChatMessage> messages) {}

    /**
     * The input of an agent step; LlamaIndex sends it as the step's one message, as text.
     *
     * @param input the input, or {@code null} when the step has none
     */
    default void stepInput(@Nullable String input) {}

    /**
     * The response of an LLM call, a query or a step (a {@code ChatResponse}, text, or a structured object).
     *
     * @param response the response
     */
    default void response(@Nullable Object response) {}

    /**
     * The formatted prompt of a text completion.
     *
     * @param prompt the prompt
     */
    default void prompt(String prompt) {}

    /**
     * The completion of a text completion (a {@code CompletionResponse}).
     *
     * @param completion the completion
     */
    default void completion(Object completion) {}

    /**
     * A prompt template and the values formatted into it.
     *
     * @param template the template
     * @param variables the values by name
     */
    default void template(String template, Map<String, Object> variables) {}

    /**
     * The query string of a query, retrieval, synthesis or reranking.
     *
     * @param query the query
     */
    default void query(String query) {}

    /**
     * Nodes retrieved or reranked, with their scores.
     *
     * @param nodes the nodes
     */
    default void nodes(List<NodeWithScore> nodes) {}

    /**
     * Texts embedded and their embeddings (dense vectors or sparse maps).
     *
     * @param chunks the texts
     * @param embeddings the embeddings, in the same order
     */
    default void embeddings(List<String> chunks, List<?> embeddings) {}

    /**
     * The token usage the provider reported for a call that has no response object of its own (an embedding call).
     *
     * @param usage the usage map, keyed as {@link dev.llamatrace.core.llm.UsageKeys} lists (e.g.
     *     {@code prompt_tokens}, {@code total_tokens})
     */
    default void usage(Map<String, Object> usage) {}

    /**
     * The model called.
     *
     * @param model the model
     */
    default void model(ModelInfo model) {}

    /**
     * Provider-specific request parameters (sampling, tools).
     *
     * @param kwargs the parameters by name
     */
    default void additionalKwargs(Map<String, Object> kwargs) {}

    /**
     * A reranking: the reranking model's name and how many nodes it keeps.
     *
     * @param modelName the reranking model
     * @param topN the number of nodes kept
     */
    default void reranking(String modelName, int topN) {}

    /**
     * A tool call's arguments.
     *
     * @param tool the tool
     * @param arguments the arguments, as the model sent them
     */
    default void toolCall(ToolMetadata tool, String arguments) {}

    /**
     * A tool call's result.
     *
     * @param tool the tool
     * @param result the result, or {@code null} when it returned none
     */
    default void toolResult(ToolMetadata tool, @Nullable String result) {}
}
