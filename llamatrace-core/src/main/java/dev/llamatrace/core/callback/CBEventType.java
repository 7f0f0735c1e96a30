package dev.llamatrace.core.callback;

import dev.llamatrace.core.event.EventKind;
import java.util.Locale;
import java.util.Set;

/**
 * The kinds of operation the legacy callback API reports on, one to one with the {@link EventKind} of new-style events.
 */
public enum CBEventType {

    /** See {@link EventKind#CHUNKING}. */
    CHUNKING,

    /** See {@link EventKind#NODE_PARSING}. */
    NODE_PARSING,

    /** See {@link EventKind#EMBEDDING}. */
    EMBEDDING,

    /** See {@link EventKind#LLM}. */
    LLM,

    /** See {@link EventKind#QUERY}. */
    QUERY,

    /** See {@link EventKind#RETRIEVE}. */
    RETRIEVE,

    /** See {@link EventKind#SYNTHESIZE}. */
    SYNTHESIZE,

    /** See {@link EventKind#TREE}. */
    TREE,

    /** See {@link EventKind#SUB_QUESTION}. */
    SUB_QUESTION,

    /** See {@link EventKind#TEMPLATING}. */
    TEMPLATING,

    /** See {@link EventKind#FUNCTION_CALL}. */
    FUNCTION_CALL,

    /** See {@link EventKind#RERANKING}. */
    RERANKING,

    /** See {@link EventKind#EXCEPTION}. */
    EXCEPTION,

    /** See {@link EventKind#AGENT_STEP}. */
    AGENT_STEP;

    private static final CBEventType[] TYPES = values();

    private static final EventKind[] KINDS = java.util.Arrays.stream(TYPES)
            .map((type) -> EventKind.valueOf(type.name()))
            .toArray(EventKind[]::new);

    /** Types that never become parents: they are not pushed on the event stack. */
    public static final Set<CBEventType> LEAF_EVENTS = Set.of(CHUNKING, LLM, EMBEDDING);

    /**
     * Returns the string value of this type, e.g. {@code node_parsing}.
     *
     * @return the lower-case value
     */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Returns the event kind this type stands for.
     *
     * @return the kind of the same name
     */
    public EventKind kind() {
        return KINDS[ordinal()];
    }

    /**
     * Returns the callback type of an event kind.
     *
     * @param kind the kind
     * @return the type of the same name
     */
    public static CBEventType of(EventKind kind) {
        return TYPES[kind.ordinal()];
    }

    /**
     * Returns the type with the given string value or name, ignoring case.
     *
     * @param value e.g. {@code llm} or {@code LLM}
     * @return the type
     * @throws IllegalArgumentException naming the allowed values when none matches
     */
    public static CBEventType fromValue(String value) {
        for (CBEventType type : values()) {
            if (type.name().equalsIgnoreCase(value) || type.value().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown event type '" + value + "'; allowed values are "
                + java.util.Arrays.stream(values()).map(CBEventType::value).toList());
    }
}
