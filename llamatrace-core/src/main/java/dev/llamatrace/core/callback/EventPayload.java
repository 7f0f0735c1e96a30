package dev.llamatrace.core.callback;

import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The keys of a callback payload. Payloads are maps keyed by each key's {@link #value()}, so a payload built with the
 * plain strings (e.g. {@code "formatted_prompt"}) is read the same as one built with the constants.
 */
public enum EventPayload {

    /** Documents parsed ({@code documents}). */
    DOCUMENTS("documents"),

    /** Text chunks ({@code chunks}). */
    CHUNKS("chunks"),

    /** Nodes ({@code nodes}). */
    NODES("nodes"),

    /** The formatted prompt of a completion call ({@code formatted_prompt}). */
    PROMPT("formatted_prompt"),

    /** The messages of a chat call ({@code messages}). */
    MESSAGES("messages"),

    /** The completion of a completion call ({@code completion}). */
    COMPLETION("completion"),

    /** A response ({@code response}). */
    RESPONSE("response"),

    /** A query text ({@code query_str}). */
    QUERY_STR("query_str"),

    /** A sub-question ({@code sub_question}). */
    SUB_QUESTION("sub_question"),

    /** Embedding vectors ({@code embeddings}). */
    EMBEDDINGS("embeddings"),

    /** How many results were asked for ({@code top_k}). */
    TOP_K("top_k"),

    /** Extra request arguments ({@code additional_kwargs}). */
    ADDITIONAL_KWARGS("additional_kwargs"),

    /** The component's serialized form or model description ({@code serialized}). */
    SERIALIZED("serialized"),

    /** A function or tool call ({@code function_call}). */
    FUNCTION_CALL("function_call"),

    /** What a function or tool returned ({@code function_call_response}). */
    FUNCTION_OUTPUT("function_call_response"),

    /** A tool's metadata ({@code tool}). */
    TOOL("tool"),

    /** A model name ({@code model_name}). */
    MODEL_NAME("model_name"),

    /** A prompt template ({@code template}). */
    TEMPLATE("template"),

    /** Template variables ({@code template_vars}). */
    TEMPLATE_VARS("template_vars"),

    /** A system prompt ({@code system_prompt}). */
    SYSTEM_PROMPT("system_prompt"),

    /** A query wrapper prompt ({@code query_wrapper_prompt}). */
    QUERY_WRAPPER_PROMPT("query_wrapper_prompt"),

    /** The exception that ended an operation ({@code exception}). */
    EXCEPTION("exception"),

    /**
     * The token usage a provider reported for an embedding call ({@code usage}): a map keyed as
     * {@link dev.llamatrace.core.llm.UsageKeys} lists. Not a LlamaIndex key: LlamaIndex tokenizes embedded texts.
     */
    USAGE("usage");

    /** The parent id of events outside any open event: the base of every trace map. */
    public static final String BASE_TRACE_EVENT = "root";

    private final String value;

    EventPayload(String value) {
        this.value = value;
    }

    /**
     * Returns the string a payload map is keyed by.
     *
     * @return the key, e.g. {@code formatted_prompt}
     */
    public String value() {
        return this.value;
    }

    /**
     * Reads this key from a payload.
     *
     * @param payload the payload
     * @return the value, or {@code null} when absent
     */
    public @Nullable Object get(Map<String, ?> payload) {
        return payload.get(this.value);
    }

    /**
     * Returns whether a payload has this key.
     *
     * @param payload the payload
     * @return {@code true} when the key is present, even with a {@code null} value
     */
    public boolean in(Map<String, ?> payload) {
        return payload.containsKey(this.value);
    }

    /**
     * Returns the key with the given string value or constant name.
     *
     * @param value e.g. {@code formatted_prompt} or {@code PROMPT}
     * @return the key
     * @throws IllegalArgumentException naming the allowed values when none matches
     */
    public static EventPayload fromValue(String value) {
        for (EventPayload key : values()) {
            if (key.value.equals(value) || key.name().equals(value)) {
                return key;
            }
        }
        throw new IllegalArgumentException("Unknown payload key '" + value + "'; allowed values are "
                + Arrays.stream(values()).map(EventPayload::value).toList());
    }
}
