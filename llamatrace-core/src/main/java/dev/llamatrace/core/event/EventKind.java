package dev.llamatrace.core.event;

import java.util.Locale;

/**
 * The kind of operation an event reports on, shared by every consumer (statistics, meters, span kinds) so none of them
 * has to know the event catalog. The names and {@link #value() values} are LlamaIndex's callback event types, which the
 * legacy callback API maps one to one.
 */
public enum EventKind {

    /** Text split into chunks. */
    CHUNKING,

    /** Documents parsed into nodes. */
    NODE_PARSING,

    /** Texts embedded. */
    EMBEDDING,

    /** An LLM call. */
    LLM,

    /** A query, from question to answer. */
    QUERY,

    /** Nodes retrieved for a query. */
    RETRIEVE,

    /** An answer synthesized from retrieved nodes. */
    SYNTHESIZE,

    /** A tree summary level built. */
    TREE,

    /** A sub-question generated and answered. */
    SUB_QUESTION,

    /** A prompt template formatted. */
    TEMPLATING,

    /** A tool or function called. */
    FUNCTION_CALL,

    /** Nodes re-ranked. */
    RERANKING,

    /** An exception. */
    EXCEPTION,

    /** One step of an agent. */
    AGENT_STEP;

    /**
     * Returns the string value of this kind, e.g. {@code node_parsing}.
     *
     * @return the lower-case value
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
