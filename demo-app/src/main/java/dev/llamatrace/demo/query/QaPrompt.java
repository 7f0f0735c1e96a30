package dev.llamatrace.demo.query;

import dev.llamatrace.core.llm.NodeWithScore;
import java.util.List;

/**
 * The question-answering prompt, in the shape of LlamaIndex's default text QA template: the retrieved chunks between
 * two delimiter lines, each headed by its source, then the query. Any chat model can answer it; the demo's extractive
 * model also reads it back (see {@code PromptReader}), which is why its markers are public constants.
 */
public final class QaPrompt {

    /** The name of this template, as reported in TEMPLATING events. */
    public static final String NAME = "text_qa_template";

    /** The system message sent with every question. */
    public static final String SYSTEM = "You are the llamatrace documentation assistant. Answer the query using only "
            + "the context information. If the context does not contain the answer, say that you do not know.";

    /** The line that opens and closes the context section. */
    public static final String DELIMITER = "---------------------";

    /** The prefix of the line that heads each context chunk, followed by the chunk id and {@code ]}. */
    public static final String SOURCE_PREFIX = "[source: ";

    /** The prefix of the line holding the query. */
    public static final String QUERY_PREFIX = "Query: ";

    private static final String HEADER = "Context information is below.";

    private static final String INSTRUCTION =
            "Given the context information and not prior knowledge, answer the query.";

    private QaPrompt() {}

    /**
     * Renders the user message for a question and its retrieved chunks.
     *
     * @param question the question
     * @param nodes the retrieved chunks, best first
     * @return the prompt text
     */
    public static String render(String question, List<NodeWithScore> nodes) {
        StringBuilder prompt =
                new StringBuilder(HEADER).append('\n').append(DELIMITER).append('\n');
        for (NodeWithScore node : nodes) {
            prompt.append(SOURCE_PREFIX).append(node.id()).append("]\n");
            prompt.append(node.text().strip()).append("\n\n");
        }
        prompt.append(DELIMITER).append('\n');
        prompt.append(INSTRUCTION).append('\n');
        prompt.append(QUERY_PREFIX).append(question).append('\n');
        prompt.append("Answer: ");
        return prompt.toString();
    }
}
